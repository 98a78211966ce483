package dev.fraise.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.report.Gate;
import dev.fraise.report.GateReport;
import dev.fraise.report.Level;
import dev.fraise.report.Problem;
import dev.fraise.report.ReportDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report goal writes the build's combined report and fails when a gate of this build failed. */
class ReportMojoTest {

    @TempDir
    Path dir;

    @Test
    void failsWhenAGateOfThisBuildFailedAndNamesIt() throws Exception {
        List<String> log = new ArrayList<>();
        ReportMojo mojo = mojo(log);
        ReportDirectory reports = mojo.reports(mojo.reportDirectory);
        Problem drift = Problem.builder("DRIFT_EXTRA_IN_MIGRATED", Level.ERROR).path("public.tb_tag")
                .message("table public.tb_tag is created by the migrations but not by the schema files").build();
        reports.write(GateReport.of(Gate.DRIFT, List.of("DDL = migrations against git ref origin/main: 1 migration"),
                List.of(GateReport.Case.checked("DDL = migrations")), List.of(drift)), List.of());
        reports.write(GateReport.of(Gate.DIFF, List.of("GraphQL schema and views against git ref origin/main"),
                List.of(), List.of()), List.of());
        Files.delete(dir.resolve("target/fraise/pr-comment.md"));

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("Fraise gates failed: drift; report in target/fraise/pr-comment.md", e.getMessage());
        assertEquals(List.of("INFO Fraise report: drift FAILED: 1 error, 0 warnings, 0 suppressed",
                "INFO Fraise report: diff passed: 0 errors, 0 warnings, 0 suppressed"), log);
        assertTrue(Files.readString(dir.resolve("target/fraise/pr-comment.md"))
                .startsWith("<!-- fraise -->\n### ❌ Fraise: 1 of 2 gates failed\n"));
    }

    @Test
    void passesWithoutGates() throws Exception {
        List<String> log = new ArrayList<>();
        mojo(log).execute();
        assertEquals(List.of("INFO Fraise report: no gate ran in this build"), log);
    }

    private ReportMojo mojo(List<String> log) {
        ReportMojo mojo = new ReportMojo();
        mojo.projectDir = dir.toFile();
        mojo.env = "local";
        mojo.provider = "embedded";
        mojo.reportDirectory = dir.resolve("target/fraise").toFile();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add("INFO " + content);
            }
        });
        return mojo;
    }
}
