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
 * test run checks {@link ServerSettings#DEFAULT_MAJOR}; the {@code postgres-14/15/16/18} Surefire executions swap in
 * those binaries and set the property.
 */
class MajorSelectionTest {

    @Test
    void embeddedServerRunsTheRequestedMajor() throws Exception {
        int expected = Integer.parseInt(System.getProperty(ServerSettings.MAJOR_PROPERTY,
                String.valueOf(ServerSettings.DEFAULT_MAJOR)));
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

    @Test
    void theDefaultMajorIsThatOfTheBinariesFraiseIsBuiltWith() {
        // The pom's BOM version, filtered into defaults.properties; the same for every provider.
        assertEquals("postgres:" + ServerSettings.DEFAULT_MAJOR + "-alpine",
                TestcontainersServerProvider.image(ServerSettings.DEFAULT_MAJOR));
        if (System.getProperty(ServerSettings.MAJOR_PROPERTY) == null) {
            assertEquals(ServerSettings.DEFAULT_MAJOR, EmbeddedBinaries.find().orElseThrow().major().getAsInt());
        }
    }
}
