package dev.fraise.migrate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A row of the tracking table.
 *
 * @param version         the migration's version
 * @param name            the migration's name
 * @param appliedAt       when it was applied (or baselined)
 * @param executionMillis how long it ran; empty for a baselined row
 * @param checksum        sha256 hex of the {@code .up.sql} (or {@code .py}) file when applied; empty in rows that
 *                        older Confiture versions baselined
 * @param appliedBy       the role that applied it; empty in rows written before Confiture 0.17
 */
public record AppliedMigration(String version, String name, Instant appliedAt, Optional<Integer> executionMillis,
                               Optional<String> checksum, Optional<String> appliedBy) {

    public AppliedMigration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(appliedAt, "appliedAt");
        Objects.requireNonNull(executionMillis, "executionMillis");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(appliedBy, "appliedBy");
    }
}
