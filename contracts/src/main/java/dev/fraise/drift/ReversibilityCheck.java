package dev.fraise.drift;

import dev.fraise.catalog.CatalogDiff;
import dev.fraise.catalog.CatalogDifference;
import dev.fraise.catalog.CatalogScope;
import dev.fraise.catalog.CatalogSnapshot;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import dev.fraise.migrate.Migration;
import dev.fraise.migrate.MigrationSet;
import dev.fraise.migrate.Migrator;
import dev.fraise.postgres.PostgresServer;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reversibility gate's work: on the base's schema, each pending migration with a down file goes up, down
 * (compared with the catalog before up) and up again, in order.
 */
final class ReversibilityCheck {

    private final PostgresServer server;
    private final BaseCheckout checkout;
    private final Migrator migrator;
    private final MigrationSet head;
    private final List<Migration> pending;
    private final CatalogScope scope;
    private final List<DriftFinding> findings = new ArrayList<>();

    ReversibilityCheck(PostgresServer server, BaseCheckout checkout, Migrator migrator, MigrationSet head,
                       List<Migration> pending, CatalogScope scope) {
        this.server = server;
        this.checkout = checkout;
        this.migrator = migrator;
        this.head = head;
        this.pending = List.copyOf(pending);
        this.scope = scope;
    }

    /** Checks every pending migration that has a down file. */
    List<DriftFinding> run() {
        int next = 0;
        while (next < pending.size()) {
            next = checkFrom(next);
        }
        return List.copyOf(findings);
    }

    /**
     * On a fresh base database, applies {@code pending[0, from)} and then round-trips each later migration that
     * has a down file, until one is not reversible: its state after down is not to be trusted, so {@link #run}
     * continues after it on another fresh database.
     *
     * @return the index to continue from; {@code pending.size()} when done
     */
    private int checkFrom(int from) {
        int[] next = {pending.size()};
        GateDatabases.buildBase(server, checkout, c -> {
            for (int i = 0; i < from; i++) {
                migrator.executeUp(c, pending.get(i));
            }
            for (int i = from; i < pending.size(); i++) {
                Migration migration = pending.get(i);
                if (migration.downFile().isEmpty()) {
                    migrator.executeUp(c, migration);
                    continue;
                }
                List<DriftFinding> found = roundTrip(c, migration);
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
    private List<DriftFinding> roundTrip(Connection c, Migration migration) {
        CatalogSnapshot before = GateDatabases.snapshot(c, scope);
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
        CatalogSnapshot after = GateDatabases.snapshot(c, scope);
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
}
