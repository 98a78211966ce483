package dev.fraise.database;

import dev.fraise.build.BuildResult;
import dev.fraise.build.SchemaBuilder;
import dev.fraise.build.SchemaPlan;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.TemplateStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema built once into a template database, and fresh clones of it on demand. Background threads
 * ({@link PoolOptions#cloneThreads()}, each with a server session of its own) make the clones and keep
 * {@link PoolOptions#prefetch()} of them ready (more, up to four times as many, once acquires find none ready:
 * {@link ReadyStock}), handing each (or why making it failed) to {@link #acquire()} through a queue; with
 * {@link PoolOptions#warmConnection()}, each clone made ahead comes with a connection opened and used once, which its
 * first {@link Database#connect()} hands over (a clone an acquire is already waiting for is handed over at once: the
 * test connects while the thread starts the next clone). Closed clones are dropped in the background too (by the
 * clone threads first while the drop thread is behind), except those their tests left unchanged, which
 * {@link PoolOptions#recycle()} hands out again under a new name ({@link CloneRecycling} says when). Safe for any
 * number of threads.
 *
 * <p>Every database the pool creates has a name only Fraise gives ({@code fraise_…_<lease>_…_<check>}), and the
 * pool drops no other. The pool holds a lease on the server (a session advisory lock) for as long as it or one of
 * its clones lives; when it starts, it drops the databases of leases nobody holds any more, which a JVM that was
 * killed left behind.
 */
public final class TemplatePool implements AutoCloseable {

    /** The {@code COMMENT ON DATABASE} label of databases Fraise created, for people; the name marks them. */
    public static final String MARKER = "fraise:disposable";

    private static final Logger LOG = LoggerFactory.getLogger(TemplatePool.class);
    /** The first query of a warm connection. */
    private static final String WARM_UP = "SELECT 1";
    /** The first query of a warm connection to a recycled clone: it zeroes the clone's statistics. */
    private static final String RESET_STATISTICS = "SELECT pg_stat_reset()";

    private final PostgresServer server;
    private final String template;
    /** Whether the template outlives the pool (kept by the server), so that closing the pool leaves it. */
    private final boolean keptTemplate;
    private final TemplateStore.Origin origin;
    private final DatabaseNames names;
    private final String strategy;
    private final BuildResult buildResult;
    private final Lease lease;
    private final boolean warmConnection;
    private final CloneQueue clones;
    private final AtomicInteger counter = new AtomicInteger();
    /** Make clones, each on a session taken from {@link #idleSessions} for the time of one clone. */
    private final ExecutorService cloneThreads;
    /**
     * The clone sessions no clone thread is using: at most one per thread, opened when none is idle, closed when
     * one fails (then all, as the server may have restarted) and by {@link #close()}.
     */
    private final ConcurrentLinkedDeque<Connection> idleSessions = new ConcurrentLinkedDeque<>();
    /** Drops released clones on the lease's connection, so that drops never delay a clone. */
    private final ExecutorService dropThread;
    /**
     * Closed clones to drop, in order: the drop thread drops one per task; while more than {@link #dropBacklog} wait,
     * each clone thread drops some on its own session before it makes a clone, so that tests closing clones faster
     * than one thread drops them do not pile up databases on the server (the copies wait for the drops instead).
     */
    private final ConcurrentLinkedQueue<String> dropsDue = new ConcurrentLinkedQueue<>();
    /** How many closed clones may wait to be dropped before the clone threads drop them first. */
    private final int dropBacklog;
    /** Recycles closed clones their tests did not change; null when this pool drops every closed clone. */
    private final CloneRecycling recycling;
    /** Lets recycled clones stand in for the new ones ordered. */
    private final CloneOrders orders = new CloneOrders();
    /** How many clones are kept ready. */
    private final ReadyStock stock;

    private TemplatePool(PostgresServer server, PoolOptions options, DatabaseNames names, Template made,
                         long templateBytes, Lease lease, Connection cloneSession, CloneRecycling recycling) {
        this.server = server;
        this.names = names;
        this.template = made.name();
        this.keptTemplate = made.kept();
        this.origin = made.origin();
        this.strategy = strategy(server, options);
        this.warmConnection = options.warmConnection();
        this.buildResult = made.build();
        this.lease = lease;
        this.recycling = recycling;
        this.idleSessions.push(cloneSession);
        this.clones = new CloneQueue(template);
        this.cloneThreads = daemonThreads(options.cloneThreads(), "fraise-clone", template);
        this.dropThread = daemonThreads(1, "fraise-drop", template);
        this.dropBacklog = options.cloneThreads();
        this.stock = ReadyStock.of(options.prefetch(), templateBytes);
        for (int i = 0; i < options.prefetch(); i++) {
            orderClone();
        }
    }

    /** {@code count} daemon threads named {@code <prefix>-<n>-<template>} (one: {@code <prefix>-<template>}). */
    private static ExecutorService daemonThreads(int count, String prefix, String template) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, count == 1 ? prefix + "-" + template
                    : prefix + "-" + n.incrementAndGet() + "-" + template);
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
     * after the plan's files; the template is never kept (see {@link #create(PostgresServer, TemplateRecipe,
     * PoolOptions)}).
     *
     * @param beforeBuild runs on the new, empty template (in auto-commit mode) before the schema build, e.g. the
     *                    migrations of a project without schema files, before its seeds
     * @param afterBuild  runs on the template (in auto-commit mode) after the schema build
     * @throws FraiseException a {@code BUILD_*} code when the schema does not build, or what a hook throws;
     *                         nothing is left behind
     */
    public static TemplatePool create(PostgresServer server, SchemaPlan plan, PoolOptions options,
                                      Consumer<Connection> beforeBuild, Consumer<Connection> afterBuild) {
        return create(server, new TemplateRecipe(plan, beforeBuild, afterBuild, Optional.empty()), options);
    }

    /**
     * A pool of {@code recipe}'s template on {@code server}. First drops what pools of ended JVMs left on the server
     * (databases of leases nobody holds). When the server holds the recipe's kept template
     * ({@link PostgresServer#templateStore()}: it was started for it, see
     * {@link dev.fraise.postgres.PostgresServers#start(dev.fraise.postgres.ServerSettings, Optional)}), the pool
     * clones that one, which outlives the pool; otherwise the template is built for this pool alone and dropped
     * with it.
     *
     * @throws FraiseException a {@code BUILD_*} code when the schema does not build, or what a hook throws;
     *                         {@code SETTING_INVALID} when {@code -Dfraise.pool.recycle} is neither {@code true}
     *                         nor {@code false}; nothing is left behind
     */
    public static TemplatePool create(PostgresServer server, TemplateRecipe recipe, PoolOptions options) {
        PoolOptions chosen = options.withRecycling(options.recycle()
                && CloneRecycling.enabled(System.getProperties()));
        Lease lease = takeLease(server);
        DatabaseNames names = new DatabaseNames(recipe.plan().hash(), lease.id());
        String strategy = strategy(server, options);
        Optional<TemplateStore.Kept> kept = recipe.keptName()
                .flatMap(name -> server.templateStore().flatMap(store -> store.find(name)));
        Connection admin = null;
        try {
            admin = DatabaseAdmin.connect(server, "fraise clones " + lease.id());
            OrphanReaper.reap(admin);
            Template made = kept.isPresent()
                    ? new Template(kept.get().name(), BuildRecords.read(kept.get().record()), kept.get().origin(), true)
                    : new Template(names.template(), build(server, admin, names.template(), recipe, strategy),
                            TemplateStore.Origin.BUILT, false);
            made.log();
            CloneRecycling recycling = CloneRecycling.on(server, admin, chosen).orElse(null);
            return new TemplatePool(server, options, names, made, DatabaseAdmin.size(admin, made.name()), lease,
                    admin, recycling);
        } catch (RuntimeException e) {
            DatabaseAdmin.closeQuietly(admin);
            lease.release();
            throw e;
        }
    }

    /**
     * Builds {@code recipe}'s kept template {@code name} on {@code server}, a server no one else uses yet (see
     * {@link TemplateRecipe#templateBuild()}), on a session of its own that it closes.
     *
     * @return the build's record
     */
    static String buildKept(PostgresServer server, String name, TemplateRecipe recipe) {
        Connection admin = DatabaseAdmin.connect(server, "fraise template build");
        try {
            return BuildRecords.write(build(server, admin, name, recipe, ""));
        } finally {
            DatabaseAdmin.closeQuietly(admin);
        }
    }

    /**
     * Builds {@code name} from {@code template0}, read-only once built; on failure drops it and throws.
     *
     * @throws FraiseException a {@code BUILD_*} code, what a hook throws, or {@code DATABASE_CLONE_FAILED}
     */
    private static BuildResult build(PostgresServer server, Connection admin, String name, TemplateRecipe recipe,
                                     String strategy) {
        try {
            DatabaseAdmin.create(admin, name, "template0", strategy);
            BuildResult result;
            try (Connection c = server.dataSource(name).getConnection()) {
                recipe.beforeBuild().accept(c);
                result = SchemaBuilder.build(c, recipe.plan());
                recipe.afterBuild().accept(c);
                vacuum(c);
            }
            try (Statement s = admin.createStatement()) {
                s.execute("ALTER DATABASE " + DatabaseAdmin.quote(name)
                        + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            DatabaseAdmin.drop(admin, name);
            if (e instanceof SQLException) {
                throw new FraiseException(ErrorCode.DATABASE_CLONE_FAILED, "cannot create template database "
                        + name + ": " + e.getMessage(), null, e);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Vacuums the new template, so that its tuples carry their hint bits: reading a clone then changes none of its
     * pages (which {@link CloneRecycling} requires), and no clone pays for setting them again. PostgreSQL sets a hint
     * bit only once the commit is flushed to the WAL, which {@code synchronous_commit = off} defers, hence the
     * checkpoint first (skipped by a role that may not run one).
     */
    private static void vacuum(Connection template) throws SQLException {
        template.setAutoCommit(true);
        try (Statement s = template.createStatement()) {
            try {
                s.execute("CHECKPOINT");
            } catch (SQLException e) {
                LOG.debug("no CHECKPOINT before vacuuming the template: {}", e.getMessage());
            }
            s.execute("VACUUM");
        }
    }

    /**
     * The template a pool clones: its name, the build that made it, where it came from, and whether the server keeps
     * it beyond the pool.
     */
    private record Template(String name, BuildResult build, TemplateStore.Origin origin, boolean kept) {

        void log() {
            switch (origin) {
                case BUILT -> LOG.info("Fraise built template {} ({} files, {} statements) in {} ms", name,
                        build.files(), build.statements(), build.elapsed().toMillis());
                case THIS_SERVER -> LOG.info("Fraise reused template {} ({} files), built earlier on this server", name,
                        build.files());
                case SNAPSHOT -> LOG.info("Fraise reused template {} ({} files), built by an earlier run: the server"
                        + " started from its snapshot (-D{}=false builds it again)", name, build.files(),
                        "fraise.embedded.snapshots");
            }
        }
    }

    private static String strategy(PostgresServer server, PoolOptions options) {
        return server.majorVersion() >= 15 ? " STRATEGY " + options.strategy().on(server).name() : "";
    }

    private static Lease takeLease(PostgresServer server) {
        Connection connection = DatabaseAdmin.connect(server, "fraise lease");
        try {
            return Lease.take(connection);
        } catch (SQLException | RuntimeException e) {
            DatabaseAdmin.closeQuietly(connection);
            if (e instanceof SQLException) {
                throw new FraiseException(ErrorCode.DATABASE_CLONE_FAILED, "cannot take a lease on "
                        + server.description() + ": " + e.getMessage(), null, e);
            }
            throw (RuntimeException) e;
        }
    }

    /** What building the template did (when it was {@linkplain #reused() reused}: the build that made it). */
    public BuildResult buildResult() {
        return buildResult;
    }

    /** Whether the template was built before this pool (kept by the server, or from its snapshot), not by it. */
    public boolean reused() {
        return origin != TemplateStore.Origin.BUILT;
    }

    /** The template database's name. */
    public String templateName() {
        return template;
    }

    /** The server this pool lives on. */
    public PostgresServer server() {
        return server;
    }

    /** The pool's lease id, which every database name of the pool carries. */
    String leaseId() {
        return lease.id().toString();
    }

    /**
     * A fresh clone of the template, the caller's to {@link Database#close() close}: a prefetched one, else one made
     * now. Waits while the clone is made; any number of threads may call it.
     *
     * @throws FraiseException {@code POOL_CLOSED} when the pool is closed, or closes while this call waits;
     *                         {@code DATABASE_CLONE_FAILED} when making the clone this call takes failed, with
     *                         PostgreSQL's failure as its cause (a failed prefetch is the next acquire's failure)
     */
    public Database acquire() {
        if (!lease.retain()) {
            throw clones.closedException();
        }
        try {
            return clones.take(this::orderClone, () -> {
                if (stock.grow()) {
                    LOG.debug("an acquire of {} found no clone ready: {} clones are kept ready from now on (at most {})",
                            template, stock.target(), stock.limit());
                    cloneThreads.execute(this::cloneOneMore);
                }
            });
        } catch (RuntimeException e) {
            lease.release();
            throw e;
        }
    }

    /**
     * Drops ready clones and the template, and ends the lease once no clone is in use; clones still in use are
     * dropped when they are closed. Atomic: acquires waiting or arriving fail with {@code POOL_CLOSED}; concurrent
     * callers return once the first has finished. Idempotent.
     */
    @Override
    public void close() {
        if (!clones.beginClose()) {
            clones.awaitClosed();
            return;
        }
        try {
            finish(cloneThreads);
            finish(dropThread);
            closeIdleSessions();
            for (Database ready : clones.drain()) {
                ready.discardWarmConnection();
                lease.drop(ready.name());
            }
            if (!keptTemplate) {
                lease.drop(template);
            }
        } finally {
            clones.finishClose();
            lease.release();
        }
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

    private void orderClone() {
        cloneThreads.execute(this::cloneOne);
    }

    /**
     * Fills one order on a clone thread: makes one clone and queues it, or why it failed, unless a recycled clone
     * stands in for it; nothing once the pool closes.
     */
    private void cloneOne() {
        if (clones.isOpen() && orders.take()) {
            queue(makeClone());
        }
    }

    /**
     * Makes one clone more than the orders ask for, on a clone thread, when the stock grows: not through
     * {@link #orders}, where a recycling under way would stand in for it and leave the stock as deep as it was.
     */
    private void cloneOneMore() {
        if (clones.isOpen()) {
            queue(makeClone());
        }
    }

    private void queue(CloneQueue.Outcome outcome) {
        if (outcome instanceof CloneQueue.Made) {
            stock.made();
        }
        if (!clones.put(outcome) && outcome instanceof CloneQueue.Made made) {
            made.database().discardWarmConnection();
            lease.drop(made.database().name());
        }
    }

    private CloneQueue.Outcome makeClone() {
        String name = names.clone(counter.incrementAndGet());
        Connection session = idleSessions.poll();
        try {
            if (session == null) {
                session = DatabaseAdmin.connect(server, "fraise clones " + lease.id());
            }
            dropWhileBacklogged(session);
            DatabaseAdmin.create(session, name, template, strategy);
            CloneRecycling.Baseline baseline = recycling == null || !orders.prepareForRecycling() ? null
                    : recycling.baseline(session, name).orElse(null);
            boolean awaited = clones.awaited();
            idleSessions.push(session);
            session = null;
            DataSource dataSource = server.dataSource(name);
            return new CloneQueue.Made(new Database(name, server.jdbcUrl(name), server.user(), server.password(),
                    dataSource, warmConnection && !awaited ? warm(dataSource, name, WARM_UP) : null, baseline,
                    this::release));
        } catch (SQLException e) {
            DatabaseAdmin.closeQuietly(session);
            closeIdleSessions();
            lease.drop(name);
            return new CloneQueue.Failed(new FraiseException(ErrorCode.DATABASE_CLONE_FAILED, "cannot clone "
                    + template + " into " + name + ": " + e.getMessage(), null, e));
        } catch (FraiseException e) {
            return new CloneQueue.Failed(e);
        } catch (RuntimeException e) {
            DatabaseAdmin.closeQuietly(session);
            return new CloneQueue.Failed(new FraiseException(ErrorCode.DATABASE_CLONE_FAILED, "cannot clone "
                    + template + " into " + name + ": " + e, null, e));
        }
    }

    /**
     * A connection to the new clone {@code name} that has run its first query, so that the backend has started and
     * loaded its catalog caches before a test needs it; or null when it cannot be opened (the test then connects
     * itself, and meets the problem there).
     */
    private static WarmConnection warm(DataSource dataSource, String name, String firstQuery) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            try (Statement s = c.createStatement()) {
                s.execute(firstQuery);
            }
            return WarmConnection.answeredNow(c);
        } catch (SQLException e) {
            DatabaseAdmin.closeQuietly(c);
            LOG.debug("cannot open a warm connection to {}: {}", name, e.getMessage());
            return null;
        }
    }

    private void closeIdleSessions() {
        for (Connection idle = idleSessions.poll(); idle != null; idle = idleSessions.poll()) {
            DatabaseAdmin.closeQuietly(idle);
        }
    }

    /**
     * Recycles (on a clone thread) or drops (on the drop thread) a closed clone while the pool is open, else drops it
     * now; then lets go of its lease.
     */
    private void release(Database database) {
        try {
            if (recycling != null && database.baseline().isEmpty()) {
                LOG.debug("dropping clone {}: not prepared for recycling (clones closed lately had changed; one new clone"
                        + " in {} is prepared until one is recycled again)", database.name(), CloneOrders.PROBE_EVERY);
            }
            if (recycling != null && database.baseline().isPresent() && clones.isOpen()) {
                orders.recyclingStarted();
                try {
                    cloneThreads.execute(() -> recycleOrDrop(database));
                } catch (RejectedExecutionException closing) {
                    orders.recyclingEnded(false);
                    throw closing;
                }
            } else {
                dropLater(database.name());
            }
        } catch (RejectedExecutionException e) {
            dropAndLetGo(database.name());
        }
    }

    /**
     * Queues the closed clone {@code used} again, renamed and with a warm connection that has reset its statistics,
     * when its test left it as it was made ({@link CloneRecycling}); drops it otherwise, and then makes a new clone if
     * an order waited for this one.
     */
    private void recycleOrDrop(Database used) {
        String name = used.name();
        boolean queued = false;
        Connection session = idleSessions.poll();
        try {
            if (session == null) {
                session = DatabaseAdmin.connect(server, "fraise clones " + lease.id());
            }
            CloneRecycling.Verdict verdict = recycling.recycle(session, name, names.clone(counter.incrementAndGet()),
                    used.baseline().orElseThrow());
            idleSessions.push(session);
            session = null;
            name = verdict.name();
            queued = verdict.recycled() && requeue(name, used.baseline().orElseThrow());
            if (queued) {
                LOG.debug("recycled clone {} as {}", used.name(), name);
            } else {
                String renamed = name.equals(used.name()) ? "" : " (renamed " + name + ")";
                verdict.change().ifPresent(change -> LOG.debug("dropping clone {}{}: {}", used.name(), renamed,
                        change));
            }
        } catch (SQLException | RuntimeException e) {
            DatabaseAdmin.closeQuietly(session);
            closeIdleSessions();
            LOG.debug("dropping clone {}: cannot recycle it: {}", used.name(), e.getMessage());
        }
        if (queued) {
            lease.release();
        } else {
            dropLater(name);
        }
        if (orders.recyclingEnded(queued) && clones.isOpen()) {
            queue(makeClone());
        }
    }

    /**
     * Queues the recycled clone {@code name} once a connection has zeroed its statistics, handing that connection
     * over as its warm one ({@link PoolOptions#warmConnection()}) or closing it; false if it cannot.
     */
    private boolean requeue(String name, CloneRecycling.Baseline baseline) {
        DataSource dataSource = server.dataSource(name);
        WarmConnection warm = warm(dataSource, name, RESET_STATISTICS);
        if (warm == null) {
            return false;
        }
        if (!warmConnection) {
            DatabaseAdmin.closeQuietly(warm.connection());
            warm = null;
        }
        Database database = new Database(name, server.jdbcUrl(name), server.user(), server.password(), dataSource,
                warm, baseline, this::release);
        if (!clones.put(new CloneQueue.Made(database))) {
            database.discardWarmConnection();
            return false;
        }
        return true;
    }

    /** Queues the closed clone {@code name} for the drop thread (or drops it now once the pool is closing). */
    private void dropLater(String name) {
        dropsDue.add(name);
        try {
            dropThread.execute(this::dropOneDue);
        } catch (RejectedExecutionException closing) {
            dropOneDue();
        }
    }

    private void dropOneDue() {
        String name = dropsDue.poll();
        if (name != null) {
            dropAndLetGo(name);
        }
    }

    /** Drops closed clones on a clone thread's {@code session} while more than {@link #dropBacklog} wait. */
    private void dropWhileBacklogged(Connection session) {
        while (dropsDue.size() > dropBacklog) {
            String name = dropsDue.poll();
            if (name == null) {
                return;
            }
            try {
                DatabaseAdmin.drop(session, name);
            } finally {
                lease.release();
            }
        }
    }

    private void dropAndLetGo(String name) {
        try {
            lease.drop(name);
        } finally {
            lease.release();
        }
    }

    @Override
    public String toString() {
        return "TemplatePool[" + template + " on " + server.description() + "]";
    }
}
