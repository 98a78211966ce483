package dev.fraise.drift;

import dev.fraise.build.SchemaPlan;
import dev.fraise.build.SchemaPlanner;
import dev.fraise.build.SqlScripts;
import dev.fraise.catalog.CatalogScope;
import dev.fraise.catalog.CatalogSnapshot;
import dev.fraise.config.ProjectConfig;
import dev.fraise.database.PoolOptions;
import dev.fraise.database.TemplatePool;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/** The disposable databases of the gates: built from a schema, worked on, dropped. */
final class GateDatabases {

    /** sha256 of nothing: the hash of a schema without files. */
    private static final String EMPTY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final PoolOptions SINGLE = PoolOptions.DEFAULT.withPrefetch(0);

    private GateDatabases() {
    }

    /** Builds {@code plan} into a disposable database, runs {@code work} on it, and drops it. */
    static void build(PostgresServer server, SchemaPlan plan, Consumer<Connection> work) {
        TemplatePool.create(server, plan, SINGLE, work).close();
    }

    /** Builds the base's schema (an empty database when it has no schema files), then runs {@code work}. */
    static void buildBase(PostgresServer server, BaseCheckout checkout, Consumer<Connection> work) {
        buildBase(server, checkout, false, work);
    }

    /**
     * Builds the base's schema (an empty database when it has no schema files), with the base's own seed files
     * when {@code seeds}, then runs {@code work}.
     */
    static void buildBase(PostgresServer server, BaseCheckout checkout, boolean seeds, Consumer<Connection> work) {
        SchemaPlan plan;
        try {
            plan = SchemaPlanner.plan(checkout.config(), seeds);
        } catch (FraiseException e) {
            if (e.code() != ErrorCode.BUILD_DIR_MISSING && e.code() != ErrorCode.BUILD_NO_FILES) {
                throw inBase(checkout, e);
            }
            plan = new SchemaPlan(checkout.config().projectDir(), List.of(), EMPTY_HASH, false);
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

    /** What the gates compare: every user schema, without the project's tracking table. */
    static CatalogScope scope(ProjectConfig config) {
        return CatalogScope.allSchemas().withTrackingTable(config.trackingTable());
    }

    static CatalogSnapshot snapshot(Connection connection, CatalogScope scope) {
        try {
            return CatalogSnapshot.take(connection, scope);
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.CATALOG_READ_FAILED, "reading the catalog failed: "
                    + SqlScripts.describe(e), null, e);
        }
    }
}
