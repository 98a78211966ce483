package dev.fraise.drift;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the {@code git} (and {@code tar}) command line; a failure is {@code DRIFT_BASE_UNAVAILABLE}. */
final class GitCli {

    private static final long TIMEOUT_SECONDS = 120;

    private GitCli() {
    }

    /** Runs {@code git -C dir args}; returns its standard output, trimmed. */
    static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        return run(command, "git " + args[0]);
    }

    /** Extracts the tar archive {@code archive} into {@code target}. */
    static void untar(Path archive, Path target) {
        run(List.of("tar", "-xf", archive.toString(), "-C", target.toString()), "tar");
    }

    /** Runs {@code command}; returns its output, or the process's exit code and error text in the exception. */
    static Result tryRun(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.DRIFT_BASE_UNAVAILABLE, "cannot run " + command.get(0)
                    + " (is it installed and on the PATH?): " + e.getMessage(), null, e);
        }
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new FraiseException(ErrorCode.DRIFT_BASE_UNAVAILABLE,
                        String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FraiseException(ErrorCode.DRIFT_BASE_UNAVAILABLE, "interrupted while running "
                    + command.get(0), null, e);
        }
        return new Result(process.exitValue(), out.strip(), err.join().strip());
    }

    private static String run(List<String> command, String what) {
        Result result = tryRun(command);
        if (result.exitCode() != 0) {
            throw new FraiseException(ErrorCode.DRIFT_BASE_UNAVAILABLE, what + " failed: " + firstLine(result.error()));
        }
        return result.output();
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** A finished process. */
    record Result(int exitCode, String output, String error) {
    }
}
