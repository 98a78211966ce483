package dev.fraise.drift;

import dev.fraise.config.ProjectConfig;
import dev.fraise.migrate.Migration;
import dev.fraise.migrate.MigrationScanner;
import dev.fraise.migrate.MigrationSet;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The migrations of a project, and those added since a base. */
final class PendingMigrations {

    private PendingMigrations() {
    }

    /** The project's migrations; none when it has no migrations directory. */
    static MigrationSet of(ProjectConfig config) {
        if (!Files.isDirectory(config.migrationsDir())) {
            return new MigrationSet(config.migrationsDir(), List.of(), List.of(), config.projectDir());
        }
        return MigrationScanner.scan(config);
    }

    /** HEAD's migrations whose version the base does not have, in order. */
    static List<Migration> since(MigrationSet head, ProjectConfig base) {
        Set<String> known = of(base).migrations().stream().map(Migration::version).collect(Collectors.toSet());
        return head.migrations().stream().filter(m -> !known.contains(m.version())).toList();
    }

    /** {@code version_name} of each migration. */
    static List<String> ids(List<Migration> migrations) {
        return migrations.stream().map(Migration::id).toList();
    }
}
