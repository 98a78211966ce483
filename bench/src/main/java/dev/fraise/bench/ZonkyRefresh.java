package dev.fraise.bench;

import dev.fraise.build.SchemaBuilder;
import dev.fraise.build.SchemaPlan;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.preparer.CompositeDatabasePreparer;
import io.zonky.test.db.preparer.DatabasePreparer;
import io.zonky.test.db.provider.DatabaseProvider;
import io.zonky.test.db.provider.EmbeddedDatabase;
import io.zonky.test.db.provider.common.OptimizingDatabaseProvider;
import io.zonky.test.db.provider.common.PrefetchingDatabaseProvider;
import io.zonky.test.db.provider.common.TemplatingDatabaseProvider;
import io.zonky.test.db.provider.postgres.ZonkyPostgresDatabaseProvider;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.env.StandardEnvironment;

/**
 * What a Java user would pick instead of Fraise: zonky's {@code embedded-database-spring-test} with
 * {@code @AutoConfigureEmbeddedDatabase(provider = ZONKY, refresh = AFTER_EACH_TEST_METHOD)}. Its Spring test
 * listener does, per test, what {@link #forPlan} does: close the previous database (dropped in the background) and
 * ask the provider for a new one prepared by the context's preparers. The provider is the pipeline its
 * {@code EmbeddedDatabaseAutoConfiguration} builds for PostgreSQL, with its default settings: optimizing over
 * prefetching (3 threads, 5 databases per pipeline) over templating (10 templates) over
 * {@link ZonkyPostgresDatabaseProvider}. The preparer builds the schema with {@code SchemaBuilder}, as a Flyway
 * migration or a recorded {@code @Sql} script would. The server is tuned like Fraise's: the same PostgreSQL
 * binaries, data directory on tmpfs, the same durability settings off.
 */
final class ZonkyRefresh implements AutoCloseable {

    static final String NAME = "zonky";

    /** Fraise's {@code EmbeddedServerProvider.DISPOSABLE_SETTINGS} (package-private there). */
    private static final Map<String, String> TUNING = Map.of(
            "fsync", "off",
            "synchronous_commit", "off",
            "full_page_writes", "off",
            "wal_level", "minimal",
            "max_wal_senders", "0",
            "autovacuum", "off",
            "max_wal_size", "1GB",
            "unix_socket_directories", "",
            "listen_addresses", "localhost");

    private final DatabaseProvider provider;

    private ZonkyRefresh(DatabaseProvider provider) {
        this.provider = provider;
    }

    /**
     * The provider pipeline; its server starts with the first database asked for.
     *
     * @param concurrency zonky's prefetching threads ({@code zonky.test.database.prefetching.concurrency}, 3 by
     *                    default)
     */
    static ZonkyRefresh start(int concurrency) {
        EmbeddedCaches caches = EmbeddedCaches.defaultLocation();
        Path dataDir = caches.base().getParent().resolve("fraise-bench-zonky-" + ProcessHandle.current().pid());
        Consumer<EmbeddedPostgres.Builder> tuning = builder -> {
            builder.setOverrideWorkingDirectory(caches.binaries().toFile())
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setLocaleConfig("locale", "C");
            TUNING.forEach(builder::setServerConfig);
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("customizers", List.of(tuning)));
        @SuppressWarnings({"unchecked", "rawtypes"})
        ObjectProvider<List<Consumer<EmbeddedPostgres.Builder>>> customizers =
                (ObjectProvider) beans.getBeanProvider(List.class);
        ZonkyPostgresDatabaseProvider zonky = new ZonkyPostgresDatabaseProvider(new StandardEnvironment(),
                customizers);
        int maxTemplates = 10;
        int pipelineCacheSize = 5;
        TemplatingDatabaseProvider templating = new TemplatingDatabaseProvider(zonky,
                TemplatingDatabaseProvider.Config.builder().withMaxTemplateCount(maxTemplates).build());
        PrefetchingDatabaseProvider prefetching = new PrefetchingDatabaseProvider(templating,
                PrefetchingDatabaseProvider.Config.builder().withThreadNamePrefix("prefetching-").withConcurrency(concurrency)
                        .withPipelineMaxCacheSize(pipelineCacheSize)
                        .withMaxPreparedDatabases(maxTemplates * 2 / 3 * 2 + pipelineCacheSize).build());
        return new ZonkyRefresh(new OptimizingDatabaseProvider(prefetching));
    }

    /** Databases of one schema, refreshed after each test. */
    PerTestDatabase forPlan(SchemaPlan plan) {
        CompositeDatabasePreparer preparers = new CompositeDatabasePreparer(List.of(new PlanPreparer(plan)));
        return new PerTestDatabase() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public boolean prefetches() {
                return true;
            }

            @Override
            public Lease obtain() {
                EmbeddedDatabase database = provider.createDatabase(preparers);
                return new Lease() {
                    @Override
                    public Connection connect() throws SQLException {
                        return database.getConnection();
                    }

                    @Override
                    public void close() {
                        database.close();
                    }
                };
            }

            @Override
            public void close() {
                // The server and its prefetched databases belong to ZonkyRefresh.
            }
        };
    }

    /** The server's version and data directory, once a database was asked for. */
    String description() {
        return servers().stream().map(postgres -> {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('server_version') || ' in '"
                         + " || current_setting('data_directory')")) {
                rs.next();
                return "embedded PostgreSQL " + rs.getString(1);
            } catch (SQLException e) {
                return "embedded PostgreSQL (" + e.getMessage() + ")";
            }
        }).findFirst().orElse("not started");
    }

    /** Stops zonky's server (its provider keeps it in a static cache and otherwise stops it at JVM exit). */
    @Override
    public void close() throws IOException {
        for (EmbeddedPostgres postgres : servers()) {
            postgres.close();
        }
    }

    private static List<EmbeddedPostgres> servers() {
        try {
            Field cacheField = ZonkyPostgresDatabaseProvider.class.getDeclaredField("databases");
            cacheField.setAccessible(true);
            // A LoadingCache of zonky's shaded Guava.
            Object cache = cacheField.get(null);
            Method asMap = cache.getClass().getMethod("asMap");
            asMap.setAccessible(true);
            return ((Map<?, ?>) asMap.invoke(cache)).values().stream().map(instance -> {
                try {
                    Field postgres = instance.getClass().getDeclaredField("postgres");
                    postgres.setAccessible(true);
                    return (EmbeddedPostgres) postgres.get(instance);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("zonky's DatabaseInstance changed: " + e, e);
                }
            }).toList();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("zonky's ZonkyPostgresDatabaseProvider changed: " + e, e);
        }
    }

    /**
     * Builds the schema of one plan; a record, so equal plans make equal preparers (zonky keys its templates and
     * pipelines by preparer).
     */
    private record PlanPreparer(SchemaPlan plan) implements DatabasePreparer {
        /** Like Flyway's preparers when zonky has not timed them yet. */
        @Override
        public long estimatedDuration() {
            return 100;
        }

        @Override
        public void prepare(DataSource dataSource) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                SchemaBuilder.build(c, plan);
            }
        }
    }
}
