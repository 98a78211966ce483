package dev.fraise.postgres;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Test helper run in a separate JVM (with {@code -Dfraise.embedded.dir}): takes the JVM-wide embedded server,
 * prints {@code READY <postmaster pid> <data dir>}, then either returns from {@code main} ({@code exit}) or waits
 * for a SIGTERM ({@code wait}). Either way the shutdown hook must stop the server and delete its data.
 */
public final class SharedServerChild {

    private SharedServerChild() {
    }

    public static void main(String[] args) throws Exception {
        PostgresServer server = PostgresServers.shared(new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(),
                OptionalInt.empty()));
        Path dataDir;
        try (var c = server.dataSource(server.maintenanceDatabase()).getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT current_setting('data_directory')")) {
            rs.next();
            dataDir = Path.of(rs.getString(1));
        }
        long pid = DataDirectories.postmaster(dataDir).orElseThrow().pid();
        System.out.println("READY " + pid + " " + dataDir);
        System.out.flush();
        if (args[0].equals("wait")) {
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
