package dev.fraise.build;

import java.time.Duration;
import java.util.Objects;

/**
 * What a successful schema build did.
 *
 * @param files      number of files executed
 * @param statements number of statements executed
 * @param elapsed    wall-clock time of the build
 */
public record BuildResult(int files, int statements, Duration elapsed) {

    public BuildResult {
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
