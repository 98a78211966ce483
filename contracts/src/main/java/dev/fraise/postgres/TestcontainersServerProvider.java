package dev.fraise.postgres;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts {@code postgres:<major>-alpine} with Testcontainers, its data directory on tmpfs. This class is
 * loaded only after {@link #onClasspath()} said Testcontainers is there.
 */
final class TestcontainersServerProvider {

    private TestcontainersServerProvider() {
    }

    /** Whether Testcontainers is on the classpath, without loading it. */
    static boolean onClasspath() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false,
                    TestcontainersServerProvider.class.getClassLoader());
            Class.forName("org.testcontainers.postgresql.PostgreSQLContainer", false,
                    TestcontainersServerProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Whether a Docker daemon answers. Call only when {@link #onClasspath()}. Testcontainers is asked only when
     * Docker is configured somewhere it looks ({@code DOCKER_HOST}, {@code ~/.testcontainers.properties}) or a
     * standard socket exists, which spares machines without Docker its probe and its error log.
     */
    static boolean dockerAvailable() {
        if (!dockerConfigured(System.getenv(), Path.of(System.getProperty("user.home", "")))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Whether anything points at a Docker daemon, without contacting one. */
    static boolean dockerConfigured(Map<String, String> env, Path home) {
        if (env.containsKey("DOCKER_HOST") || env.containsKey("TESTCONTAINERS_HOST_OVERRIDE")
                || Files.exists(home.resolve(".testcontainers.properties"))) {
            return true;
        }
        List<Path> sockets = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"),
                Path.of("/run/podman/podman.sock"), home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"), home.resolve(".colima/default/docker.sock"),
                home.resolve(".rd/docker.sock"), home.resolve(".orbstack/run/docker.sock")));
        Optional.ofNullable(env.get("XDG_RUNTIME_DIR")).ifPresent(dir -> sockets.addAll(List.of(
                Path.of(dir, "docker.sock"), Path.of(dir, "podman/podman.sock"))));
        return sockets.stream().anyMatch(Files::exists) || usesDockerContext(home.resolve(".docker/config.json"));
    }

    /** Whether the Docker CLI config selects a context ({@code docker context use}), which may name any daemon. */
    private static boolean usesDockerContext(Path config) {
        try {
            return Files.isRegularFile(config) && Files.readString(config).contains("\"currentContext\"");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Where the image keeps its data, mounted on tmpfs: PostgreSQL 18+ images moved {@code PGDATA} to
     * {@code /var/lib/postgresql/<major>/docker} and their volume to {@code /var/lib/postgresql}.
     */
    static String dataMount(int major) {
        return major >= 18 ? "/var/lib/postgresql" : "/var/lib/postgresql/data";
    }

    /** The image for a major, e.g. {@code postgres:17-alpine}. */
    static String image(int major) {
        return "postgres:" + major + "-alpine";
    }

    static PostgresServer start(OptionalInt wantedMajor) {
        if (!onClasspath()) {
            throw new FraiseException(ErrorCode.PROVIDER_UNAVAILABLE, "provider testcontainers needs"
                    + " org.testcontainers:testcontainers-postgresql on the test classpath");
        }
        if (!dockerAvailable()) {
            throw new FraiseException(ErrorCode.PROVIDER_UNAVAILABLE, "provider testcontainers needs a Docker"
                    + " daemon and none answers; use provider embedded or set FRAISE_DATABASE_URL");
        }
        int major = wantedMajor.orElse(ServerSettings.DEFAULT_MAJOR);
        List<String> command = new ArrayList<>(List.of("postgres"));
        EmbeddedServerProvider.DISPOSABLE_SETTINGS.entrySet().stream()
                .filter(e -> !e.getKey().equals("listen_addresses") && !e.getKey().equals("unix_socket_directories"))
                .forEach(e -> command.addAll(List.of("-c", e.getKey() + "=" + e.getValue())));
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(image(major)))
                .withTmpFs(Map.of(dataMount(major), "rw"))
                .withCommand(command.toArray(String[]::new));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw new FraiseException(ErrorCode.PROVIDER_UNAVAILABLE, "PostgreSQL container " + image(major)
                    + " did not start: " + e.getMessage(), null, e);
        }
        return new Container(container, major);
    }

    private record Container(PostgreSQLContainer container, int majorVersion) implements PostgresServer {
        @Override
        public String user() {
            return container.getUsername();
        }

        @Override
        public String password() {
            return container.getPassword();
        }

        @Override
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
        }

        @Override
        public String maintenanceDatabase() {
            return container.getDatabaseName();
        }

        @Override
        public String description() {
            return "PostgreSQL " + majorVersion + " container " + container.getDockerImageName();
        }

        @Override
        public boolean ownedByFraise() {
            return true;
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}
