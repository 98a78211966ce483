package dev.fraise.postgres;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses and starts PostgreSQL servers. {@link #shared} gives JVM-wide servers: one per distinct
 * {@link ServerSettings}, and for embedded servers that keep templates ({@link TemplateStore}) one per template
 * not held by a running one; all are stopped by a shutdown hook after everything registered with
 * {@link #closeBeforeStop} is closed. The hook also stops the embedded servers callers of {@link #start} did not
 * close (a Maven goal interrupted by Ctrl-C).
 */
public final class PostgresServers {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServers.class);
    private static final SharedValues<SharedKey, SharedServer> SHARED = new SharedValues<>();
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
     * Starts a new server the caller owns and must close, holding {@code template} when it keeps templates: an
     * embedded server starts from a snapshot that holds it, or else builds it on its fresh cluster and saves a
     * snapshot of it before returning (see {@link TemplateStore}). Servers that keep no templates (an
     * external server, a container, {@code -Dfraise.embedded.snapshots=false}) start as {@link #start(ServerSettings)}
     * does, and the caller builds the template itself.
     *
     * @throws FraiseException when the chosen provider cannot start, or what the template's builder throws
     */
    public static PostgresServer start(ServerSettings settings, Optional<TemplateBuild> template) {
        synchronized (PostgresServers.class) {
            installHook();
        }
        ProviderKind kind = choose(settings);
        TemplateSnapshots.Use snapshots = TemplateSnapshots.Use.from(System.getProperties(),
                template.map(TemplateBuild::name));
        PostgresServer server = startKind(kind, settings, snapshots);
        return template.isPresent() ? holding(server, template.get()) : server;
    }

    private static PostgresServer startKind(ProviderKind kind, ServerSettings settings,
                                            TemplateSnapshots.Use snapshots) {
        long begin = System.nanoTime();
        PostgresServer server = switch (kind) {
            case SERVER -> ExternalServerProvider.connect(settings.serverUrl().orElseThrow(() -> new FraiseException(
                    ErrorCode.SERVER_UNREACHABLE, "provider server needs a URL: set " + ServerSettings.URL_VARIABLE
                            + " or " + ServerSettings.URL_PROPERTY)), "ServerSettings.serverUrl",
                    settings.postgresMajor());
            case TESTCONTAINERS -> TestcontainersServerProvider.start(settings.postgresMajor());
            case EMBEDDED, AUTO -> EmbeddedServerProvider.start(settings.postgresMajor(),
                    BinariesChoice.from(System.getProperties()), DataDirectories.defaultLocation(),
                    EmbeddedServerProvider.UNSHARE, snapshots);
        };
        LOG.info("Fraise uses {} (ready in {} ms)", server.description(), (System.nanoTime() - begin) / 1_000_000);
        return server;
    }

    /**
     * {@code server}, holding {@code template}: built on it now, when it keeps templates and its snapshot did not
     * hold it, and kept in a new snapshot before anyone else uses the server.
     */
    private static PostgresServer holding(PostgresServer server, TemplateBuild template) {
        Optional<TemplateStore> store = server.templateStore();
        if (store.isEmpty() || store.get().find(template.name()).isPresent()
                || !(server instanceof LocalServer local)) {
            return server;
        }
        String record;
        try {
            record = template.builder().apply(server);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        local.keep(template.name(), record);
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
        synchronized (PostgresServers.class) {
            installHook();
        }
        return SHARED.get(new SharedKey(settings, ""), () -> new SharedServer(settings, start(settings))).server;
    }

    /**
     * A JVM-wide server for {@code settings} holding {@code template}: a running one that holds it, else one
     * started for it as {@link #start(ServerSettings, Optional)} does (from the snapshot holding it, or building
     * it on a fresh cluster, so that its snapshot holds what its own build made and nothing another template's
     * build did to the cluster). Where servers keep no templates, the one {@link #shared(ServerSettings)} gives.
     *
     * @throws FraiseException when the server cannot start, or what the template's builder throws
     */
    public static PostgresServer shared(ServerSettings settings, Optional<TemplateBuild> template) {
        if (template.isEmpty() || choose(settings) != ProviderKind.EMBEDDED
                || !TemplateSnapshots.enabled(System.getProperties())) {
            return shared(settings);
        }
        synchronized (PostgresServers.class) {
            installHook();
        }
        String name = template.get().name();
        List<SharedServer> running = SHARED.values().stream().filter(s -> s.settings.equals(settings)).toList();
        Optional<SharedServer> holding = running.stream().filter(s -> s.holds(name)).findFirst();
        if (holding.isPresent()) {
            return holding.get().server;
        }
        return SHARED.get(new SharedKey(settings, name),
                () -> new SharedServer(settings, start(settings, template))).server;
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
        try {
            SHARED.values().forEach(SharedServer::close);
            // A server still building a template (Ctrl-C during a long seed) is stopped now, not waited for: its
            // build fails at once, and no snapshot is taken.
            LocalServer.closeAll();
            SHARED.settledValues().forEach(SharedServer::close);
            SHARED.clear();
        } catch (LinkageError e) {
            // The class loader of this engine is closed (a Maven plugin realm at the end of the build): the goals
            // it served closed their servers; a class this hook would load now is gone with it.
        }
    }

    /** What tells shared servers apart: their settings and, for one started for a template, its name. */
    private record SharedKey(ServerSettings settings, String template) {
    }

    /** A started server plus the resources that must close before it. */
    private static final class SharedServer {
        private final ServerSettings settings;
        private final PostgresServer server;
        private final Deque<AutoCloseable> dependents = new ArrayDeque<>();

        SharedServer(ServerSettings settings, PostgresServer server) {
            this.settings = settings;
            this.server = server;
        }

        boolean holds(String template) {
            return names().contains(template);
        }

        Set<String> names() {
            return server instanceof LocalServer local ? local.keptNames() : Set.of();
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
