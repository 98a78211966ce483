package dev.fraise.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's "Testing with @FraiseDatabase" snippets work in a bare Maven 3.8.7 project: the POM pins the
 * Surefire and compiler that Maven's defaults lack and names an SLF4J binding, and the Java compiles as shown,
 * imports included.
 */
class ReadmeSnippetTest {

    private static final Pattern SNIPPET = Pattern.compile(
            "(?s)<!-- junit-snippet[^>]*-->\\s*```xml\\n(.*?)```\\s*```java\\n(.*?)```");
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?s)```java\\n(.*?)```");
    private static final Pattern CLASS = Pattern.compile("(?m)^class (\\w+)");

    @Test
    void thePomPinsSurefire3AndCompiler313WithRelease17AndAnSlf4jBinding() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                ("<project>" + snippet().group(1) + "</project>").getBytes(StandardCharsets.UTF_8)));
        Map<String, Element> plugins = byArtifactId(pom.getElementsByTagName("plugin"));
        Map<String, Element> dependencies = byArtifactId(pom.getElementsByTagName("dependency"));

        assertTrue(atLeast(text(plugins.get("maven-surefire-plugin"), "version"), 3, 0), "surefire 3.x");
        Element compiler = plugins.get("maven-compiler-plugin");
        assertTrue(atLeast(text(compiler, "version"), 3, 13), "compiler 3.13+");
        assertEquals("17", text(compiler, "release"));
        for (String artifact : List.of("fraise-junit", "junit-jupiter", "slf4j-simple")) {
            assertEquals("test", text(dependencies.get(artifact), "scope"), artifact);
        }
    }

    @Test
    void theJavaCompilesAsShown(@TempDir Path dir) throws IOException {
        compile(dir, snippet().group(2));
    }

    /**
     * Every Java block of the README's JUnit sections that shows its imports compiles: a class as it is, statements
     * inside a method.
     */
    @Test
    void everyJUnitSectionJavaBlockWithImportsCompiles(@TempDir Path dir) throws IOException {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        String sections = readme.substring(readme.indexOf("## Testing with `@FraiseDatabase`"),
                readme.indexOf("## Project layout"));
        Matcher block = JAVA_BLOCK.matcher(sections);
        int compiled = 0;
        while (block.find()) {
            String java = block.group(1);
            if (!java.startsWith("import ")) {
                continue;
            }
            if (!CLASS.matcher(java).find()) {
                int body = java.lastIndexOf(";\n\n") + 3;
                java = java.substring(0, body) + "class Snippet" + compiled + " {\n    void run() throws Exception {\n"
                        + java.substring(body) + "    }\n}\n";
            }
            compile(Files.createDirectories(dir.resolve("block" + compiled++)), java);
        }
        assertEquals(3, compiled, "Java blocks with imports in the JUnit sections");
    }

    private static void compile(Path dir, String java) throws IOException {
        Matcher name = CLASS.matcher(java);
        assertTrue(name.find(), java);
        Path source = dir.resolve(name.group(1) + ".java");
        Files.writeString(source, java);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, "-proc:none", "-classpath", classpath, "-d", dir.toString(),
                source.toString());
        assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));
    }

    private static Matcher snippet() throws IOException {
        Matcher m = SNIPPET.matcher(Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8));
        assertTrue(m.find(), "README.md has no <!-- junit-snippet --> xml block followed by a java block");
        return m;
    }

    private static Map<String, Element> byArtifactId(NodeList nodes) {
        Map<String, Element> byId = new HashMap<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            byId.put(text(e, "artifactId"), e);
        }
        return byId;
    }

    private static String text(Element parent, String tag) {
        assertNotNull(parent, "missing element with " + tag);
        NodeList found = parent.getElementsByTagName(tag);
        assertEquals(1, found.getLength(), tag + " in " + parent.getTextContent());
        return found.item(0).getTextContent().trim();
    }

    private static boolean atLeast(String version, int major, int minor) {
        String[] parts = version.split("[.-]");
        int ma = Integer.parseInt(parts[0]);
        int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        return ma > major || ma == major && mi >= minor;
    }
}
