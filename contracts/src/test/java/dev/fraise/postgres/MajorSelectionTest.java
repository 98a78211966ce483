package dev.fraise.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL major follows {@code fraise.postgres.major} and the binaries on the classpath. The default
 * test run checks 17; the {@code postgres-15} Surefire execution swaps in the 15.x binaries and sets the
 * property to 15.
 */
class MajorSelectionTest {

    @Test
    void embeddedServerRunsTheRequestedMajor() throws Exception {
        int expected = Integer.parseInt(System.getProperty(ServerSettings.MAJOR_PROPERTY, "17"));
        ServerSettings settings = new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(),
                OptionalInt.empty()).withDefaultsFrom(
                        Map.of(ServerSettings.MAJOR_PROPERTY, String.valueOf(expected)), Map.of());
        try (PostgresServer server = PostgresServers.start(settings);
             Connection c = server.dataSource("postgres").getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rs.next();
            assertEquals(expected, rs.getInt(1));
            assertEquals(expected, server.majorVersion());
        }
    }
}
