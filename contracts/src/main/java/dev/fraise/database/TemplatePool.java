package dev.fraise.database;

import dev.fraise.build.BuildResult;
import dev.fraise.build.SchemaBuilder;
import dev.fraise.build.SchemaPlan;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.postgres.PostgresServer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema built once into a template database, and fresh clones of it on demand. A background thread keeps
 * {@link PoolOptions#prefetch()} clones ready, so {@link #acquire()} is usually a queue poll; closed clones
 * are dropped in the background too.
 *
 * <p>Every database the pool creates carries the name prefix {@code fraise_} and the comment
 * {@value #MARKER}; the pool drops only databases that carry both, so it is safe on a shared server.
 */
public final class TemplatePool implements AutoCloseable {

    /** The {@code COMMENT ON DATABASE} marker of databases Fraise created. */
    public static final String MARKER = "fraise:disposable";

    private static final Logger LOG = LoggerFactory.getLogger(TemplatePool.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PostgresServer server;
    private final PoolOptions options;
    private final String template;
    private final String clonePrefix;
    private final BuildResult buildResult;
    private final Connection admin;
    /** Drops released clones on a thread and connection of their own, so that they never delay a clone. */
    private final Connection dropAdmin;
    private final BlockingQueue<Database> ready = new LinkedBlockingQueue<>();
    private final AtomicInteger counter = new AtomicInteger();
    /** Prefetched clones not yet handed out: ready in the queue or being created. */
    private final AtomicInteger supply = new AtomicInteger();
    private final ExecutorService background;
    private final ExecutorService drops;
    private volatile boolean closed;

    private TemplatePool(PostgresServer server, PoolOptions options, String template, String clonePrefix,
                         BuildResult buildResult, Connection admin, Connection dropAdmin) {
        this.server = server;
        this.options = options;
        this.template = template;
        this.clonePrefix = clonePrefix;
        this.buildResult = buildResult;
        this.admin = admin;
        this.dropAdmin = dropAdmin;
        this.background = daemonThread("fraise-pool-" + template);
        this.drops = daemonThread("fraise-drop-" + template);
        refill();
    }

    private static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Builds {@code plan} into a new template database on {@code server}.
     *
     * @param afterBuild runs on the template (in auto-commit mode) after the schema build, e.g. migrations
     * @throws FraiseException a {@code BUILD_*} code when the schema does not build; nothing is left behind
     */
    public static TemplatePool create(PostgresServer server, SchemaPlan plan, PoolOptions options,
                                      Consumer<Connection> afterBuild) {
        return create(server, plan, options, c -> { }, afterBuild);
    }

    /**
     * Builds {@code plan} into a new template database on {@code server}, with work of the caller's before and
     * after the plan's files.
     *
     * @param beforeBuild runs on the new, empty template (in auto-commit mode) before the schema build, e.g. the
     *                    migrations of a project without schema files, before its seeds
     * @param afterBuild  runs on the template (in auto-commit mode) after the schema build
     * @throws FraiseException a {@code BUILD_*} code when the schema does not build, or what a hook throws;
     *                         nothing is left behind
     */
    public static TemplatePool create(PostgresServer server, SchemaPlan plan, PoolOptions options,
                                      Consumer<Connection> beforeBuild, Consumer<Connection> afterBuild) {
        Objects.requireNonNull(beforeBuild, "beforeBuild");
        Objects.requireNonNull(afterBuild, "afterBuild");
        String suffix = randomSuffix();
        String template = "fraise_tpl_" + plan.hash().substring(0, 12) + "_" + suffix;
        String clonePrefix = "fraise_" + plan.hash().substring(0, 8) + "_" + suffix + "_";
        Connection admin = adminConnection(server);
        Connection dropAdmin = null;
        boolean created = false;
        try {
            dropAdmin = adminConnection(server);
            createMarked(admin, template, "template0", null);
            created = true;
            BuildResult result;
            try (Connection c = server.dataSource(template).getConnection()) {
                beforeBuild.accept(c);
                result = SchemaBuilder.build(c, plan);
                afterBuild.accept(c);
            }
            try (Statement s = admin.createStatement()) {
                s.execute("ALTER DATABASE " + quote(template) + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
            }
            LOG.debug("built template {} from {} files in {} ms", template, result.files(),
                    result.elapsed().toMillis());
            return new TemplatePool(server, options, template, clonePrefix, result, admin, dropAdmin);
        } catch (SQLException | RuntimeException e) {
            if (created) {
                drop(admin, template);
            }
            closeQuietly(admin);
            if (dropAdmin != null) {
                closeQuietly(dropAdmin);
            }
            if (e instanceof SQLException) {
                throw new FraiseException(ErrorCode.DATABASE_CLONE_FAILED, "cannot create template database "
                        + template + ": " + e.getMessage(), null, e);
            }
            throw (RuntimeException) e;
        }
    }

    /** What building the template did. */
    public BuildResult buildResult() {
        return buildResult;
    }

    /** The template database's name. */
    public String templateName() {
        return template;
    }

    /** The server this pool lives on. */
    public PostgresServer server() {
        return server;
    }

    /** A fresh clone of the template, the caller's to {@link Database#close() close}. */
    public Database acquire() {
        if (closed) {
            throw new IllegalStateException("template pool " + template + " is closed");
        }
        Database database = takeReady();
        if (database == null) {
            database = awaitPrefetched();
        }
        if (database == null) {
            database = createClone();
        }
        refill();
        return database;
    }

    private Database takeReady() {
        Database database = ready.poll();
        if (database != null) {
            supply.decrementAndGet();
        }
        return database;
    }

    /** Waits for a prefetch already under way rather than queueing a second clone behind it. */
    private Database awaitPrefetched() {
        try {
            while (supply.get() > 0 && !closed) {
                Database database = ready.poll(5, TimeUnit.MILLISECONDS);
                if (database != null) {
                    supply.decrementAndGet();
                    return database;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return takeReady();
    }

    /** Drops ready clones and the template; clones still in use are dropped when they are closed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        finish(background);
        finish(drops);
        synchronized (admin) {
            for (Database db; (db = ready.poll()) != null; ) {
                drop(admin, db.name());
            }
            try (Statement s = admin.createStatement()) {
                s.execute("ALTER DATABASE " + quote(template) + " WITH IS_TEMPLATE false");
            } catch (SQLException e) {
                LOG.warn("cannot unmark template {}: {}", template, e.getMessage());
            }
            drop(admin, template);
        }
        closeQuietly(admin);
        closeQuietly(dropAdmin);
    }

    private void finish(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("template pool {} did not finish its background work in 30 s", template);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refill() {
        while (!closed) {
            int current = supply.get();
            if (current >= options.prefetch()) {
                return;
            }
            if (supply.compareAndSet(current, current + 1)) {
                background.execute(this::prefetchOne);
            }
        }
    }

    private void prefetchOne() {
        try {
            if (closed) {
                supply.decrementAndGet();
            } else {
                ready.add(createClone());
            }
        } catch (RuntimeException e) {
            supply.decrementAndGet();
            LOG.warn("prefetching a clone of {} failed: {}", template, e.getMessage());
        }
    }

    private Database createClone() {
        String name = clonePrefix + String.format("%06d", counter.incrementAndGet());
        String strategy = server.majorVersion() >= 15 ? " STRATEGY " + options.strategy().on(server).name() : "";
        synchronized (admin) {
            try {
                createMarked(admin, name, template, strategy);
            } catch (SQLException e) {
                throw new FraiseException(ErrorCode.DATABASE_CLONE_FAILED, "cannot clone " + template + " into "
                        + name + ": " + e.getMessage(), null, e);
            }
        }
        return new Database(name, server.jdbcUrl(name), server.user(), server.password(), server.dataSource(name),
                this::release);
    }

    private void release(Database database) {
        if (!closed) {
            try {
                drops.execute(() -> drop(dropAdmin, database.name()));
                return;
            } catch (RejectedExecutionException e) {
                LOG.debug("pool {} closing; dropping {} now", template, database.name());
            }
        }
        try (Connection c = adminConnection(server)) {
            drop(c, database.name());
        } catch (SQLException | FraiseException e) {
            LOG.warn("cannot drop database {}: {}", database.name(), e.getMessage());
        }
    }

    private static void createMarked(Connection admin, String name, String source, String strategy)
            throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + quote(name) + " TEMPLATE " + quote(source)
                    + (strategy == null ? "" : strategy));
            s.execute("COMMENT ON DATABASE " + quote(name) + " IS '" + MARKER + "'");
        }
    }

    /** Drops {@code name} only if Fraise created it: name prefix and marker comment both present. */
    static void drop(Connection admin, String name) {
        if (!name.startsWith("fraise_")) {
            LOG.warn("refusing to drop {}: not a Fraise database", name);
            return;
        }
        try (PreparedStatement check = admin.prepareStatement(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            check.setString(1, name);
            try (ResultSet rs = check.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                if (!MARKER.equals(rs.getString(1))) {
                    LOG.warn("refusing to drop {}: it lacks the {} marker", name, MARKER);
                    return;
                }
            }
            try (Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            LOG.warn("cannot drop database {}: {}", name, e.getMessage());
        }
    }

    private static Connection adminConnection(PostgresServer server) {
        try {
            Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
            c.setAutoCommit(true);
            return c;
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.SERVER_UNREACHABLE, "cannot connect to " + server.description()
                    + ": " + e.getMessage(), null, e);
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("closing admin connection: {}", e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "TemplatePool[" + template + " on " + server.description() + "]";
    }
}
