package dev.fraise.build;

import dev.fraise.error.SourceLocation;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a successful schema build did.
 *
 * @param files      number of files executed
 * @param statements number of statements executed
 * @param elapsed    wall-clock time of the build
 * @param unwrapped  where each file wrapped as a whole in {@code BEGIN ... COMMIT} had its wrapper stripped
 */
public record BuildResult(int files, int statements, Duration elapsed, List<SourceLocation> unwrapped) {

    public BuildResult {
        Objects.requireNonNull(elapsed, "elapsed");
        unwrapped = List.copyOf(unwrapped);
    }
}
