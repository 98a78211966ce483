package dev.fraise.migrate;

import dev.fraise.error.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The migrations of a directory, in the order Confiture applies them (plain string order of the version).
 *
 * @param directory   the migrations directory (absolute)
 * @param migrations  the migrations, ordered by version
 * @param warnings    non-fatal findings of the scan, e.g. {@code MIGRATION_ORPHAN}
 * @param displayRoot file locations in messages are shown relative to this directory (the project directory,
 *                    or the working directory)
 */
public record MigrationSet(Path directory, List<Migration> migrations, List<MigrationIssue> warnings,
                           Path displayRoot) {

    public MigrationSet {
        Objects.requireNonNull(directory, "directory");
        migrations = List.copyOf(migrations);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(displayRoot, "displayRoot");
    }

    /** The migration of {@code version}, if there is one. */
    public Optional<Migration> find(String version) {
        return migrations.stream().filter(m -> m.version().equals(version)).findFirst();
    }

    /** {@code file} as shown in messages: relative to {@link #displayRoot()} when under it. */
    public Path display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(displayRoot) ? displayRoot.relativize(absolute) : absolute;
    }

    /** A location naming {@code file}. */
    SourceLocation locate(Path file) {
        return SourceLocation.of(display(file));
    }
}
