package dev.fraise.maven;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;

/**
 * Whether the project's Surefire runs its JUnit 5 tests. Maven 3.8 binds maven-surefire-plugin 2.12.4 to a project
 * that does not pin it, and that version runs no JUnit Jupiter test and still reports success: a project whose
 * {@code @FraiseDatabase} tests catch a drift would pass with the drift in. Surefire before 2.22.0 fails the goal,
 * 2.22.x (JUnit Platform 1.3, older than the JUnit Fraise is built with) is a warning.
 *
 * @param surefireVersion the version of maven-surefire-plugin in the project's build, if it has one
 * @param usesJUnit5      whether the project declares a JUnit Jupiter or {@code fraise-junit} dependency
 * @param pom             the project's POM, for the location
 */
record SurefireCheck(Optional<String> surefireVersion, boolean usesJUnit5, Path pom) {

    /** The Surefire that runs JUnit 5 at all, and the one that runs the JUnit Fraise is built with. */
    private static final int[] FIRST_JUNIT5 = {2, 22};
    private static final int FIRST_CURRENT_MAJOR = 3;
    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)(?:\\.(\\d+))?");
    private static final String ADVICE = "declare org.apache.maven.plugins:maven-surefire-plugin 3.5.4 (or any 3.x)"
            + " in <build><plugins> or <pluginManagement>";

    /** The check for a project's build plugins and declared dependencies (either may be null outside a project). */
    static SurefireCheck of(List<Plugin> plugins, List<Dependency> dependencies, Path pom) {
        Optional<String> version = Optional.ofNullable(plugins).orElse(List.of()).stream()
                .filter(p -> "maven-surefire-plugin".equals(p.getArtifactId())
                        && "org.apache.maven.plugins".equals(p.getGroupId()))
                .map(Plugin::getVersion)
                .filter(v -> v != null && !v.isBlank())
                .findFirst();
        boolean junit5 = Optional.ofNullable(dependencies).orElse(List.of()).stream()
                .anyMatch(d -> "org.junit.jupiter".equals(d.getGroupId())
                        || "dev.fraise".equals(d.getGroupId()) && "fraise-junit".equals(d.getArtifactId()));
        return new SurefireCheck(version, junit5, pom);
    }

    /**
     * Fails when the JUnit 5 tests would not run; warns when they run on a Surefire older than 3.
     *
     * @throws FraiseException {@code SUREFIRE_RUNS_NO_JUNIT5}, located at the POM
     */
    void requireJUnit5Runs(Consumer<String> warn) {
        if (!usesJUnit5 || surefireVersion.isEmpty()) {
            return;
        }
        String version = surefireVersion.get();
        Matcher m = MAJOR_MINOR.matcher(version);
        if (!m.find()) {
            return;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (major < FIRST_JUNIT5[0] || major == FIRST_JUNIT5[0] && minor < FIRST_JUNIT5[1]) {
            throw new FraiseException(ErrorCode.SUREFIRE_RUNS_NO_JUNIT5, "maven-surefire-plugin " + version
                    + " runs no JUnit 5 test, so this project's tests would not run and the build would pass; "
                    + ADVICE, SourceLocation.of(pom));
        }
        if (major < FIRST_CURRENT_MAJOR) {
            warn.accept(ErrorCode.SUREFIRE_RUNS_NO_JUNIT5 + ": " + pom + ": maven-surefire-plugin " + version
                    + " runs JUnit 5 tests on JUnit Platform 1.3 only; " + ADVICE);
        }
    }
}
