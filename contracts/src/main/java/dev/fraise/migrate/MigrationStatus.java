package dev.fraise.migrate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of every migration, on disk or in the tracking table, as {@link Migrator#status} found it.
 *
 * @param trackingTableExists whether the tracking table exists (when not, every migration is pending)
 * @param entries             one per version, ordered by version
 */
public record MigrationStatus(boolean trackingTableExists, List<Entry> entries) {

    public MigrationStatus {
        entries = List.copyOf(entries);
    }

    /** What a migration's state is. */
    public enum State {
        /** Applied, and its file is unchanged (or its row carries no checksum to compare). */
        APPLIED,
        /** Not applied yet. */
        PENDING,
        /** Applied, but its {@code .up.sql} changed since ({@code MIGRATION_CHECKSUM_MISMATCH}). */
        CHECKSUM_MISMATCH,
        /** Applied, but its file no longer exists ({@code MIGRATION_FILE_MISSING}). */
        MISSING_FILE
    }

    /**
     * One migration's state.
     *
     * @param version   the version
     * @param name      the name (from the file, else from the tracking table)
     * @param state     its state
     * @param migration the files, unless {@link State#MISSING_FILE}
     * @param applied   the tracking-table row, unless {@link State#PENDING}
     */
    public record Entry(String version, String name, State state, Optional<Migration> migration,
                        Optional<AppliedMigration> applied) {

        public Entry {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(migration, "migration");
            Objects.requireNonNull(applied, "applied");
        }
    }

    /** The versions in {@code state}, in version order. */
    public List<String> versions(State state) {
        return entries.stream().filter(e -> e.state() == state).map(Entry::version).toList();
    }

    /** The migrations not applied yet, in the order {@code up} would apply them. */
    public List<Migration> pending() {
        return entries.stream().filter(e -> e.state() == State.PENDING).map(e -> e.migration().orElseThrow()).toList();
    }

    /** Whether nothing is pending and nothing is wrong. */
    public boolean upToDate() {
        return entries.stream().allMatch(e -> e.state() == State.APPLIED);
    }
}
