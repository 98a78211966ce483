package dev.fraise.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCliTest {

    @TempDir
    Path dir;

    @Test
    void aGitCommandThatHangsIsKilledWhenItsTimeoutFires() throws Exception {
        GitRepo repo = GitRepo.init(dir.resolve("repo"));
        // a shell alias whose child keeps git's stdout open: reading stdout to its end would wait 73 s
        List<String> hanging = List.of("git", "-C", repo.root().toString(), "-c", "alias.hang=!echo started; sleep 73",
                "hang");

        long start = System.nanoTime();
        FraiseException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(FraiseException.class, () -> GitCli.tryRun(hanging, Duration.ofMillis(500))));

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ErrorCode.DRIFT_BASE_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().endsWith("hang did not finish within 500 ms (killed)"), e.getMessage());
        assertTrue(millis < 10_000, "the timeout fired after " + millis + " ms");
        Thread.sleep(200);
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("")
                .endsWith("sleep 73")), "the alias's sleep was killed with git");
    }

    @Test
    void bothStreamsAreReadWhileTheProcessRuns() {
        // 1 MiB on stderr before anything on stdout: a reader of stdout alone would leave the process blocked on
        // a full stderr pipe
        GitRepo repo = GitRepo.init(dir.resolve("repo"));
        List<String> noisy = List.of("git", "-C", repo.root().toString(), "-c",
                "alias.noisy=!head -c 1048576 /dev/zero >&2; echo done", "noisy");

        GitCli.Result result = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> GitCli.tryRun(noisy, Duration.ofSeconds(15)));

        assertEquals(0, result.exitCode(), result.error().substring(0, Math.min(200, result.error().length())));
        assertEquals("done", result.output());
        assertEquals(1_048_576, result.error().length());
    }

    @Test
    void aMissingCommandIsBaseUnavailable() {
        FraiseException e = assertThrows(FraiseException.class,
                () -> GitCli.tryRun(List.of("fraise-no-such-git-binary", "status")));
        assertEquals(ErrorCode.DRIFT_BASE_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("is it installed and on the PATH?"), e.getMessage());
    }
}
