package dev.fraise.postgres;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Test helper run in a separate JVM (with {@code -Dfraise.embedded.dir}): takes the JVM-wide embedded server,
 * prints {@code READY <postmaster pid> <data dir>}, then either returns from {@code main} ({@code exit}) or waits
 * for a SIGTERM ({@code wait}); or ({@code building}) takes a server for a template whose build prints that line and
 * then runs for ten minutes, as a long seed would, until a SIGTERM. Each way the shutdown hook must stop the server
 * and delete its data.
 */
public final class SharedServerChild {

    private SharedServerChild() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("building")) {
            PostgresServers.shared(new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(), OptionalInt.empty()),
                    Optional.of(new TemplateBuild("fraise_keep_slow", SharedServerChild::buildSlowly)));
            return;
        }
        PostgresServer server = PostgresServers.shared(new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(),
                OptionalInt.empty()));
        Path dataDir;
        try (var c = server.dataSource(server.maintenanceDatabase()).getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT current_setting('data_directory')")) {
            rs.next();
            dataDir = Path.of(rs.getString(1));
        }
        ready(dataDir);
        if (args[0].equals("wait")) {
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static String buildSlowly(PostgresServer server) {
        try (var c = server.dataSource(server.maintenanceDatabase()).getConnection(); var s = c.createStatement()) {
            Path dataDir;
            try (var rs = s.executeQuery("SELECT current_setting('data_directory')")) {
                rs.next();
                dataDir = Path.of(rs.getString(1));
            }
            ready(dataDir);
            s.execute("SELECT pg_sleep(600)");
            return "0 0 0";
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ready(Path dataDir) {
        long pid = DataDirectories.postmaster(dataDir).orElseThrow().pid();
        System.out.println("READY " + pid + " " + dataDir);
        System.out.flush();
    }
}
