package dev.fraise.drift;

import dev.fraise.build.SchemaPlan;
import dev.fraise.build.SchemaPlanner;
import dev.fraise.catalog.CatalogDiff;
import dev.fraise.catalog.CatalogScope;
import dev.fraise.catalog.CatalogSnapshot;
import dev.fraise.config.ProjectConfig;
import dev.fraise.error.FraiseException;
import dev.fraise.migrate.Migration;
import dev.fraise.migrate.MigrationIssue;
import dev.fraise.migrate.MigrationSet;
import dev.fraise.migrate.Migrator;
import dev.fraise.postgres.PostgresServer;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The migration drift gates. Each builds what it compares on disposable databases of {@code server} and
 * drops them afterwards.
 *
 * <ul>
 *   <li>{@link #ddlMatchesMigrations}: the schema files at HEAD build database A; the schema files at the base
 *       build database B, to which the migrations added since the base are applied. A and B must have the
 *       same catalog ({@link CatalogSnapshot}): {@code DRIFT_MISSING_IN_MIGRATED}, {@code DRIFT_EXTRA_IN_MIGRATED},
 *       {@code DRIFT_DEFINITION_DIFFERS}.</li>
 *   <li>{@link #reversibility}: on database B, for each of those migrations with a {@code .down.sql}, the catalog
 *       after {@code up} and {@code down} must equal the catalog before {@code up}:
 *       {@code MIGRATION_NOT_REVERSIBLE}.</li>
 *   <li>{@link #integrity}: a real database's tracking table against the migration files:
 *       {@code MIGRATION_CHECKSUM_MISMATCH}, {@code MIGRATION_FILE_MISSING}.</li>
 * </ul>
 *
 * <p>A migration is added since the base when its version is not among the base's migrations. A base without
 * schema files starts from an empty database.
 */
public final class DriftGate {

    /** The name of the DDL gate in reports. */
    public static final String DDL_GATE = "DDL = migrations";
    /** The name of the reversibility gate in reports. */
    public static final String REVERSIBILITY_GATE = "reversibility";
    /** The name of the integrity gate in reports. */
    public static final String INTEGRITY_GATE = "integrity";

    private DriftGate() {
    }

    /**
     * Proves that the schema files and the migrations agree: HEAD's schema files build the same catalog as the
     * base's schema files plus the migrations added since the base.
     *
     * @param server where the two disposable databases are built
     * @param config the project at HEAD (schema directories, migrations directory, tracking table)
     * @param base   what the migrations start from
     * @return the differences, each with both definitions; none when the gate passes
     * @throws FraiseException {@code DRIFT_BASE_UNAVAILABLE}, a {@code BUILD_*} code when either schema does not
     *                         build, a {@code MIGRATION_*} code when a migration does not apply
     */
    public static DriftReport ddlMatchesMigrations(PostgresServer server, ProjectConfig config, DriftBase base) {
        long start = System.nanoTime();
        CatalogScope scope = GateDatabases.scope(config);
        MigrationSet head = PendingMigrations.of(config);
        SchemaPlan headPlan = SchemaPlanner.plan(config, false);
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fraise-drift-ddl");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // database A (HEAD's schema files) builds while the base is read and database B is built
            Future<CatalogSnapshot> fromDdl = background.submit(() -> {
                CatalogSnapshot[] snapshot = new CatalogSnapshot[1];
                GateDatabases.build(server, headPlan, c -> snapshot[0] = GateDatabases.snapshot(c, scope));
                return snapshot[0];
            });
            CatalogSnapshot migrated;
            List<Migration> pending;
            String description;
            try (BaseCheckout checkout = BaseCheckout.open(config, base)) {
                description = checkout.description();
                pending = PendingMigrations.since(head, checkout.config());
                Migrator migrator = Migrator.of(head, config.trackingTable());
                CatalogSnapshot[] snapshot = new CatalogSnapshot[1];
                GateDatabases.buildBase(server, checkout, c -> {
                    pending.forEach(m -> migrator.executeUp(c, m));
                    snapshot[0] = GateDatabases.snapshot(c, scope);
                });
                migrated = snapshot[0];
            } catch (RuntimeException e) {
                throw preferHead(fromDdl, e);
            }
            CatalogSnapshot expected = await(fromDdl);
            List<DriftFinding> findings = DdlFindings.of(CatalogDiff.between(expected, migrated), expected,
                    migrated, headPlan, head, pending);
            return new DriftReport(DDL_GATE, description, PendingMigrations.ids(pending), findings, since(start));
        } finally {
            background.shutdown();
        }
    }

    /** Waits for database A; when it failed too, its error (about HEAD's schema files) wins. */
    private static RuntimeException preferHead(Future<CatalogSnapshot> fromDdl, RuntimeException failure) {
        try {
            await(fromDdl);
        } catch (RuntimeException head) {
            head.addSuppressed(failure);
            return head;
        }
        return failure;
    }

    private static CatalogSnapshot await(Future<CatalogSnapshot> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new IllegalStateException("interrupted while building the schema files' database", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a task that throws no checked exception threw one", e.getCause());
        }
    }

    /**
     * Proves that each migration added since {@code base} that has a {@code .down.sql} undoes its {@code .up.sql}:
     * on the base's schema, with the earlier migrations applied, the catalog after {@code up} then {@code down}
     * equals the catalog before {@code up}. A {@code down} that fails is a finding too, located at its error.
     *
     * @return one {@code MIGRATION_NOT_REVERSIBLE} finding per difference, located at the {@code .down.sql}
     * @throws FraiseException as {@link #ddlMatchesMigrations}
     */
    public static DriftReport reversibility(PostgresServer server, ProjectConfig config, DriftBase base) {
        long start = System.nanoTime();
        CatalogScope scope = GateDatabases.scope(config);
        MigrationSet head = PendingMigrations.of(config);
        try (BaseCheckout checkout = BaseCheckout.open(config, base)) {
            List<Migration> pending = PendingMigrations.since(head, checkout.config());
            Migrator migrator = Migrator.of(head, config.trackingTable());
            List<DriftFinding> findings = new ReversibilityCheck(server, checkout, migrator, head, pending, scope)
                    .run();
            List<String> checked = pending.stream().filter(m -> m.downFile().isPresent()).map(Migration::id).toList();
            return new DriftReport(REVERSIBILITY_GATE, checkout.description(), checked, findings, since(start));
        }
    }

    /**
     * Checks a real database's tracking table against the project's migration files (read only).
     *
     * @return {@code MIGRATION_CHECKSUM_MISMATCH} for an applied migration whose {@code .up.sql} changed,
     *         {@code MIGRATION_FILE_MISSING} for one whose file is gone
     */
    public static DriftReport integrity(Connection connection, ProjectConfig config) {
        long start = System.nanoTime();
        Migrator migrator = Migrator.forProject(config);
        List<DriftFinding> findings = migrator.validate(connection).stream()
                .map(DriftGate::integrityFinding).toList();
        return new DriftReport(INTEGRITY_GATE, "", PendingMigrations.ids(migrator.migrations().migrations()), findings, since(start));
    }

    private static DriftFinding integrityFinding(MigrationIssue issue) {
        String name = issue.location().file().getFileName().toString().replaceFirst("\\.up\\.sql$", "");
        return new DriftFinding(issue.code(), "migration", name, issue.message(), Optional.empty(), Optional.empty(),
                Optional.of(issue.location()));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
