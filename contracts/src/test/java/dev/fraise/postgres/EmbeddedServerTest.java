package dev.fraise.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServerTest {

    @TempDir
    Path base;

    @Test
    void startsDisposableServerAndLeavesNothingBehindWhenClosed() throws Exception {
        DataDirectories dirs = new DataDirectories(base);
        long postmasterPid;
        Path dataDir;
        try (PostgresServer server = EmbeddedServerProvider.start(OptionalInt.empty(), dirs, "unshare")) {
            assertEquals(17, server.majorVersion());
            try (Connection c = server.dataSource("postgres").getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('fsync'), current_setting('full_page_writes'),"
                         + " current_setting('synchronous_commit'), current_setting('data_directory'),"
                         + " pg_postmaster_start_time() IS NOT NULL")) {
                rs.next();
                assertEquals("off", rs.getString(1));
                assertEquals("off", rs.getString(2));
                assertEquals("off", rs.getString(3));
                dataDir = Path.of(rs.getString(4));
            }
            assertTrue(dataDir.startsWith(base), dataDir + " should be under " + base);
            postmasterPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            assertTrue(ProcessHandle.of(postmasterPid).isPresent());
        }
        assertFalse(ProcessHandle.of(postmasterPid).map(DataDirectories::isRunning).orElse(false),
                "postmaster must be stopped");
        assertFalse(Files.exists(dataDir), "data directory must be deleted");
    }
}
