// Shared by the ratchet ITs' setup.groovy (evaluated with their binding): a git repository in the IT's basedir whose
// commit tagged 'base' has three contract errors (Post.a, Post.b, Post.c read keys v_post does not have), and the
// closures the IT uses to make its HEAD: schema(fields) rewrites schema.graphql, git(args) runs git there.
def write = { String path, String text ->
    File file = new File(basedir, path)
    file.parentFile.mkdirs()
    file.setText(text, 'UTF-8')
}
def git = { String... args ->
    def process = (['git', '-c', 'user.name=fraise-it', '-c', 'user.email=it@fraise.invalid',
                    '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'] + args.toList()).execute(null, basedir)
    process.waitForProcessOutput(System.out, System.err)
    assert process.exitValue() == 0: "git ${args.join(' ')} failed"
}
def schema = { List<String> fields ->
    write('schema.graphql', 'type Post {\n  id: ID!\n  title: String!\n' + fields.collect { "  $it: String\n" }.join('')
            + '}\n\ntype Query {\n  posts: [Post!]!\n}\n')
}
write('db/schema/10_tables.sql', '''CREATE TABLE tb_post (
    pk_post int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id uuid NOT NULL UNIQUE,
    identifier text NOT NULL UNIQUE,
    title text NOT NULL
);
''')
write('db/schema/20_views.sql', '''CREATE VIEW v_post AS
SELECT p.id, jsonb_build_object('id', p.id::text, 'title', p.title) AS data
FROM tb_post p;
''')
schema(['a', 'b', 'c'])
git('init', '-q')
git('add', 'db', 'schema.graphql')
git('commit', '-q', '-m', 'base: three contract errors')
git('tag', 'base')
binding.setVariable('write', write)
binding.setVariable('git', git)
binding.setVariable('schema', schema)
