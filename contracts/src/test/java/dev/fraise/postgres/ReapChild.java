package dev.fraise.postgres;

import java.nio.file.Path;

/** Test helper run in a separate JVM: reaps stale data directories under the given base and prints them. */
public final class ReapChild {

    private ReapChild() {
    }

    public static void main(String[] args) {
        System.out.println("REAPED " + new DataDirectories(Path.of(args[0])).reapStale());
    }
}
