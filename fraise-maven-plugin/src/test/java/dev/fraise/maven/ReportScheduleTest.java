package dev.fraise.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.junit.jupiter.api.Test;

class ReportScheduleTest {

    private static final List<Plugin> REPORT_AT_VERIFY = List.of(plugin(null));

    @Test
    void aDirectGoalInvocationDoesNotRunTheBoundReport() {
        assertFalse(schedule(REPORT_AT_VERIFY, "fraise:check").reportRunsAfter("check", true));
        assertFalse(schedule(REPORT_AT_VERIFY, "dev.fraise:fraise-maven-plugin:0.1.0-SNAPSHOT:check")
                .reportRunsAfter("check", true));
    }

    @Test
    void aPhaseThatReachesTheReportsPhaseRunsIt() {
        assertTrue(schedule(REPORT_AT_VERIFY, "clean", "verify").reportRunsAfter("check", false));
        assertTrue(schedule(REPORT_AT_VERIFY, "install").reportRunsAfter("check", false));
        assertTrue(schedule(REPORT_AT_VERIFY, "fraise:check", "verify").reportRunsAfter("check", true));
        assertFalse(schedule(REPORT_AT_VERIFY, "package").reportRunsAfter("check", false));
        assertFalse(schedule(List.of(plugin("deploy")), "verify").reportRunsAfter("check", false));
    }

    @Test
    void aProjectWithoutAReportExecutionNeverRunsIt() {
        Plugin gatesOnly = new Plugin();
        gatesOnly.setArtifactId(ReportSchedule.ARTIFACT_ID);
        PluginExecution gates = new PluginExecution();
        gates.setGoals(List.of("check", "drift"));
        gatesOnly.addExecution(gates);
        assertFalse(schedule(List.of(gatesOnly), "verify").reportRunsAfter("check", false));
        assertFalse(schedule(null, "verify").reportRunsAfter("check", false));
    }

    @Test
    void theReportGoalInvokedAfterTheGateRunsIt() {
        assertTrue(schedule(List.of(), "fraise:check", "fraise:report").reportRunsAfter("check", true));
        assertTrue(schedule(List.of(), "fraise:check", "dev.fraise:fraise-maven-plugin:report@all")
                .reportRunsAfter("check", true));
        assertFalse(schedule(List.of(), "fraise:report", "fraise:check").reportRunsAfter("check", true));
        assertFalse(schedule(List.of(), "fraise:check", "other:report").reportRunsAfter("check", true));
    }

    private static ReportSchedule schedule(List<Plugin> plugins, String... invoked) {
        return new ReportSchedule(List.of(invoked), plugins);
    }

    /** This plugin with a {@code report} execution bound to {@code phase} (the goal's default when null). */
    static Plugin plugin(String phase) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("dev.fraise");
        plugin.setArtifactId(ReportSchedule.ARTIFACT_ID);
        PluginExecution execution = new PluginExecution();
        execution.setGoals(List.of("drift", "check", "report"));
        execution.setPhase(phase);
        plugin.addExecution(execution);
        return plugin;
    }

    static MojoExecution execution(String goal, MojoExecution.Source source) {
        MojoDescriptor descriptor = new MojoDescriptor();
        descriptor.setGoal(goal);
        return new MojoExecution(descriptor, "test", source);
    }
}
