package dev.fraise.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The template snapshots of the default embedded base directory, for tests of other packages. */
public final class SnapshotFixtures {

    private SnapshotFixtures() {
    }

    /** The snapshots (of any binaries) that hold template {@code name}. */
    public static List<Path> holding(String name) {
        return all().stream().filter(s -> s.templates().containsKey(name)).map(TemplateSnapshots.Snapshot::dir)
                .toList();
    }

    /** Deletes the snapshots that hold template {@code name}. */
    public static void deleteHolding(String name) {
        holding(name).forEach(DataDirectories::deleteTree);
    }

    private static List<TemplateSnapshots.Snapshot> all() {
        Path root = DataDirectories.defaultLocation().base().resolve("snapshots");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> binaries = Files.list(root)) {
            return binaries.flatMap(dir -> new TemplateSnapshots(dir).list().stream()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
