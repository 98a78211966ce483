package dev.fraise.postgres;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link TemplateStore} of one embedded server: the templates of the snapshot it started from and, for a server
 * started to build one, that template, saved with a copy of the cluster as a new snapshot before anyone else used
 * the server.
 */
final class KeptTemplates implements TemplateStore {

    private static final Logger LOG = LoggerFactory.getLogger(KeptTemplates.class);
    /** The largest cluster kept as a snapshot (snapshots live on tmpfs, in memory). */
    static final long MAX_SNAPSHOT_BYTES = 256L << 20;

    private final TemplateSnapshots snapshots;
    private final boolean fromSnapshot;
    private final Map<String, String> records = new LinkedHashMap<>();
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();

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
    public synchronized Optional<Kept> find(String name) {
        String record = records.get(name);
        if (record == null) {
            return Optional.empty();
        }
        Origin origin = origins.get(name);
        if (origin == Origin.BUILT) {
            origins.put(name, Origin.THIS_SERVER);
        }
        return Optional.of(new Kept(name, record, origin));
    }

    /** The names of the templates this server holds. */
    synchronized Set<String> names() {
        return Set.copyOf(records.keySet());
    }

    /**
     * Adds {@code name}, just built on this server before anyone else used it, and saves a copy of the server's
     * data directory as a snapshot. The server must be idle and checkpointed: nothing writes to the directory
     * while it is copied, so the copy is what a stop would have left, less the shutdown checkpoint (a server
     * started from it replays the WAL after the last checkpoint, which holds nothing). Never throws: a snapshot
     * that cannot be saved only means a later run builds again.
     */
    void keep(String name, String record, Path dataDir) {
        Map<String, String> all;
        synchronized (this) {
            records.put(name, record);
            origins.put(name, Origin.BUILT);
            all = new LinkedHashMap<>(records);
        }
        long size = DataDirectories.size(dataDir);
        if (size > MAX_SNAPSHOT_BYTES) {
            LOG.info("Fraise keeps no snapshot of templates {}: the cluster holds {} MB, more than the {} MB a snapshot"
                    + " may", all.keySet(), size >> 20, MAX_SNAPSHOT_BYTES >> 20);
            return;
        }
        snapshots.saveCopy(dataDir, all);
    }
}
