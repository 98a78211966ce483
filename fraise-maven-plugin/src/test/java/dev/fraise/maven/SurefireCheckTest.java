package dev.fraise.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** Maven 3.8's default Surefire (2.12.4) runs no JUnit 5 test and passes: the goals say so instead. */
class SurefireCheckTest {

    private static final Path POM = Path.of("pom.xml");

    @Test
    void mavenDefaultSurefireWithJUnit5TestsFailsWithItsCodeAtThePom() {
        FraiseException e = assertThrows(FraiseException.class, () -> check("2.12.4", jupiter())
                .requireJUnit5Runs(w -> { }));
        assertEquals(ErrorCode.SUREFIRE_RUNS_NO_JUNIT5, e.code());
        assertEquals("SUREFIRE_RUNS_NO_JUNIT5: pom.xml: maven-surefire-plugin 2.12.4 runs no JUnit 5 test, so this"
                + " project's tests would not run and the build would pass; declare"
                + " org.apache.maven.plugins:maven-surefire-plugin 3.5.4 (or any 3.x) in <build><plugins> or"
                + " <pluginManagement>", e.getMessage());
        assertThrows(FraiseException.class, () -> check("2.21.0", fraiseJunit()).requireJUnit5Runs(w -> { }));
    }

    @Test
    void surefire222RunsThemOnAnOldPlatformAndIsAWarning() {
        List<String> warnings = new ArrayList<>();
        check("2.22.2", jupiter()).requireJUnit5Runs(warnings::add);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("SUREFIRE_RUNS_NO_JUNIT5: pom.xml: maven-surefire-plugin 2.22.2 runs"
                + " JUnit 5 tests on JUnit Platform 1.3 only"), warnings.get(0));
    }

    @Test
    void surefire3OrNoJUnit5OrNoSurefireIsSilent() {
        List<String> warnings = new ArrayList<>();
        check("3.5.4", jupiter()).requireJUnit5Runs(warnings::add);
        check("3.0.0-M5", fraiseJunit()).requireJUnit5Runs(warnings::add);
        check("2.12.4", List.of()).requireJUnit5Runs(warnings::add);
        SurefireCheck.of(null, null, POM).requireJUnit5Runs(warnings::add);
        SurefireCheck.of(List.of(), jupiter(), POM).requireJUnit5Runs(warnings::add);
        assertEquals(List.of(), warnings);
    }

    @Test
    void everyGoalRunsTheCheckBeforeItsWork() {
        BuildMojo mojo = new BuildMojo();
        mojo.projectDir = new File("src/test/resources/projects/ok");
        mojo.pomFile = new File("src/test/resources/projects/ok/pom.xml");
        mojo.env = "local";
        mojo.provider = "embedded";
        mojo.buildPlugins = List.of(surefire("2.12.4"));
        mojo.dependencies = jupiter();
        mojo.setLog(new SystemStreamLog());
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("SUREFIRE_RUNS_NO_JUNIT5: pom.xml: maven-surefire-plugin 2.12.4"),
                e.getMessage());
    }

    private static SurefireCheck check(String surefireVersion, List<Dependency> dependencies) {
        Plugin compiler = new Plugin();
        compiler.setArtifactId("maven-compiler-plugin");
        compiler.setVersion("3.1");
        return SurefireCheck.of(List.of(compiler, surefire(surefireVersion)), dependencies, POM);
    }

    private static Plugin surefire(String version) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.apache.maven.plugins");
        plugin.setArtifactId("maven-surefire-plugin");
        plugin.setVersion(version);
        return plugin;
    }

    private static List<Dependency> jupiter() {
        return List.of(dependency("org.junit.jupiter", "junit-jupiter"));
    }

    private static List<Dependency> fraiseJunit() {
        return List.of(dependency("dev.fraise", "fraise-junit"));
    }

    private static Dependency dependency(String groupId, String artifactId) {
        Dependency d = new Dependency();
        d.setGroupId(groupId);
        d.setArtifactId(artifactId);
        d.setScope("test");
        return d;
    }
}
