package dev.fraise.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fraise.TestFiles;
import dev.fraise.config.IncludeDir;
import dev.fraise.config.ProjectConfig;
import dev.fraise.config.SortMode;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.function.Executable;

/** Project scaffolding and assertions shared by the build tests. */
final class BuildTestSupport {

    private BuildTestSupport() {
    }

    /** Writes a UTF-8 file under {@code dir}, creating its parents. */
    static Path write(Path dir, String relative, String content) {
        return TestFiles.write(dir, relative, content);
    }

    /** Writes raw bytes under {@code dir}, creating its parents. */
    static Path write(Path dir, String relative, byte[] content) {
        return TestFiles.write(dir, relative, content);
    }

    /** A config for {@code project} with the given include dirs, no legacy excludes, alphabetical order. */
    static ProjectConfig config(Path project, IncludeDir... dirs) {
        return config(project, SortMode.ALPHABETICAL, List.of(), dirs);
    }

    static ProjectConfig config(Path project, SortMode mode, List<Path> excludeDirs, IncludeDir... dirs) {
        Path root = project.toAbsolutePath().normalize();
        return new ProjectConfig(root, "test", Optional.empty(), Optional.empty(), List.of(dirs), excludeDirs, mode,
                false, ProjectConfig.DEFAULT_TRACKING_TABLE, root.resolve("db/migrations"), List.of());
    }

    /** An include dir entry with explicit globs. */
    static IncludeDir dir(Path path, boolean recursive, List<String> include, List<String> exclude) {
        return new IncludeDir(path.toAbsolutePath().normalize(), recursive, include, exclude, true, 0);
    }

    /** Asserts that {@code body} throws a {@link FraiseException} with {@code code}, and returns it. */
    static FraiseException assertFraise(ErrorCode code, Executable body) {
        FraiseException e = assertThrows(FraiseException.class, body);
        assertEquals(code, e.code(), () -> "unexpected code in: " + e.getMessage());
        return e;
    }
}
