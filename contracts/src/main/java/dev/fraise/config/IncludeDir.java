package dev.fraise.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One entry of Confiture's {@code include_dirs}.
 *
 * @param path         the directory, resolved against the project directory
 * @param recursive    whether sub-directories are searched (Confiture default {@code true})
 * @param include      glob patterns a file's path relative to {@code path} must match
 *                     (default {@code **}{@code /*.sql}, or {@code *.sql} when not recursive)
 * @param exclude      glob patterns that exclude a file, matched against its path relative to {@code path}
 * @param autoDiscover when {@code true} a missing directory is skipped instead of failing the build
 * @param order        Confiture's {@code order}; it does not change the final file order
 */
public record IncludeDir(Path path, boolean recursive, List<String> include, List<String> exclude,
                         boolean autoDiscover, int order) {

    public IncludeDir {
        Objects.requireNonNull(path, "path");
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** A plain directory entry with Confiture's defaults: a missing directory is skipped. */
    public static IncludeDir of(Path path) {
        return new IncludeDir(path, true, List.of("**/*.sql"), List.of(), true, 0);
    }

    /** A directory that must exist: a missing one fails the build with {@code BUILD_DIR_MISSING}. */
    public static IncludeDir required(Path path) {
        return new IncludeDir(path, true, List.of("**/*.sql"), List.of(), false, 0);
    }
}
