package dev.fraise.maven;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;

/**
 * Whether the {@code report} goal runs later in this build, so that a gate may defer its failure to it: a gate that
 * defers in a build whose {@code report} does not run would let a failing build pass.
 *
 * @param invoked      what the command line asked for, in order: lifecycle phases ({@code verify}) and goals
 *                     ({@code fraise:check}, {@code dev.fraise:fraise-maven-plugin:report@id})
 * @param buildPlugins the project's build plugins, where a {@code report} execution is bound to a phase
 */
record ReportSchedule(List<String> invoked, List<Plugin> buildPlugins) {

    static final String ARTIFACT_ID = "fraise-maven-plugin";
    private static final String PREFIX = "fraise";
    private static final String REPORT = "report";

    /** Maven's default lifecycle, in order. */
    private static final List<String> DEFAULT_LIFECYCLE = List.of("validate", "initialize", "generate-sources",
            "process-sources", "generate-resources", "process-resources", "compile", "process-classes",
            "generate-test-sources", "process-test-sources", "generate-test-resources", "process-test-resources",
            "test-compile", "process-test-classes", "test", "prepare-package", "package", "pre-integration-test",
            "integration-test", "post-integration-test", "verify", "install", "deploy");

    ReportSchedule {
        invoked = List.copyOf(invoked);
        buildPlugins = buildPlugins == null ? List.of() : List.copyOf(buildPlugins);
    }

    /**
     * Whether {@code report} runs after the gate {@code goal}: invoked directly after the gate's own direct
     * invocation, or through a phase (at or after the gate's place on the command line) that reaches the phase the
     * project binds its {@code report} execution to.
     *
     * @param goal   the gate's goal name ({@code check})
     * @param direct whether the gate itself was invoked as a goal ({@code mvn fraise:check}), not by a phase
     */
    boolean reportRunsAfter(String goal, boolean direct) {
        int start = direct ? firstInvocationOf(goal) : 0;
        Optional<Integer> reportPhase = boundReportPhase();
        for (int i = Math.max(start, 0); i < invoked.size(); i++) {
            String entry = invoked.get(i);
            if (i > start && isFraiseGoal(entry, REPORT)) {
                return true;
            }
            int phase = DEFAULT_LIFECYCLE.indexOf(entry);
            if (phase >= 0 && reportPhase.isPresent() && phase >= reportPhase.get()) {
                return true;
            }
        }
        return false;
    }

    private int firstInvocationOf(String goal) {
        for (int i = 0; i < invoked.size(); i++) {
            if (isFraiseGoal(invoked.get(i), goal)) {
                return i;
            }
        }
        return 0;
    }

    /** The earliest default-lifecycle phase a {@code report} execution of this plugin is bound to. */
    private Optional<Integer> boundReportPhase() {
        return buildPlugins.stream()
                .filter(p -> ARTIFACT_ID.equals(p.getArtifactId()))
                .flatMap(p -> p.getExecutions().stream())
                .filter(e -> e.getGoals() != null && e.getGoals().contains(REPORT))
                .map(ReportSchedule::phase)
                .map(DEFAULT_LIFECYCLE::indexOf)
                .filter(i -> i >= 0)
                .min(Integer::compare);
    }

    private static String phase(PluginExecution execution) {
        String phase = execution.getPhase();
        return phase == null || phase.isBlank() ? "verify" : phase;
    }

    /**
     * Whether a command-line entry runs {@code goal} of this plugin: {@code fraise:goal},
     * {@code dev.fraise:fraise-maven-plugin[:version]:goal}, with an optional {@code @execution}.
     */
    static boolean isFraiseGoal(String entry, String goal) {
        int colon = entry.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        String name = entry.substring(colon + 1);
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        String plugin = entry.substring(0, colon);
        return Objects.equals(name, goal) && (plugin.equals(PREFIX) || plugin.contains(":" + ARTIFACT_ID));
    }
}
