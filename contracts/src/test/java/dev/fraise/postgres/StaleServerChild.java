package dev.fraise.postgres;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Test helper run in a separate JVM: starts an embedded server under the given base directory (from zonky's
 * binaries, or from the installed PostgreSQL of the major given as second argument), prints
 * {@code READY <data dir>} and waits to be killed, as a crashed test JVM would leave it.
 */
public final class StaleServerChild {

    private StaleServerChild() {
    }

    public static void main(String[] args) throws Exception {
        DataDirectories directories = new DataDirectories(Path.of(args[0]));
        PostgresServer server = args.length > 1
                ? EmbeddedServerProvider.start(OptionalInt.of(Integer.parseInt(args[1])), BinariesChoice.INSTALLED,
                        directories, "unshare")
                : EmbeddedServerProvider.start(OptionalInt.empty(), directories, "unshare");
        System.out.println("READY " + server.description());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
