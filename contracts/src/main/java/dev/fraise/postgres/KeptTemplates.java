package dev.fraise.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link TemplateStore} of one embedded server: the templates of the snapshot it started from, those built on
 * it since, and, when it stops, a new snapshot of its data directory if it built any.
 */
final class KeptTemplates implements TemplateStore {

    private static final Logger LOG = LoggerFactory.getLogger(KeptTemplates.class);
    /**
     * The largest cluster kept as a snapshot. Snapshots live on tmpfs, in memory; a JVM that built dozens of
     * templates (an engine's own test suite) leaves none rather than hundreds of megabytes.
     */
    static final long MAX_SNAPSHOT_BYTES = 256L << 20;

    private final TemplateSnapshots snapshots;
    /** Templates complete on this server, with their records, in the order they came. */
    private final Map<String, String> records = new LinkedHashMap<>();
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final boolean fromSnapshot;
    private boolean built;

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

    @Override
    public Kept template(String name, Supplier<String> builder) {
        synchronized (locks.computeIfAbsent(name, n -> new Object())) {
            Optional<String> known = record(name);
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

    private synchronized Optional<String> record(String name) {
        return Optional.ofNullable(records.get(name));
    }

    /**
     * Ends the server's data directory once its server has stopped: saved as a snapshot when templates were
     * built on it and it stopped cleanly ({@code postmaster.pid} removed), else deleted.
     */
    void finish(Path dataDir) {
        Map<String, String> all;
        synchronized (this) {
            all = built ? new LinkedHashMap<>(records) : Map.of();
        }
        if (all.isEmpty()) {
            DataDirectories.deleteTree(dataDir);
            return;
        }
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            LOG.debug("{} did not stop cleanly: its templates are not kept", dataDir);
            DataDirectories.deleteTree(dataDir);
            return;
        }
        long size = DataDirectories.size(dataDir);
        if (size > MAX_SNAPSHOT_BYTES) {
            LOG.debug("{} holds {} MB, more than the {} MB a snapshot may: its {} template(s) are not kept", dataDir,
                    size >> 20, MAX_SNAPSHOT_BYTES >> 20, all.size());
            DataDirectories.deleteTree(dataDir);
            return;
        }
        snapshots.save(dataDir, all);
    }
}
