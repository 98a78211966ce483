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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM killed with SIGKILL leaves a running postmaster and its data directory; the next start reaps both. */
class StaleDataDirectoryReaperTest {

    @TempDir
    Path base;

    @Test
    void reapsTheServerAndDataDirectoryOfAKilledJvm() throws Exception {
        Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                StaleServerChild.class.getName(), base.toString())
                .redirectErrorStream(true).start();
        try {
            String line = readyLine(child);
            assertTrue(line.startsWith("READY"), "child said: " + line);
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        Path dataDir = onlyDataDirectory();
        ProcessHandle orphan = DataDirectories.postmaster(dataDir).orElseThrow();
        assertTrue(DataDirectories.isRunning(orphan), "the killed JVM left its postmaster running");

        List<Path> reaped = new DataDirectories(base).reapStale();

        assertEquals(List.of(dataDir), reaped);
        assertFalse(DataDirectories.isRunning(orphan), "postmaster stopped");
        assertFalse(Files.exists(dataDir), "data directory deleted");
    }

    @Test
    void leavesTheDirectoriesOfLiveServersAlone() {
        try (PostgresServer server = EmbeddedServerProvider.start(java.util.OptionalInt.empty(),
                new DataDirectories(base), "unshare")) {
            Path dataDir = onlyDataDirectory();
            assertEquals(List.of(), new DataDirectories(base).reapStale());
            assertTrue(Files.isDirectory(dataDir));
            assertTrue(server.majorVersion() >= 14);
        }
    }

    @Test
    void probingForStaleDirectoriesKeepsTheLocksOfThisJvmsServers() throws Exception {
        try (PostgresServer server = EmbeddedServerProvider.start(java.util.OptionalInt.empty(),
                new DataDirectories(base), "unshare")) {
            Path dataDir = onlyDataDirectory();
            assertEquals(List.of(), new DataDirectories(base).reapStale(), "as a second server's start does");
            Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    ReapChild.class.getName(), base.toString()).redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            assertTrue(output.contains("REAPED []"), "another JVM must not take the live server for stale: "
                    + output);
            assertTrue(Files.isDirectory(dataDir));
            try (var c = server.dataSource(server.maintenanceDatabase()).getConnection()) {
                assertTrue(c.isValid(5), "the server still answers");
            }
        }
    }

    @Test
    void aPidReusedByAnotherProcessIsNeverSignalled() throws Exception {
        Process unrelated = new ProcessBuilder("sleep", "60").start();
        try {
            Path dataDir = Files.createDirectories(base.resolve("data-reused-pid"));
            Files.writeString(dataDir.resolve("postmaster.pid"), unrelated.pid() + "\n" + dataDir + "\n");
            Files.setLastModifiedTime(dataDir, java.nio.file.attribute.FileTime.fromMillis(
                    System.currentTimeMillis() - 600_000));

            assertEquals(List.of(dataDir), new DataDirectories(base).reapStale());

            assertFalse(Files.exists(dataDir), "the stale directory is deleted");
            assertTrue(unrelated.isAlive(), "the process that now has the postmaster's old pid is left alone");
            assertFalse(DataDirectories.isPostgres(unrelated.toHandle()));
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void tmpfsIsUsedOnlyWithRoomForPostgres() throws Exception {
        Path tmpfs = Files.createDirectories(base.resolve("shm"));
        Path disk = Files.createDirectories(base.resolve("tmp"));
        assertEquals(tmpfs, DataDirectories.chooseRoot(tmpfs, disk, 0));
        assertEquals(disk, DataDirectories.chooseRoot(tmpfs, disk, Long.MAX_VALUE), "a 64 MB Docker /dev/shm");
        assertEquals(disk, DataDirectories.chooseRoot(base.resolve("missing"), disk, 0));
        assertEquals(DataDirectories.MIN_TMPFS_BYTES, 512L * 1024 * 1024);
    }

    @Test
    void deletesZonkysLeftoverDetectionScriptsButNotFreshOnes() throws Exception {
        Path old = Files.writeString(base.resolve("detect_linux_distribution_123.sh"), "#!/bin/sh");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 120_000));
        Path fresh = Files.writeString(base.resolve("detect_linux_distribution_456.sh"), "#!/bin/sh");
        Path other = Files.writeString(base.resolve("unrelated.sh"), "#!/bin/sh");
        Files.setLastModifiedTime(other, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 120_000));

        assertEquals(1, DataDirectories.reapZonkyScripts(base));

        assertFalse(Files.exists(old));
        assertTrue(Files.exists(fresh));
        assertTrue(Files.exists(other));
    }

    private Path onlyDataDirectory() {
        try (Stream<Path> children = Files.list(base)) {
            List<Path> dirs = children.filter(p -> p.getFileName().toString().startsWith("data-")).toList();
            assertEquals(1, dirs.size(), "one data directory: " + dirs);
            return dirs.get(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readyLine(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            if (line.startsWith("READY")) {
                return line;
            }
        }
        return String.valueOf(line);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
