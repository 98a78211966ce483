package dev.fraise.migrate;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.SourceLocation;
import java.util.Objects;

/**
 * A problem with migration files or the tracking table that is reported rather than thrown: a scan warning
 * (such as {@link ErrorCode#MIGRATION_ORPHAN}) or a {@link Migrator#validate validation} finding.
 *
 * @param code     stable code
 * @param message  one line
 * @param location the file concerned (for a missing file, where it was expected)
 */
public record MigrationIssue(ErrorCode code, String message, SourceLocation location) {

    public MigrationIssue {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String toString() {
        return code + ": " + location + ": " + message;
    }
}
