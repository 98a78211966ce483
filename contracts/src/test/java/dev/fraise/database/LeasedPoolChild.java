package dev.fraise.database;

import dev.fraise.build.SchemaPlanner;
import dev.fraise.config.ProjectConfig;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Test helper run in a separate JVM: on the explicit server {@code args[0]}, builds a pool of the project
 * {@code args[1]}, takes a clone, prints {@code READY <lease id> <clone>} and waits to be killed, as a test JVM
 * killed mid-run would leave its template and clones.
 */
public final class LeasedPoolChild {

    private LeasedPoolChild() {
    }

    public static void main(String[] args) throws Exception {
        PostgresServer server = PostgresServers.start(new ServerSettings(ProviderKind.SERVER, Optional.of(args[0]),
                OptionalInt.empty()));
        TemplatePool pool = TemplatePool.create(server,
                SchemaPlanner.plan(ProjectConfig.defaults(Path.of(args[1]), "local"), false), PoolOptions.DEFAULT,
                c -> { });
        Database inUse = pool.acquire();
        System.out.println("READY " + pool.leaseId() + " " + inUse.name());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
