package dev.fraise.drift;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code git} command line; a failure is {@code DRIFT_BASE_UNAVAILABLE}. Both output streams are read
 * while the process runs, so neither can fill its pipe and stall it, and a process that outlives its timeout is
 * killed with its children (a {@code !shell} alias, a credential helper).
 */
final class GitCli {

    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private GitCli() {
    }

    /** Runs {@code git -C dir args}; returns its standard output, trimmed. */
    static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Result result = tryRun(command);
        if (result.exitCode() != 0) {
            throw new FraiseException(ErrorCode.DRIFT_BASE_UNAVAILABLE, "git " + args[0] + " failed: "
                    + firstLine(result.error()));
        }
        return result.output();
    }

    /** Runs {@code command} within {@link #TIMEOUT}. */
    static Result tryRun(List<String> command) {
        return tryRun(command, TIMEOUT);
    }

    /**
     * Runs {@code command} with no input; returns its exit code and both outputs, trimmed.
     *
     * @throws FraiseException {@code DRIFT_BASE_UNAVAILABLE} when it cannot start, or has not ended within
     *                         {@code timeout} (it is killed then, with every process it started)
     */
    static Result tryRun(List<String> command, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.DRIFT_BASE_UNAVAILABLE, "cannot run " + command.get(0)
                    + " (is it installed and on the PATH?): " + e.getMessage(), null, e);
        }
        Drain out = Drain.start(process.getInputStream(), "fraise-git-stdout");
        Drain err = Drain.start(process.getErrorStream(), "fraise-git-stderr");
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new FraiseException(ErrorCode.DRIFT_BASE_UNAVAILABLE,
                        String.join(" ", command) + " did not finish within " + describe(timeout) + " (killed)");
            }
            return new Result(process.exitValue(), out.text(timeout).strip(), err.text(timeout).strip());
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new FraiseException(ErrorCode.DRIFT_BASE_UNAVAILABLE, "interrupted while running "
                    + command.get(0), null, e);
        }
    }

    /** Kills {@code process} and every process it started, which may hold its output pipes open. */
    private static void kill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** A finished process. */
    record Result(int exitCode, String output, String error) {
    }

    /** Reads a stream to its end on a thread of its own. */
    private static final class Drain implements Runnable {
        private final InputStream in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        private Drain(InputStream in, String name) {
            this.in = in;
            this.thread = new Thread(this, name);
            this.thread.setDaemon(true);
        }

        static Drain start(InputStream in, String name) {
            Drain drain = new Drain(in, name);
            drain.thread.start();
            return drain;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (bytes) {
                        bytes.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the stream closed under us: what was read is all there is
            }
        }

        /**
         * What was read, once the stream ended; a process that left a child holding the pipe open gets what was
         * read within {@code patience}.
         */
        String text(Duration patience) throws InterruptedException {
            thread.join(Math.max(1, patience.toMillis()));
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
