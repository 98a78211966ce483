package dev.fraise.migrate;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Migrator} command did.
 *
 * @param migrations the migrations applied, rolled back or baselined, in the order it handled them
 * @param elapsed    wall time of the command, lock wait included
 */
public record MigrationRun(List<Migration> migrations, Duration elapsed) {

    public MigrationRun {
        migrations = List.copyOf(migrations);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** The versions handled, in order. */
    public List<String> versions() {
        return migrations.stream().map(Migration::version).toList();
    }
}
