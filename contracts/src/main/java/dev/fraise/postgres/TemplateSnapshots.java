package dev.fraise.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stopped clusters that hold kept templates, one directory per snapshot under
 * {@code <base>/snapshots/<binaries>/}: {@code data/} (the data directory, moved there when its server stopped
 * cleanly) and {@code templates} (one {@code name<TAB>record} line per template, written last: a snapshot without it
 * is incomplete and ignored). A server starts from a copy, never from the snapshot itself. At most {@link #KEEP}
 * snapshots and {@link #MAX_TOTAL_BYTES} are kept per binaries, the least recently used go first, and a snapshot
 * whose templates a newer one all holds is dropped when that one is saved.
 */
final class TemplateSnapshots {

    /** System property switching snapshots off ({@code false}); on by default. */
    static final String PROPERTY = "fraise.embedded.snapshots";
    /** How many snapshots are kept per binaries. */
    static final int KEEP = 8;
    /** How many bytes the snapshots of one binaries may take together (they live on tmpfs, in memory). */
    static final long MAX_TOTAL_BYTES = 512L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(TemplateSnapshots.class);
    private static final String MANIFEST = "templates";
    private static final String DATA = "data";
    private static final String DELETING = "deleting-";
    private static final Duration INCOMPLETE_GRACE = Duration.ofMinutes(2);

    private final Path root;

    TemplateSnapshots(Path root) {
        this.root = root;
    }

    /** The snapshots of {@code binariesKey} in {@code directories}' base. */
    static TemplateSnapshots of(DataDirectories directories, String binariesKey) {
        return new TemplateSnapshots(directories.base().resolve("snapshots")
                .resolve(binariesKey.replaceAll("[^A-Za-z0-9._-]", "_")));
    }

    /** Whether {@code systemProperties} leave snapshots on (anything but {@code false}). */
    static boolean enabled(Map<?, ?> systemProperties) {
        Object value = systemProperties.get(PROPERTY);
        return value == null || !value.toString().trim().equalsIgnoreCase("false");
    }

    /**
     * How a new server uses snapshots.
     *
     * @param enabled whether it keeps templates ({@link #PROPERTY})
     * @param wanted  the template its first user needs: the server starts from a snapshot holding it, if any
     */
    record Use(boolean enabled, Optional<String> wanted) {

        /** No snapshot used or saved. */
        static final Use OFF = new Use(false, Optional.empty());

        /** Snapshots as {@code systemProperties} allow, for a server whose first user needs {@code wanted}. */
        static Use from(Map<?, ?> systemProperties, Optional<String> wanted) {
            return new Use(TemplateSnapshots.enabled(systemProperties), wanted);
        }
    }

    /**
     * The template store of a new server of {@code binariesKey} whose data directory will be {@code dataDir}:
     * when a snapshot holds the wanted template, {@code dataDir} is filled with a copy of it (the caller then skips
     * {@code initdb}: {@link KeptTemplates#fromSnapshot()}). Null when {@code use} is not enabled.
     */
    static KeptTemplates seed(Use use, DataDirectories directories, String binariesKey, Path dataDir) {
        if (!use.enabled()) {
            return null;
        }
        TemplateSnapshots snapshots = of(directories, binariesKey);
        Optional<Snapshot> snapshot = use.wanted().flatMap(snapshots::holding);
        if (snapshot.isPresent() && DataDirectories.copyCluster(snapshot.get().data(), dataDir)) {
            return KeptTemplates.from(snapshots, snapshot.get());
        }
        return KeptTemplates.empty(snapshots);
    }

    /** A saved snapshot: its directory and the templates it holds (name to record). */
    record Snapshot(Path dir, Map<String, String> templates) {

        Path data() {
            return dir.resolve(DATA);
        }
    }

    /** The most recently used snapshot holding template {@code name}, if any; using it marks it used. */
    Optional<Snapshot> holding(String name) {
        Optional<Snapshot> found = list().stream().filter(s -> s.templates().containsKey(name)).findFirst();
        found.ifPresent(TemplateSnapshots::touch);
        return found;
    }

    /**
     * Copies the idle, checkpointed cluster {@code dataDir} into a new snapshot holding {@code templates}, then
     * drops the snapshots it makes redundant and the least recently used beyond {@link #KEEP} or
     * {@link #MAX_TOTAL_BYTES}. A snapshot is a cache: failing, it logs and leaves nothing half made.
     */
    void saveCopy(Path dataDir, Map<String, String> templates) {
        Path dir = root.resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(dir);
            DataDirectories.copyTree(dataDir, dir.resolve(DATA));
            Path staged = dir.resolve(MANIFEST + ".tmp");
            StringBuilder manifest = new StringBuilder();
            templates.forEach((name, record) -> manifest.append(name).append('\t').append(record).append('\n'));
            Files.writeString(staged, manifest, StandardCharsets.UTF_8);
            Files.move(staged, dir.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Fraise kept {} template(s) in snapshot {} for later runs ({} MB)", templates.size(), dir,
                    DataDirectories.size(dir) >> 20);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not save the templates {} as a snapshot in {}: {}", templates.keySet(), root,
                    e.toString());
            DataDirectories.deleteTree(dir);
            return;
        }
        prune(dir, templates);
    }

    /** The complete snapshots, most recently used first. */
    List<Snapshot> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Snapshot> result = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.toList()) {
                read(dir).ifPresent(result::add);
            }
        } catch (IOException e) {
            LOG.debug("cannot list the snapshots in {}: {}", root, e.toString());
        }
        result.sort(Comparator.comparing(TemplateSnapshots::lastUsed).reversed());
        return result;
    }

    private void prune(Path saved, Map<String, String> templates) {
        int kept = 0;
        long bytes = DataDirectories.size(saved);
        for (Snapshot snapshot : list()) {
            if (snapshot.dir().equals(saved)) {
                continue;
            }
            boolean redundant = templates.keySet().containsAll(snapshot.templates().keySet());
            long size = redundant ? 0 : DataDirectories.size(snapshot.dir());
            if (redundant || ++kept >= KEEP || bytes + size > MAX_TOTAL_BYTES) {
                LOG.info("Fraise dropped snapshot {}: {}", snapshot.dir(), redundant ? "the new one holds its templates"
                        : "the least recently used beyond " + KEEP + " snapshots or " + (MAX_TOTAL_BYTES >> 20) + " MB");
                delete(snapshot.dir());
            } else {
                bytes += size;
            }
        }
        deleteIncomplete();
    }

    private void deleteIncomplete() {
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(dir -> !Files.exists(dir.resolve(MANIFEST)) || isDeleting(dir))
                    .filter(dir -> olderThan(dir, INCOMPLETE_GRACE))
                    .forEach(TemplateSnapshots::delete);
        } catch (IOException e) {
            LOG.debug("cannot list the snapshots in {}: {}", root, e.toString());
        }
    }

    /** Renames the snapshot away first, so that no server starts from it half deleted. */
    private static void delete(Path dir) {
        Path doomed = isDeleting(dir) ? dir : dir.resolveSibling(DELETING + UUID.randomUUID());
        try {
            if (!doomed.equals(dir)) {
                Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
            }
            DataDirectories.deleteTree(doomed);
        } catch (IOException e) {
            LOG.debug("could not delete snapshot {}: {}", dir, e.toString());
        }
    }

    private static Optional<Snapshot> read(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        if (isDeleting(dir) || !Files.isRegularFile(manifest) || !Files.isDirectory(dir.resolve(DATA))) {
            return Optional.empty();
        }
        try {
            Map<String, String> templates = new LinkedHashMap<>();
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    templates.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
            return Optional.of(new Snapshot(dir, Map.copyOf(templates)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void touch(Snapshot snapshot) {
        try {
            Files.setLastModifiedTime(snapshot.dir().resolve(MANIFEST), FileTime.from(Instant.now()));
        } catch (IOException e) {
            LOG.debug("could not mark snapshot {} used: {}", snapshot.dir(), e.toString());
        }
    }

    private static FileTime lastUsed(Snapshot snapshot) {
        try {
            return Files.getLastModifiedTime(snapshot.dir().resolve(MANIFEST));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static boolean isDeleting(Path dir) {
        return dir.getFileName().toString().startsWith(DELETING);
    }

    private static boolean olderThan(Path dir, Duration age) {
        try {
            return Files.getLastModifiedTime(dir).toInstant().isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }
}
