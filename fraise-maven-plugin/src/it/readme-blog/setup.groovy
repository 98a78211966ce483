import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

Path root = new File(fraiseRoot).canonicalFile.toPath()
String readme = root.resolve('README.md').toFile().getText('UTF-8')
def snippet = readme =~ /(?s)<!-- pom-snippet[^>]*-->\s*```xml\n(.*?)```/
assert snippet.find(): 'README.md has no <!-- pom-snippet --> block'
File pom = new File(basedir, 'pom.xml')
pom.setText(pom.getText('UTF-8').replace('<!-- README snippet -->', snippet.group(1)), 'UTF-8')

Path blog = root.resolve('examples/blog')
Path target = basedir.toPath()
[blog.resolve('db'), blog.resolve('schema.graphql')].each { Path from ->
    Files.walk(from).withCloseable { files ->
        files.each { Path file ->
            Path to = target.resolve(blog.relativize(file).toString())
            if (Files.isDirectory(file)) {
                Files.createDirectories(to)
            } else {
                Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING)
            }
        }
    }
}

def git = { String... args ->
    def process = (['git', '-c', 'user.name=fraise-it', '-c', 'user.email=it@fraise.invalid',
                    '-c', 'commit.gpgsign=false'] + args.toList()).execute(null, basedir)
    process.waitForProcessOutput(System.out, System.err)
    assert process.exitValue() == 0: "git ${args.join(' ')} failed"
}
git('init', '-q')
git('add', 'db', 'schema.graphql')
git('commit', '-q', '-m', 'base')
return true
