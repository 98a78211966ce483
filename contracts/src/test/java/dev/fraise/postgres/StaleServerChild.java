package dev.fraise.postgres;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Test helper run in a separate JVM: starts an embedded server under the given base directory, prints
 * {@code READY <data dir>} and waits to be killed, as a crashed test JVM would leave it.
 */
public final class StaleServerChild {

    private StaleServerChild() {
    }

    public static void main(String[] args) throws Exception {
        PostgresServer server = EmbeddedServerProvider.start(OptionalInt.empty(), new DataDirectories(Path.of(args[0])),
                "unshare");
        System.out.println("READY " + server.description());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
