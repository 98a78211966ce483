package dev.fraise.drift;

import dev.fraise.build.SchemaPlan;
import dev.fraise.build.SchemaPlanner;
import dev.fraise.catalog.CatalogDiff;
import dev.fraise.catalog.CatalogDifference;
import dev.fraise.catalog.CatalogObject;
import dev.fraise.catalog.CatalogScope;
import dev.fraise.catalog.CatalogSnapshot;
import dev.fraise.catalog.ObjectKind;
import dev.fraise.config.ProjectConfig;
import dev.fraise.database.CloneStrategy;
import dev.fraise.database.PoolOptions;
import dev.fraise.database.TemplatePool;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import dev.fraise.migrate.Migration;
import dev.fraise.migrate.MigrationIssue;
import dev.fraise.migrate.MigrationScanner;
import dev.fraise.migrate.MigrationSet;
import dev.fraise.migrate.Migrator;
import dev.fraise.postgres.PostgresServer;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

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

    /** sha256 of nothing: the hash of a schema without files. */
    private static final String EMPTY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final PoolOptions SINGLE = new PoolOptions(0, CloneStrategy.FILE_COPY);
    private static final Set<ObjectKind> OWNED = EnumSet.of(ObjectKind.COLUMN, ObjectKind.CONSTRAINT,
            ObjectKind.INDEX, ObjectKind.TRIGGER);

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
        CatalogScope scope = scope(config);
        MigrationSet head = migrations(config);
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
                build(server, headPlan, c -> snapshot[0] = snapshot(c, scope));
                return snapshot[0];
            });
            CatalogSnapshot migrated;
            List<Migration> pending;
            String description;
            try (BaseCheckout checkout = BaseCheckout.open(config, base)) {
                description = checkout.description();
                pending = pending(head, checkout.config());
                Migrator migrator = Migrator.of(head, config.trackingTable());
                CatalogSnapshot[] snapshot = new CatalogSnapshot[1];
                buildBase(server, checkout, c -> {
                    pending.forEach(m -> migrator.executeUp(c, m));
                    snapshot[0] = snapshot(c, scope);
                });
                migrated = snapshot[0];
            } catch (RuntimeException e) {
                throw preferHead(fromDdl, e);
            }
            CatalogSnapshot expected = await(fromDdl);
            List<DriftFinding> findings = ddlFindings(CatalogDiff.between(expected, migrated), expected, migrated,
                    sources(headPlan), migrationSources(head, pending));
            return new DriftReport(DDL_GATE, description, ids(pending), findings, since(start));
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
            throw new IllegalStateException(e.getCause());
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
        CatalogScope scope = scope(config);
        MigrationSet head = migrations(config);
        try (BaseCheckout checkout = BaseCheckout.open(config, base)) {
            List<Migration> pending = pending(head, checkout.config());
            Migrator migrator = Migrator.of(head, config.trackingTable());
            List<DriftFinding> findings = new ArrayList<>();
            int next = 0;
            while (next < pending.size()) {
                next = checkRoundTrips(server, checkout, migrator, head, pending, next, scope, findings);
            }
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
        return new DriftReport(INTEGRITY_GATE, "", ids(migrator.migrations().migrations()), findings, since(start));
    }

    /**
     * On a fresh base database, applies {@code pending[0, from)} and then round-trips each later migration that
     * has a down file, until one is not reversible: its state after down is not to be trusted, so the caller
     * continues after it on another fresh database.
     *
     * @return the index to continue from; {@code pending.size()} when done
     */
    private static int checkRoundTrips(PostgresServer server, BaseCheckout checkout, Migrator migrator,
                                       MigrationSet head, List<Migration> pending, int from, CatalogScope scope,
                                       List<DriftFinding> findings) {
        int[] next = {pending.size()};
        buildBase(server, checkout, c -> {
            for (int i = 0; i < from; i++) {
                migrator.executeUp(c, pending.get(i));
            }
            for (int i = from; i < pending.size(); i++) {
                Migration migration = pending.get(i);
                if (migration.downFile().isEmpty()) {
                    migrator.executeUp(c, migration);
                    continue;
                }
                List<DriftFinding> found = roundTrip(c, migrator, head, migration, scope);
                if (!found.isEmpty()) {
                    findings.addAll(found);
                    next[0] = i + 1;
                    return;
                }
            }
        });
        return next[0];
    }

    /** Up, then down, compared with the catalog before up; when they match, up again for the next migration. */
    private static List<DriftFinding> roundTrip(Connection c, Migrator migrator, MigrationSet head,
                                                Migration migration, CatalogScope scope) {
        CatalogSnapshot before = snapshot(c, scope);
        migrator.executeUp(c, migration);
        Optional<SourceLocation> down = migration.downFile().map(f -> SourceLocation.of(head.display(f)));
        try {
            migrator.executeDown(c, migration);
        } catch (FraiseException e) {
            if (e.code() != ErrorCode.MIGRATION_SQL_ERROR) {
                throw e;
            }
            return List.of(new DriftFinding(ErrorCode.MIGRATION_NOT_REVERSIBLE, "migration", migration.id(),
                    "down of " + migration.id() + " fails after its up: " + e.detail(), Optional.empty(),
                    Optional.empty(), e.location().or(() -> down)));
        }
        CatalogSnapshot after = snapshot(c, scope);
        List<DriftFinding> findings = new ArrayList<>();
        for (CatalogDifference d : CatalogDiff.between(before, after)) {
            String what = switch (d.type()) {
                case MISSING_IN_ACTUAL -> "is gone after up and down";
                case EXTRA_IN_ACTUAL -> "is left behind by up and down";
                case DEFINITION_DIFFERS -> "is defined differently after up and down";
            };
            findings.add(new DriftFinding(ErrorCode.MIGRATION_NOT_REVERSIBLE, d.kind().label(), d.name(),
                    d.object() + " " + what + " of " + migration.id(), d.expected(), d.actual(), down));
        }
        if (findings.isEmpty()) {
            migrator.executeUp(c, migration);
        }
        return findings;
    }

    private static List<DriftFinding> ddlFindings(List<CatalogDifference> differences, CatalogSnapshot fromDdl,
                                                  CatalogSnapshot migrated, SourceFinder ddl,
                                                  SourceFinder migrations) {
        List<DriftFinding> findings = new ArrayList<>();
        for (CatalogDifference d : differences) {
            String owner = owner(d, fromDdl).or(() -> owner(d, migrated)).orElse(null);
            String kindWord = d.kind().label().substring(d.kind().label().lastIndexOf(' ') + 1);
            Optional<SourceLocation> inDdl = ddl.locate(owner, d.name(), kindWord);
            Optional<SourceLocation> inMigrations = migrations.locate(owner, d.name(), kindWord);
            DriftFinding finding = switch (d.type()) {
                case MISSING_IN_ACTUAL -> new DriftFinding(ErrorCode.DRIFT_MISSING_IN_MIGRATED, d.kind().label(),
                        d.name(), d.object() + " is in the schema files but no migration creates it",
                        d.expected(), d.actual(), inDdl);
                case EXTRA_IN_ACTUAL -> new DriftFinding(ErrorCode.DRIFT_EXTRA_IN_MIGRATED, d.kind().label(),
                        d.name(), d.object() + " is created by the migrations but not by the schema files",
                        d.expected(), d.actual(), inMigrations);
                case DEFINITION_DIFFERS -> new DriftFinding(ErrorCode.DRIFT_DEFINITION_DIFFERS, d.kind().label(),
                        d.name(), d.object() + " is defined differently by the schema files (expected) and the"
                                + " migrations (actual)", d.expected(), d.actual(), inMigrations.or(() -> inDdl));
            };
            findings.add(finding);
        }
        return findings;
    }

    /** The table a column, constraint, index or trigger belongs to. */
    private static Optional<String> owner(CatalogDifference d, CatalogSnapshot snapshot) {
        if (!OWNED.contains(d.kind())) {
            return Optional.empty();
        }
        return snapshot.find(d.kind(), d.name()).flatMap(CatalogObject::parent).map(p -> p.qualifiedName());
    }

    private static DriftFinding integrityFinding(MigrationIssue issue) {
        String name = issue.location().file().getFileName().toString().replaceFirst("\\.up\\.sql$", "");
        return new DriftFinding(issue.code(), "migration", name, issue.message(), Optional.empty(), Optional.empty(),
                Optional.of(issue.location()));
    }

    /** Builds {@code plan} into a disposable database, runs {@code work} on it, and drops it. */
    private static void build(PostgresServer server, SchemaPlan plan, Consumer<Connection> work) {
        TemplatePool.create(server, plan, SINGLE, work).close();
    }

    /** Builds the base's schema (an empty database when it has no schema files), then runs {@code work}. */
    private static void buildBase(PostgresServer server, BaseCheckout checkout, Consumer<Connection> work) {
        SchemaPlan plan;
        try {
            plan = SchemaPlanner.plan(checkout.config(), false);
        } catch (FraiseException e) {
            if (e.code() != ErrorCode.BUILD_DIR_MISSING && e.code() != ErrorCode.BUILD_NO_FILES) {
                throw inBase(checkout, e);
            }
            plan = new SchemaPlan(checkout.config().projectDir(), List.of(), EMPTY_HASH);
        }
        try {
            build(server, plan, work);
        } catch (FraiseException e) {
            throw e.code().name().startsWith("BUILD_") ? inBase(checkout, e) : e;
        }
    }

    /** A schema-file error of the base, said to be one: its paths look like HEAD's. */
    private static FraiseException inBase(BaseCheckout checkout, FraiseException e) {
        return new FraiseException(e.code(), "schema at " + checkout.description() + ": " + e.detail(),
                e.location().orElse(null), e);
    }

    private static MigrationSet migrations(ProjectConfig config) {
        if (!Files.isDirectory(config.migrationsDir())) {
            return new MigrationSet(config.migrationsDir(), List.of(), List.of(), config.projectDir());
        }
        return MigrationScanner.scan(config);
    }

    /** HEAD's migrations whose version the base does not have, in order. */
    private static List<Migration> pending(MigrationSet head, ProjectConfig base) {
        Set<String> known = migrations(base).migrations().stream().map(Migration::version)
                .collect(Collectors.toSet());
        return head.migrations().stream().filter(m -> !known.contains(m.version())).toList();
    }

    private static CatalogScope scope(ProjectConfig config) {
        return CatalogScope.allSchemas().withTrackingTable(config.trackingTable());
    }

    private static CatalogSnapshot snapshot(Connection connection, CatalogScope scope) {
        try {
            return CatalogSnapshot.take(connection, scope);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the catalog failed: " + e.getMessage(), e);
        }
    }

    private static SourceFinder sources(SchemaPlan plan) {
        return new SourceFinder(plan.files().stream().filter(f -> !f.seed())
                .map(f -> new SourceFinder.Source(f.path(), f.displayPath())).toList());
    }

    private static SourceFinder migrationSources(MigrationSet set, List<Migration> pending) {
        return new SourceFinder(pending.stream()
                .map(m -> new SourceFinder.Source(m.upFile(), set.display(m.upFile()))).toList());
    }

    private static List<String> ids(List<Migration> migrations) {
        return migrations.stream().map(Migration::id).toList();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
