package dev.fraise.postgres;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses and starts PostgreSQL servers. {@link #shared} gives one server per distinct {@link ServerSettings}
 * per JVM, stopped by a shutdown hook after everything registered with {@link #closeBeforeStop} is closed.
 */
public final class PostgresServers {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServers.class);
    private static final SharedValues<ServerSettings, SharedServer> SHARED = new SharedValues<>();
    private static boolean hookInstalled;

    private PostgresServers() {
    }

    /**
     * Starts a new server the caller owns and must close.
     *
     * @param settings the requested provider; {@link ProviderKind#AUTO} picks an explicit server URL if set,
     *                 else Testcontainers when Docker answers, else the embedded default
     * @throws FraiseException when the chosen provider cannot start
     */
    public static PostgresServer start(ServerSettings settings) {
        return start(settings, Optional.empty());
    }

    /**
     * Starts a new server the caller owns and must close, for a caller that needs the template database
     * {@code wantedTemplate}: an embedded server starts from a snapshot that holds it, when there is one (see
     * {@link PostgresServer#templateStore()}).
     *
     * @throws FraiseException when the chosen provider cannot start
     */
    public static PostgresServer start(ServerSettings settings, Optional<String> wantedTemplate) {
        ProviderKind kind = choose(settings);
        long begin = System.nanoTime();
        PostgresServer server = switch (kind) {
            case SERVER -> ExternalServerProvider.connect(settings.serverUrl().orElseThrow(() -> new FraiseException(
                    ErrorCode.SERVER_UNREACHABLE, "provider server needs a URL: set " + ServerSettings.URL_VARIABLE
                            + " or " + ServerSettings.URL_PROPERTY)), "ServerSettings.serverUrl",
                    settings.postgresMajor());
            case TESTCONTAINERS -> TestcontainersServerProvider.start(settings.postgresMajor());
            case EMBEDDED, AUTO -> EmbeddedServerProvider.start(settings.postgresMajor(),
                    BinariesChoice.from(System.getProperties()), DataDirectories.defaultLocation(),
                    EmbeddedServerProvider.UNSHARE, TemplateSnapshots.Use.from(System.getProperties(), wantedTemplate));
        };
        LOG.info("Fraise uses {} (ready in {} ms)", server.description(), (System.nanoTime() - begin) / 1_000_000);
        return server;
    }

    /** The provider {@link #start} would use for {@code settings}. */
    public static ProviderKind choose(ServerSettings settings) {
        if (settings.provider() != ProviderKind.AUTO) {
            return settings.provider();
        }
        if (settings.serverUrl().isPresent()) {
            return ProviderKind.SERVER;
        }
        if (TestcontainersServerProvider.onClasspath() && TestcontainersServerProvider.dockerAvailable()) {
            return ProviderKind.TESTCONTAINERS;
        }
        return ProviderKind.EMBEDDED;
    }

    /**
     * The JVM-wide server for {@code settings}, started on first use and stopped when the JVM exits.
     * Concurrent callers with equal settings get the same server. A server that failed to start fails callers
     * with the same exception for {@link SharedValues#FAILURE_MEMORY}; the next caller after that tries again.
     */
    public static PostgresServer shared(ServerSettings settings) {
        return shared(settings, Optional.empty());
    }

    /**
     * The JVM-wide server for {@code settings}, as {@link #shared(ServerSettings)}; when this call starts it, it
     * starts as {@link #start(ServerSettings, Optional)} does for {@code wantedTemplate}.
     */
    public static PostgresServer shared(ServerSettings settings, Optional<String> wantedTemplate) {
        synchronized (PostgresServers.class) {
            installHook();
        }
        return SHARED.get(settings, () -> new SharedServer(start(settings, wantedTemplate))).server;
    }

    /**
     * Registers {@code resource} (a template pool, say) to be closed before {@code server} stops at JVM exit.
     * Resources close in reverse order of registration.
     */
    public static void closeBeforeStop(PostgresServer server, AutoCloseable resource) {
        SHARED.values().stream().filter(s -> s.server == server).findFirst().ifPresent(s -> s.push(resource));
    }

    private static void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresServers::stopAll, "fraise-shutdown"));
            hookInstalled = true;
        }
    }

    private static void stopAll() {
        SHARED.settledValues().forEach(SharedServer::close);
        SHARED.clear();
    }

    /** A started server plus the resources that must close before it. */
    private static final class SharedServer {
        private final PostgresServer server;
        private final Deque<AutoCloseable> dependents = new ArrayDeque<>();

        SharedServer(PostgresServer server) {
            this.server = server;
        }

        synchronized void push(AutoCloseable resource) {
            dependents.push(resource);
        }

        synchronized void close() {
            while (!dependents.isEmpty()) {
                AutoCloseable resource = dependents.pop();
                try {
                    resource.close();
                } catch (Exception e) {
                    LOG.warn("could not close {}: {}", resource, e.toString());
                }
            }
            server.close();
        }
    }
}
