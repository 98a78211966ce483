package dev.fraise.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link TemplateStore} of one embedded server: the templates of the snapshot it started from, those built on
 * it since, and, when it stops, a new snapshot of its data directory if it built any. The snapshot holds only the
 * templates used on this server, and only a server whose state outside Fraise's databases is what it was when it
 * started ({@link ClusterState}) is kept: what tests did to roles, settings or other databases must not outlive
 * the run.
 */
final class KeptTemplates implements TemplateStore {

    private static final Logger LOG = LoggerFactory.getLogger(KeptTemplates.class);
    /**
     * The largest cluster kept as a snapshot. Snapshots live on tmpfs, in memory; a JVM that built dozens of
     * templates (an engine's own test suite) leaves none rather than hundreds of megabytes.
     */
    static final long MAX_SNAPSHOT_BYTES = 256L << 20;

    private final TemplateSnapshots snapshots;
    private final boolean fromSnapshot;
    /** Templates complete on this server, with their records, in the order they came. */
    private final Map<String, String> records = new LinkedHashMap<>();
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** The templates asked for on this server. */
    private final Set<String> used = new HashSet<>();
    private boolean built;
    private ClusterState atStart;
    /** Why the data directory is not kept, once {@link #beforeStop} found a reason. */
    private String notKept;

    private KeptTemplates(TemplateSnapshots snapshots, Map<String, String> snapshotTemplates) {
        this.snapshots = snapshots;
        this.fromSnapshot = !snapshotTemplates.isEmpty();
        this.records.putAll(snapshotTemplates);
        snapshotTemplates.keySet().forEach(name -> origins.put(name, Origin.SNAPSHOT));
    }

    /** A store whose server starts from an empty cluster. */
    static KeptTemplates empty(TemplateSnapshots snapshots) {
        return new KeptTemplates(snapshots, Map.of());
    }

    /** A store whose server starts from a copy of {@code snapshot}. */
    static KeptTemplates from(TemplateSnapshots snapshots, TemplateSnapshots.Snapshot snapshot) {
        return new KeptTemplates(snapshots, snapshot.templates());
    }

    /** Whether the server's data directory is a copy of a snapshot (else the caller initialises it). */
    boolean fromSnapshot() {
        return fromSnapshot;
    }

    /** Records the state of the server just started, before anyone used it; without it nothing is kept. */
    void started(PostgresServer server, Path dataDir) {
        try {
            ClusterState state = ClusterState.read(server, dataDir);
            synchronized (this) {
                atStart = state;
            }
        } catch (SQLException | IOException e) {
            LOG.debug("cannot read the state of {}: its templates will not be kept: {}", server, e.toString());
        }
    }

    @Override
    public Kept template(String name, Supplier<String> builder) {
        synchronized (locks.computeIfAbsent(name, n -> new Object())) {
            Optional<String> known = use(name);
            if (known.isPresent()) {
                return new Kept(name, known.get(), origins.get(name) == Origin.SNAPSHOT ? Origin.SNAPSHOT
                        : Origin.THIS_SERVER);
            }
            String record = builder.get();
            synchronized (this) {
                records.put(name, record);
                built = true;
            }
            origins.put(name, Origin.BUILT);
            return new Kept(name, record, Origin.BUILT);
        }
    }

    private synchronized Optional<String> use(String name) {
        used.add(name);
        return Optional.ofNullable(records.get(name));
    }

    /**
     * Prepares the running server for its snapshot, when it built templates: drops the Fraise databases the
     * snapshot must not hold (templates nobody used here, half-built ones, clones of pools never closed), then
     * compares the server's state with the one at start. Never throws: whatever fails means no snapshot.
     */
    void beforeStop(PostgresServer server, Path dataDir) {
        synchronized (this) {
            if (!built) {
                return;
            }
            if (atStart == null) {
                notKept = "its state at start could not be read";
                return;
            }
        }
        try {
            dropAllBut(server, keptNames());
            List<String> changed = ClusterState.read(server, dataDir).changedSince(atStart);
            if (!changed.isEmpty()) {
                synchronized (this) {
                    notKept = "its " + String.join(", ", changed) + " changed while it ran (a test's CREATE ROLE,"
                            + " ALTER SYSTEM, a database of its own…), which later runs must not inherit";
                }
            }
        } catch (SQLException | IOException | RuntimeException e) {
            synchronized (this) {
                notKept = "it could not be prepared: " + e.getMessage();
            }
        }
    }

    /** The templates the snapshot keeps: those used on this server, dropping the others from the records. */
    private synchronized Set<String> keptNames() {
        records.keySet().retainAll(used);
        return Set.copyOf(records.keySet());
    }

    private static void dropAllBut(PostgresServer server, Set<String> keep) throws SQLException {
        try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement s = c.createStatement()) {
            List<String> doomed = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'fraise\\_%'")) {
                while (rs.next()) {
                    if (!keep.contains(rs.getString(1))) {
                        doomed.add(rs.getString(1));
                    }
                }
            }
            for (String name : doomed) {
                String quoted = "\"" + name.replace("\"", "\"\"") + "\"";
                s.execute("ALTER DATABASE " + quoted + " WITH IS_TEMPLATE false");
                s.execute("DROP DATABASE " + quoted + " WITH (FORCE)");
            }
        }
    }

    /**
     * Ends the server's data directory once its server has stopped: saved as a snapshot when templates were
     * built on it, it stopped cleanly ({@code postmaster.pid} removed) and nothing else changed it, else deleted.
     */
    void finish(Path dataDir) {
        Map<String, String> all;
        String reason;
        synchronized (this) {
            all = built ? new LinkedHashMap<>(records) : Map.of();
            reason = notKept;
        }
        if (all.isEmpty()) {
            DataDirectories.deleteTree(dataDir);
            return;
        }
        if (reason == null && Files.exists(dataDir.resolve("postmaster.pid"))) {
            reason = "it did not stop cleanly";
        }
        long size = DataDirectories.size(dataDir);
        if (reason == null && size > MAX_SNAPSHOT_BYTES) {
            reason = "it holds " + (size >> 20) + " MB, more than the " + (MAX_SNAPSHOT_BYTES >> 20)
                    + " MB a snapshot may";
        }
        if (reason != null) {
            LOG.info("Fraise keeps no snapshot of the {} template(s) built on this server: {}; the next run builds"
                    + " them again", all.size(), reason);
            DataDirectories.deleteTree(dataDir);
            return;
        }
        snapshots.save(dataDir, all);
    }
}
