package dev.fraise.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffMojoTest {

    private static final String TABLE = """
            CREATE TABLE tb_user (
                pk_user INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id UUID NOT NULL UNIQUE DEFAULT gen_random_uuid(),
                name TEXT NOT NULL,
                email TEXT
            );
            """;

    @TempDir
    Path dir;

    @Test
    void anAddedFieldIsSafe() throws Exception {
        Path base = project("base", "'name', u.name", "name: String!");
        Path head = project("head", "'name', u.name, 'email', u.email", "name: String!\n  email: String");
        List<String> log = new ArrayList<>();
        mojo(head, base, log).execute();
        assertTrue(log.get(0).startsWith("INFO Fraise diff: breaking changes against directory " + base
                + ": 0 breaking, 0 dangerous, 2 safe in "), log.toString());
        assertTrue(Files.readString(head.resolve("target/fraise/diff.txt")).contains("SAFE FIELD_ADDED"));
    }

    @Test
    void aViewKeyThatBecameNullableBreaksEvenWithTheSameSdl() throws Exception {
        Path base = project("base", "'name', u.name", "name: String!");
        Path head = project("head", "'name', u.email", "name: String!");
        List<String> log = new ArrayList<>();
        DiffMojo mojo = mojo(head, base, log);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("Fraise breaking-change gate failed: 1 breaking, 0 dangerous change(s) against directory " + base
                + " (failOn=error); definitions in target/fraise/diff.txt", e.getMessage());
        assertTrue(log.get(1).startsWith("ERROR BREAKING VIEW_KEY_NOW_NULLABLE: schema.graphql:"), log.toString());
    }

    @Test
    void configuredProjectionSourcesReachTheViewComparison() throws Exception {
        Path base = project("base", "'name', u.name", "name: String!");
        Path head = project("head", "'name', u.email", "name: String!");
        String feed = "CREATE TABLE tv_feed (id UUID PRIMARY KEY, data JSONB NOT NULL);\n";
        String type = "\ntype FeedItem @sqlSource(name: \"tv_feed\") {\n  id: ID!\n  name: String!\n}\n";
        for (Path project : List.of(base, head)) {
            write(project, "db/schema/20_tv_feed.sql", feed);
            Files.writeString(project.resolve("schema.graphql"), type, java.nio.file.StandardOpenOption.APPEND);
        }
        List<String> log = new ArrayList<>();
        assertThrows(MojoFailureException.class, mojo(head, base, log)::execute);
        assertEquals(1, log.stream().filter(l -> l.startsWith("ERROR BREAKING ")).count(), log.toString());
        log.clear();
        DiffMojo configured = mojo(head, base, log);
        configured.projectionSources = java.util.Map.of("tv_feed", "v_user");
        MojoFailureException e = assertThrows(MojoFailureException.class, configured::execute);
        assertTrue(e.getMessage().startsWith("Fraise breaking-change gate failed: 2 breaking,"), e.getMessage());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("ERROR BREAKING VIEW_KEY_NOW_NULLABLE: schema.graphql:")
                && l.contains("FeedItem.name")), log.toString());
    }

    private Path project(String name, String keys, String fields) throws IOException {
        Path root = dir.resolve(name);
        write(root, "db/schema/10_tb_user.sql", TABLE + "\nCREATE VIEW v_user AS\nSELECT u.id, jsonb_build_object('id',"
                + " u.id::text, " + keys + ") AS data\nFROM tb_user u;\n");
        write(root, "schema.graphql", "type Query {\n  users: [User!]!\n}\n\ntype User {\n  id: ID!\n  " + fields
                + "\n}\n");
        return root;
    }

    private static void write(Path root, String file, String content) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    private static DiffMojo mojo(Path head, Path base, List<String> log) {
        DiffMojo mojo = new DiffMojo();
        mojo.projectDir = head.toFile();
        mojo.env = "local";
        mojo.provider = "embedded";
        mojo.baseRef = "origin/main";
        mojo.baseDir = base.toFile();
        mojo.graphqlSchema = List.of("schema.graphql");
        mojo.failOn = "error";
        mojo.naming = "camel";
        mojo.schemas = "public";
        mojo.mutationProfile = "auto";
        mojo.lint = "true";
        mojo.lintSeverity = "warning";
        mojo.dataColumn = "data";
        mojo.projectionSync = "false";
        mojo.sampleMutations = "true";
        mojo.failOnUnchecked = "false";
        mojo.reportDirectory = new File(head.toFile(), "target/fraise");
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add("INFO " + content);
            }

            @Override
            public void warn(CharSequence content) {
                log.add("WARN " + content);
            }

            @Override
            public void error(CharSequence content) {
                log.add("ERROR " + content);
            }
        });
        return mojo;
    }
}
