package dev.fraise.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot store's bookkeeping, on directories that stand for stopped clusters. */
class TemplateSnapshotsTest {

    @TempDir
    Path base;

    @Test
    void aSavedClusterIsFoundByTheTemplatesItHoldsAndCopiedForTheNextServer() throws Exception {
        DataDirectories directories = new DataDirectories(base);
        TemplateSnapshots snapshots = TemplateSnapshots.of(directories, "linux-17.6");
        snapshots.saveCopy(cluster("one"), Map.of("fraise_keep_a", "1 2 3"));

        assertTrue(snapshots.holding("fraise_keep_b").isEmpty());
        assertEquals(Map.of("fraise_keep_a", "1 2 3"), snapshots.holding("fraise_keep_a").orElseThrow().templates());

        Path dataDir = base.resolve("data-new");
        KeptTemplates kept = TemplateSnapshots.seed(new TemplateSnapshots.Use(true, Optional.of("fraise_keep_a")),
                directories, "linux-17.6", dataDir);
        assertTrue(kept.fromSnapshot());
        assertEquals("one", Files.readString(dataDir.resolve("PG_VERSION")));
        assertEquals(TemplateStore.Origin.SNAPSHOT, kept.find("fraise_keep_a").orElseThrow().origin());
        assertTrue(kept.find("fraise_keep_b").isEmpty());

        Path other = base.resolve("data-other");
        KeptTemplates fresh = TemplateSnapshots.seed(new TemplateSnapshots.Use(true, Optional.of("t_new")),
                directories, "linux-17.6", other);
        assertFalse(fresh.fromSnapshot(), "no snapshot holds t_new: a fresh cluster, never another template's");
        assertTrue(Files.isDirectory(snapshots.holding("fraise_keep_a").orElseThrow().data()),
                "the snapshot itself stays");
    }

    @Test
    void snapshotsAreOffWhenAskedAndOtherwiseOn() {
        assertFalse(TemplateSnapshots.enabled(Map.of(TemplateSnapshots.PROPERTY, " FALSE ")));
        assertTrue(TemplateSnapshots.enabled(Map.of(TemplateSnapshots.PROPERTY, "true")));
        assertTrue(TemplateSnapshots.enabled(Map.of()));
        assertNull(TemplateSnapshots.seed(TemplateSnapshots.Use.OFF, new DataDirectories(base), "k",
                base.resolve("data-x")));
    }

    @Test
    void keepingATemplateSavesACopyOfTheClusterUnlessItIsTooLarge() throws Exception {
        TemplateSnapshots snapshots = TemplateSnapshots.of(new DataDirectories(base), "k");
        KeptTemplates store = KeptTemplates.empty(snapshots);
        Path running = cluster("running");
        store.keep("fraise_keep_k", "1 1 1", running);
        assertTrue(Files.isRegularFile(running.resolve("PG_VERSION")), "the server's own directory stays");
        assertEquals(List.of(Map.of("fraise_keep_k", "1 1 1")),
                snapshots.list().stream().map(TemplateSnapshots.Snapshot::templates).toList());
        assertEquals(TemplateStore.Origin.BUILT, store.find("fraise_keep_k").orElseThrow().origin());
        assertEquals(TemplateStore.Origin.THIS_SERVER, store.find("fraise_keep_k").orElseThrow().origin());

        KeptTemplates large = KeptTemplates.empty(snapshots);
        large.keep("fraise_keep_l", "1 1 1", sparseCluster("large", KeptTemplates.MAX_SNAPSHOT_BYTES + 1));
        assertTrue(snapshots.holding("fraise_keep_l").isEmpty(), "over the size a snapshot may have");
        assertTrue(large.find("fraise_keep_l").isPresent(), "the server still holds it");
    }

    @Test
    void aSnapshotWhoseTemplatesANewerOneHoldsGoesAndAtMostKeepStay() throws Exception {
        TemplateSnapshots snapshots = TemplateSnapshots.of(new DataDirectories(base), "k");
        snapshots.saveCopy(cluster("a"), Map.of("t_a", "r"));
        snapshots.saveCopy(cluster("ab"), Map.of("t_a", "r", "t_b", "r"));
        assertEquals(1, snapshots.list().size(), "{t_a} is redundant next to {t_a, t_b}");

        List<Map<String, String>> expected = new java.util.ArrayList<>();
        for (int i = 0; i < TemplateSnapshots.KEEP; i++) {
            snapshots.list().forEach(TemplateSnapshotsTest::ageOneMinute);
            snapshots.saveCopy(cluster("t" + i), Map.of("t" + i, "r"));
            expected.add(0, Map.of("t" + i, "r"));
        }
        List<Map<String, String>> left = snapshots.list().stream().map(TemplateSnapshots.Snapshot::templates)
                .toList();
        assertEquals(expected, left, "the least recently used ({t_a, t_b}) went");
    }

    @Test
    void snapshotsTakeNoMoreThanTheirBudgetTogether() throws Exception {
        TemplateSnapshots snapshots = TemplateSnapshots.of(new DataDirectories(base), "k");
        long third = TemplateSnapshots.MAX_TOTAL_BYTES / 3;
        snapshots.saveCopy(sparseCluster("a", third), Map.of("t_a", "r"));
        snapshots.list().forEach(TemplateSnapshotsTest::ageOneMinute);
        snapshots.saveCopy(sparseCluster("b", third), Map.of("t_b", "r"));
        assertEquals(2, snapshots.list().size(), "two thirds of the budget");
        snapshots.list().forEach(TemplateSnapshotsTest::ageOneMinute);
        snapshots.saveCopy(sparseCluster("c", third + (1 << 20)), Map.of("t_c", "r"));
        assertEquals(List.of(Map.of("t_c", "r"), Map.of("t_b", "r")),
                snapshots.list().stream().map(TemplateSnapshots.Snapshot::templates).toList(),
                "the least recently used went to stay within the budget");
    }

    @Test
    void anIncompleteSnapshotIsNeverUsed() throws Exception {
        TemplateSnapshots snapshots = TemplateSnapshots.of(new DataDirectories(base), "k");
        Path incomplete = base.resolve("snapshots/k/half");
        Files.createDirectories(incomplete.resolve("data"));
        assertTrue(snapshots.list().isEmpty());
        assertTrue(snapshots.holding("t").isEmpty());
    }

    private Path cluster(String marker) throws Exception {
        Path dir = Files.createDirectories(base.resolve("data-" + marker));
        Files.writeString(dir.resolve("PG_VERSION"), marker);
        return dir;
    }

    /** A cluster with a sparse file of {@code bytes} (apparent size), which costs no disk. */
    private Path sparseCluster(String marker, long bytes) throws Exception {
        Path dir = cluster(marker);
        try (var file = new java.io.RandomAccessFile(dir.resolve("base.bin").toFile(), "rw")) {
            file.setLength(bytes);
        }
        return dir;
    }

    private static void ageOneMinute(TemplateSnapshots.Snapshot snapshot) {
        try {
            Path manifest = snapshot.dir().resolve("templates");
            Files.setLastModifiedTime(manifest, FileTime.from(
                    Files.getLastModifiedTime(manifest).toInstant().minusSeconds(60)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
