package dev.fraise.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class BuildMojoTest {

    @Test
    void buildsTheSchemaOnTheEmbeddedDefaultAndReportsIt() throws Exception {
        List<String> log = new ArrayList<>();
        mojo("ok", log).execute();
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Fraise build: OK on embedded PostgreSQL")
                && l.contains("1 files, 1 statements")), log.toString());
    }

    @Test
    void aStatementThatFailsIsReportedWithFileLineAndCode() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> mojo("broken", new ArrayList<>())
                .execute());
        assertEquals("BUILD_SQL_ERROR: db/schema/10_tables/10_tb_a.sql:2:33: column \"nme\" does not exist"
                + " (SQLSTATE 42703) in statement: CREATE VIEW v_a AS SELECT pk_a, nme FROM tb_a", e.getMessage());
    }

    @Test
    void skipDoesNothing() throws Exception {
        List<String> log = new ArrayList<>();
        BuildMojo mojo = mojo("does-not-exist", log);
        mojo.skip = true;
        mojo.execute();
        assertEquals(List.of("Fraise skipped (fraise.skip)"), log);
    }

    @Test
    void missingSchemaDirectoryIsAToolError() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> mojo("does-not-exist", new ArrayList<>()).execute());
        assertEquals("BUILD_DIR_MISSING: db/schema: schema directory does not exist", e.getMessage());
    }

    private static BuildMojo mojo(String project, List<String> log) {
        BuildMojo mojo = new BuildMojo();
        mojo.projectDir = new File("src/test/resources/projects/" + project);
        mojo.env = "local";
        mojo.provider = "embedded";
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add(content.toString());
            }
        });
        return mojo;
    }
}
