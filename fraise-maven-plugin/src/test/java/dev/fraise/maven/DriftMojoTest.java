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
import java.util.Properties;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftMojoTest {

    @TempDir
    Path dir;

    @Test
    void migrationsThatMatchTheSchemaFilesPass() throws Exception {
        Path base = project("base", "CREATE TABLE tb_a (pk_a INTEGER PRIMARY KEY);\n");
        Path head = project("head", "CREATE TABLE tb_a (pk_a INTEGER PRIMARY KEY, title TEXT);\n");
        write(head, "db/migrations/001_add_title.up.sql", "ALTER TABLE tb_a ADD COLUMN title TEXT;\n");
        write(head, "db/migrations/001_add_title.down.sql", "ALTER TABLE tb_a DROP COLUMN title;\n");
        List<String> log = new ArrayList<>();
        mojo(head, base, log).execute();
        assertEquals(2, log.size(), log.toString());
        assertTrue(log.get(0).startsWith("INFO Fraise drift: DDL = migrations against directory " + base
                + ": 1 migration(s) [001_add_title], no findings"), log.toString());
        assertTrue(log.get(1).startsWith("INFO Fraise drift: reversibility against directory "), log.toString());
    }

    @Test
    void aMigrationThatMissesAColumnFailsWithTheFindingAndItsFile() throws Exception {
        Path base = project("base", "CREATE TABLE tb_a (pk_a INTEGER PRIMARY KEY);\n");
        Path head = project("head", "CREATE TABLE tb_a (pk_a INTEGER PRIMARY KEY, title TEXT);\n");
        write(head, "db/migrations/001_noop.up.sql", "SELECT 1;\n");
        List<String> log = new ArrayList<>();
        DriftMojo mojo = mojo(head, base, log);
        mojo.reversibility = false;
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("Fraise drift gate failed: 1 finding(s) against directory " + base
                + "; definitions in target/fraise/drift.txt", e.getMessage());
        assertTrue(log.get(1).startsWith("ERROR DRIFT_MISSING_IN_MIGRATED: db/schema/10_tb_a.sql:1: column"
                + " public.tb_a.title"), log.toString());
        assertTrue(Files.readString(head.resolve("target/fraise/drift.txt")).contains("expected: "));
    }

    @Test
    void withDeferFailureTheGateReportsAndLeavesFailingToTheReportGoal() throws Exception {
        Path base = project("base", "CREATE TABLE tb_a (pk_a INTEGER PRIMARY KEY);\n");
        Path head = project("head", "CREATE TABLE tb_a (pk_a INTEGER PRIMARY KEY, title TEXT);\n");
        List<String> log = new ArrayList<>();
        DriftMojo mojo = mojo(head, base, log);
        mojo.reversibility = false;
        mojo.deferFailure = true;
        mojo.buildPlugins = List.of(ReportScheduleTest.plugin("verify"));
        mojo.mojoExecution = ReportScheduleTest.execution("drift", MojoExecution.Source.LIFECYCLE);
        mojo.invokedGoals = List.of("clean", "verify");
        mojo.execute();
        assertTrue(log.get(log.size() - 1).startsWith("ERROR Fraise drift gate failed: 1 finding(s) against directory "
                + base) && log.get(log.size() - 1).endsWith(" (deferred to fraise:report: fraise.deferFailure)"),
                log.toString());
        String comment = Files.readString(head.resolve("target/fraise/pr-comment.md"));
        assertTrue(comment.contains("| `DRIFT_MISSING_IN_MIGRATED` | `public.tb_a.title` | `db/schema/10_tb_a.sql:1`"),
                comment);
        ReportMojo report = new ReportMojo();
        report.projectDir = head.toFile();
        report.env = "local";
        report.provider = "embedded";
        report.reportDirectory = mojo.reportDirectory;
        report.setLog(mojo.getLog());
        assertEquals("Fraise gates failed: drift; report in target/fraise/pr-comment.md",
                assertThrows(MojoFailureException.class, report::execute).getMessage());
    }

    @Test
    void aDirectInvocationWithoutTheReportGoalFailsAtOnceDespiteDeferFailure() throws Exception {
        Path base = project("base", "CREATE TABLE tb_a (pk_a INTEGER PRIMARY KEY);\n");
        Path head = project("head", "CREATE TABLE tb_a (pk_a INTEGER PRIMARY KEY, title TEXT);\n");
        List<String> log = new ArrayList<>();
        DriftMojo mojo = mojo(head, base, log);
        mojo.reversibility = false;
        mojo.deferFailure = true;
        mojo.buildPlugins = List.of(ReportScheduleTest.plugin("verify"));
        mojo.mojoExecution = ReportScheduleTest.execution("drift", MojoExecution.Source.CLI);
        mojo.invokedGoals = List.of("fraise:drift");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Fraise drift gate failed: 1 finding(s)"), e.getMessage());
        assertTrue(log.contains("WARN Fraise: deferFailure ignored: fraise:report does not run after fraise:drift"
                + " in this build"), log.toString());
    }

    @Test
    void theUserPropertyFalseBeatsThePomsDeferFailure() throws Exception {
        Path base = project("base", "CREATE TABLE tb_a (pk_a INTEGER PRIMARY KEY);\n");
        Path head = project("head", "CREATE TABLE tb_a (pk_a INTEGER PRIMARY KEY, title TEXT);\n");
        DriftMojo mojo = mojo(head, base, new ArrayList<>());
        mojo.reversibility = false;
        mojo.deferFailure = true;
        mojo.buildPlugins = List.of(ReportScheduleTest.plugin("verify"));
        mojo.mojoExecution = ReportScheduleTest.execution("drift", MojoExecution.Source.LIFECYCLE);
        mojo.invokedGoals = List.of("verify");
        mojo.userProperties = new Properties();
        mojo.userProperties.setProperty("fraise.deferFailure", "false");
        assertThrows(MojoFailureException.class, mojo::execute);
    }

    @Test
    void aToolErrorLeavesNoReportOfAnEarlierRunBehind() throws Exception {
        Path head = project("head", "CREATE TABLE tb_a (pk_a INTEGER PRIMARY KEY);\n");
        List<String> stale = List.of("drift.json", "drift.sarif", "TEST-fraise-drift.xml");
        for (String name : stale) {
            write(head, "target/fraise/" + name, "earlier run");
        }
        DriftMojo mojo = mojo(head, head, new ArrayList<>());
        mojo.provider = "nowhere";
        assertTrue(assertThrows(MojoExecutionException.class, mojo::execute).getMessage()
                .startsWith("SETTING_INVALID: "));
        assertEquals(List.of(), stale.stream().filter(name -> Files.exists(head.resolve("target/fraise/" + name)))
                .toList());
    }

    @Test
    void anUnreadableBaseIsAToolError() throws Exception {
        Path head = project("head", "CREATE TABLE tb_a (pk_a INTEGER PRIMARY KEY);\n");
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> mojo(head, dir.resolve("nowhere"), new ArrayList<>()).execute());
        assertTrue(e.getMessage().startsWith("DRIFT_BASE_UNAVAILABLE: "), e.getMessage());
    }

    private Path project(String name, String table) throws IOException {
        Path root = dir.resolve(name);
        write(root, "db/schema/10_tb_a.sql", table);
        Files.createDirectories(root.resolve("db/migrations"));
        return root;
    }

    private static void write(Path root, String file, String content) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    private static DriftMojo mojo(Path head, Path base, List<String> log) {
        DriftMojo mojo = new DriftMojo();
        mojo.projectDir = head.toFile();
        mojo.env = "local";
        mojo.provider = "embedded";
        mojo.baseRef = "origin/main";
        mojo.baseDir = base.toFile();
        mojo.reversibility = true;
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
