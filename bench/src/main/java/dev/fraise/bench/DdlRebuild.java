package dev.fraise.bench;

import dev.fraise.build.SchemaBuilder;
import dev.fraise.build.SchemaPlan;
import dev.fraise.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * No template: per test, {@code CREATE DATABASE … TEMPLATE template0} and the schema built from its DDL
 * ({@code SchemaBuilder.build}); the database is dropped on a background thread, as the pool drops its clones.
 * Like the pool, it keeps one admin connection for creating and one for dropping.
 */
final class DdlRebuild implements PerTestDatabase {

    static final String NAME = "rebuild";

    private final PostgresServer server;
    private final SchemaPlan plan;
    private final ExecutorService dropper = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bench-rebuild-drop");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger counter = new AtomicInteger();
    private final Connection creator;
    private final Connection dropperConnection;

    DdlRebuild(PostgresServer server, SchemaPlan plan) throws SQLException {
        this.server = server;
        this.plan = plan;
        this.creator = server.dataSource(server.maintenanceDatabase()).getConnection();
        this.dropperConnection = server.dataSource(server.maintenanceDatabase()).getConnection();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean prefetches() {
        return false;
    }

    @Override
    public Lease obtain() {
        String name = "bench_rebuild_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
        execute(creator, "CREATE DATABASE " + name + " TEMPLATE template0");
        try (Connection c = server.dataSource(name).getConnection()) {
            SchemaBuilder.build(c, plan);
        } catch (SQLException | RuntimeException e) {
            execute(creator, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            throw new IllegalStateException("rebuilding " + name + ": " + e.getMessage(), e);
        }
        return new Lease() {
            @Override
            public Connection connect() throws SQLException {
                return server.dataSource(name).getConnection();
            }

            @Override
            public void close() {
                dropper.execute(() -> execute(dropperConnection, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
            }
        };
    }

    private static void execute(Connection admin, String sql) {
        try (Statement s = admin.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dropper.shutdown();
        try {
            dropper.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            creator.close();
            dropperConnection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing the admin connections: " + e.getMessage(), e);
        }
    }
}
