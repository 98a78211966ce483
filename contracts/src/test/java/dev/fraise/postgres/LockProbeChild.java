package dev.fraise.postgres;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Test helper run in a separate JVM: prints {@code HELD} when another process holds the lock on {@code args[0]}. */
public final class LockProbeChild {

    private LockProbeChild() {
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            System.out.println(lock == null ? "HELD" : "FREE");
        }
    }
}
