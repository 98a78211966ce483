package dev.fraise.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a real Maven project of {@code n} entities from {@link ScaleSchema} ({@link ScaleSchema.Nesting#BOUNDED}),
 * for the {@code mvn verify} benchmark ({@code bench/scripts/maven-verify-bench.py}): Confiture schema directories
 * ({@code db/schema/10_tables}, {@code db/schema/20_views}, each split into a few files), seeds, a Confiture
 * environment, {@code schema.graphql}, a {@code pom.xml} running {@code fraise:build} and {@code fraise:check}, and
 * three JUnit 5 classes using {@code @FraiseDatabase} with and without seeds, so the Surefire JVM builds two
 * templates.
 *
 * <p>Usage: {@code ScaleProjectWriter <dir> <n> [--fraise-version=V] [--junit-version=V] [--slf4j-version=V]}.
 * Files the writer does not write are left alone; the ones it writes are replaced.
 */
public final class ScaleProjectWriter {

    /** Files per schema directory. */
    private static final int FILES_PER_DIR = 4;
    /** Entities that get one seed row each (a chain, every row pointing to the previous one). */
    private static final int SEEDED_ENTITIES = 50;
    private static final String TEST_PACKAGE = "dev/fraise/bench/generated";

    private final Path dir;
    private final int n;
    private final Versions versions;

    /** The versions the generated pom uses. */
    record Versions(String fraise, String junit, String slf4j) {

        static Versions of(Map<String, String> options) {
            return new Versions(options.getOrDefault("fraise-version", "0.1.0-SNAPSHOT"),
                    options.getOrDefault("junit-version", "5.14.1"),
                    options.getOrDefault("slf4j-version", "2.0.17"));
        }
    }

    private ScaleProjectWriter(Path dir, int n, Versions versions) {
        this.dir = dir;
        this.n = n;
        this.versions = versions;
    }

    public static void main(String[] args) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                positional.add(arg);
            }
        }
        if (positional.size() != 2) {
            throw new IllegalArgumentException("usage: ScaleProjectWriter <dir> <n> [--fraise-version=V]"
                    + " [--junit-version=V] [--slf4j-version=V]");
        }
        int n = Integer.parseInt(positional.get(1));
        if (n < 2) {
            throw new IllegalArgumentException("n must be at least 2, was " + n);
        }
        new ScaleProjectWriter(Path.of(positional.get(0)), n, Versions.of(options)).write();
        System.out.println("wrote a project of " + n + " entities to " + positional.get(0));
    }

    private void write() {
        ScaleSchema schema = ScaleSchema.of(n, ScaleSchema.Nesting.BOUNDED);
        List<String> tables = new ArrayList<>();
        List<String> views = new ArrayList<>();
        List<String> listViews = new ArrayList<>();
        for (String statement : schema.sql().split("\n")) {
            if (statement.startsWith("CREATE TABLE")) {
                tables.add(statement);
            } else if (statement.contains("_with_children AS")) {
                listViews.add(statement);
            } else {
                views.add(statement);
            }
        }
        writeChunks("db/schema/10_tables/10_tb", tables);
        writeChunks("db/schema/20_views/10_v", views);
        writeChunks("db/schema/20_views/90_v_with_children", listViews);
        writeFile("db/seeds/10_seed_chain.sql", seeds());
        writeFile("db/environments/local.yaml", """
                # Confiture environment of the generated scale project.
                name: local
                database_url: postgresql://postgres:postgres@localhost:5432/fraise_scale
                include_dirs:
                  - db/schema
                  - path: db/seeds
                    recursive: true
                    auto_discover: true
                """);
        writeFile("schema.graphql", schema.sdl());
        writeFile("pom.xml", pom());
        writeFile("src/test/resources/simplelogger.properties", "org.slf4j.simpleLogger.defaultLogLevel=warn\n"
                + "org.slf4j.simpleLogger.log.dev.fraise=info\n");
        writeFile("src/test/java/" + TEST_PACKAGE + "/ReadViewsTest.java", readViewsTest());
        writeFile("src/test/java/" + TEST_PACKAGE + "/SeededViewsTest.java", seededViewsTest());
        writeFile("src/test/java/" + TEST_PACKAGE + "/WritesTest.java", writesTest());
    }

    /** Statements in {@link #FILES_PER_DIR} files {@code <prefix>_NN.sql}, in order (the build runs files by name). */
    private void writeChunks(String prefix, List<String> statements) {
        int size = Math.max(1, (statements.size() + FILES_PER_DIR - 1) / FILES_PER_DIR);
        for (int from = 0, file = 1; from < statements.size(); from += size, file++) {
            String name = String.format(Locale.ROOT, "%s_%02d.sql", prefix, file);
            writeFile(name, String.join("\n", statements.subList(from, Math.min(statements.size(), from + size)))
                    + "\n");
        }
    }

    private String seeds() {
        StringBuilder sql = new StringBuilder("-- One row per entity for the first entities, each pointing to the"
                + " previous one.\n");
        for (int i = 0; i < Math.min(n, SEEDED_ENTITIES); i++) {
            String e = ScaleSchema.entity(i);
            if (i == 0) {
                sql.append("INSERT INTO tb_").append(e).append(" (identifier, name) VALUES ('seed-").append(e)
                        .append("', 'Seed ").append(e).append("');\n");
            } else {
                String parent = ScaleSchema.entity(i - 1);
                sql.append("INSERT INTO tb_").append(e).append(" (identifier, name, fk_").append(parent)
                        .append(") SELECT 'seed-").append(e).append("', 'Seed ").append(e).append("', pk_")
                        .append(parent).append(" FROM tb_").append(parent).append(" WHERE identifier = 'seed-")
                        .append(parent).append("';\n");
            }
        }
        return sql.toString();
    }

    private String readViewsTest() {
        return """
                package dev.fraise.bench.generated;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import dev.fraise.database.Database;
                import dev.fraise.junit.FraiseDatabase;
                import dev.fraise.junit.FraiseInject;
                import org.junit.jupiter.api.Test;

                /** The schema without seeds: every view exists and is empty. */
                @FraiseDatabase
                class ReadViewsTest {

                    @FraiseInject
                    static Database db;

                    @Test
                    void theFirstViewIsEmpty() {
                        assertEquals("[0]", db.queryJson("SELECT count(*) FROM v_e0000"));
                    }

                    @Test
                    void theLastViewIsEmpty() {
                        assertEquals("[0]", db.queryJson("SELECT count(*) FROM v_%s"));
                    }
                }
                """.formatted(ScaleSchema.entity(n - 1));
    }

    private static String seededViewsTest() {
        return """
                package dev.fraise.bench.generated;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import dev.fraise.database.Database;
                import dev.fraise.junit.FraiseDatabase;
                import dev.fraise.junit.FraiseInject;
                import org.junit.jupiter.api.Test;

                /** The schema with its seeds: views embed their parent's data. */
                @FraiseDatabase(seeds = true)
                class SeededViewsTest {

                    @FraiseInject
                    static Database db;

                    @Test
                    void aViewEmbedsItsParent() {
                        assertEquals("[\\"Seed e0000\\"]", db.queryJson("SELECT data->'parent'->>'name' FROM v_e0001"));
                    }

                    @Test
                    void aListViewAggregatesItsChildren() {
                        assertEquals("[1]", db.queryJson("SELECT jsonb_array_length(data->'children')"
                                + " FROM v_e0000_with_children"));
                    }
                }
                """;
    }

    private static String writesTest() {
        return """
                package dev.fraise.bench.generated;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import dev.fraise.database.Database;
                import dev.fraise.junit.FraiseDatabase;
                import dev.fraise.junit.Isolation;
                import org.junit.jupiter.api.Test;

                /** Writes on the schema without seeds, a fresh database per method. */
                @FraiseDatabase(isolation = Isolation.PER_METHOD)
                class WritesTest {

                    @Test
                    void anInsertShowsInTheView(Database db) {
                        db.execute("INSERT INTO tb_e0000 (identifier, name) VALUES ('a', 'A')");
                        assertEquals("[\\"A\\"]", db.queryJson("SELECT data->>'name' FROM v_e0000"));
                    }

                    @Test
                    void everyMethodStartsEmpty(Database db) {
                        db.execute("INSERT INTO tb_e0000 (identifier, name) VALUES ('b', 'B')");
                        assertEquals("[1]", db.queryJson("SELECT count(*) FROM tb_e0000"));
                    }
                }
                """;
    }

    private String pom() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Generated by dev.fraise.bench.ScaleProjectWriter: %1$d entities. -->
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>

                  <groupId>dev.fraise.bench.generated</groupId>
                  <artifactId>scale-project-%1$d</artifactId>
                  <version>1.0-SNAPSHOT</version>

                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.install.skip>true</maven.install.skip>
                    <maven.deploy.skip>true</maven.deploy.skip>
                  </properties>

                  <dependencies>
                    <dependency>
                      <groupId>dev.fraise</groupId>
                      <artifactId>fraise-junit</artifactId>
                      <version>%2$s</version>
                      <scope>test</scope>
                    </dependency>
                    <dependency>
                      <groupId>org.junit.jupiter</groupId>
                      <artifactId>junit-jupiter</artifactId>
                      <version>%3$s</version>
                      <scope>test</scope>
                    </dependency>
                    <dependency>
                      <groupId>org.slf4j</groupId>
                      <artifactId>slf4j-simple</artifactId>
                      <version>%4$s</version>
                      <scope>test</scope>
                    </dependency>
                  </dependencies>

                  <build>
                    <plugins>
                      <!-- The versions of the Fraise build, so that an offline build finds them in the local repository. -->
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-clean-plugin</artifactId>
                        <version>3.5.0</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.14.1</version>
                        <configuration>
                          <release>17</release>
                        </configuration>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.4</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-jar-plugin</artifactId>
                        <version>3.4.2</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-install-plugin</artifactId>
                        <version>3.1.4</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-deploy-plugin</artifactId>
                        <version>3.1.4</version>
                      </plugin>
                      <plugin>
                        <groupId>dev.fraise</groupId>
                        <artifactId>fraise-maven-plugin</artifactId>
                        <version>%2$s</version>
                        <executions>
                          <execution>
                            <id>build-database</id>
                            <goals>
                              <goal>build</goal>
                            </goals>
                          </execution>
                          <execution>
                            <id>contract-gate</id>
                            <goals>
                              <goal>check</goal>
                            </goals>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(n, versions.fraise(), versions.junit(), versions.slf4j());
    }

    private void writeFile(String relative, String content) {
        Path file = dir.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
