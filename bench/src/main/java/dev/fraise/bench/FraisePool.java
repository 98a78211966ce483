package dev.fraise.bench;

import dev.fraise.build.SchemaPlan;
import dev.fraise.database.Database;
import dev.fraise.database.PoolOptions;
import dev.fraise.database.TemplatePool;
import dev.fraise.postgres.PostgresServer;
import java.sql.Connection;

/**
 * Fraise: a clone of the template per test from the default pool (prefetch 2), as {@code @FraiseDatabase} does, with
 * recycling off: the simulated tests only read, and a recycled clone is no clone, so the comparison would no longer be
 * of one fresh database per test against another.
 */
final class FraisePool implements PerTestDatabase {

    static final String NAME = "Fraise";

    private final TemplatePool pool;

    private FraisePool(TemplatePool pool) {
        this.pool = pool;
    }

    static FraisePool create(PostgresServer server, SchemaPlan plan) {
        return new FraisePool(TemplatePool.create(server, plan, PoolOptions.DEFAULT.withRecycling(false), c -> { }));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean prefetches() {
        return true;
    }

    @Override
    public Lease obtain() {
        Database db = pool.acquire();
        return new Lease() {
            @Override
            public Connection connect() {
                return db.connect();
            }

            @Override
            public void close() {
                db.close();
            }
        };
    }

    @Override
    public void close() {
        pool.close();
    }
}
