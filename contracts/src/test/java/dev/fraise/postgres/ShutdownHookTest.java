package dev.fraise.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JVM-wide server is stopped and its data directory deleted when the JVM exits normally or on SIGTERM, also while
 * it is building a template (Ctrl-C during a long seed), which is not waited for and leaves no snapshot.
 */
class ShutdownHookTest {

    @TempDir
    Path base;

    @ParameterizedTest
    @ValueSource(strings = {"exit", "wait", "building"})
    void theSharedServerLeavesNothingWhenItsJvmEnds(String mode) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + DataDirectories.BASE_PROPERTY + "=" + base, "-cp", System.getProperty("java.class.path"),
                SharedServerChild.class.getName(), mode).redirectErrorStream(true).start();
        String[] ready;
        try {
            ready = readyLine(child).split(" ");
            assertEquals("READY", ready[0], String.join(" ", ready));
            if (!mode.equals("exit")) {
                child.destroy();
            }
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM ends");
        } finally {
            child.destroyForcibly();
        }
        ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(ready[1])).orElse(null);
        assertTrue(postmaster == null || !DataDirectories.isRunning(postmaster), "postmaster stopped");
        assertFalse(Files.exists(Path.of(ready[2])), "data directory deleted");
        try (Stream<Path> left = Files.list(base)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("data-") || n.startsWith("staging-")).toList());
        }
        if (Files.isDirectory(base.resolve("snapshots"))) {
            try (Stream<Path> files = Files.walk(base.resolve("snapshots"))) {
                assertEquals(List.of(), files.filter(f -> f.getFileName().toString().equals("templates")).toList(),
                        "no snapshot was saved");
            }
        }
    }

    private static String readyLine(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY")) {
                return line;
            }
            seen.append(line).append('\n');
        }
        return "child ended without READY:\n" + seen;
    }
}
