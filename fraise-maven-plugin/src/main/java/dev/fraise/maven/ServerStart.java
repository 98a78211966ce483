package dev.fraise.maven;

import dev.fraise.database.TemplateRecipe;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.ServerSettings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A disposable server starting on a thread of its own while the goal does other work (reading the GraphQL schema,
 * say); closing it waits for the start to end and stops the server, so that no server outlives the goal.
 */
final class ServerStart implements AutoCloseable {

    private final CompletableFuture<PostgresServer> server;

    private ServerStart(CompletableFuture<PostgresServer> server) {
        this.server = server;
    }

    /** Starts the server {@code settings} ask for, for {@code recipe}'s template, in the background. */
    static ServerStart begin(ServerSettings settings, TemplateRecipe recipe) {
        CompletableFuture<PostgresServer> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(PostgresServers.start(settings, recipe.templateBuild()));
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, "fraise-server-start");
        thread.setDaemon(true);
        thread.start();
        return new ServerStart(future);
    }

    /**
     * The started server, once it is.
     *
     * @throws RuntimeException or {@link Error}: what starting it threw (a {@code FraiseException}, say)
     */
    PostgresServer server() {
        try {
            return server.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Waits for the start to end and stops the server it started, if any. */
    @Override
    public void close() {
        try {
            server.join().close();
        } catch (CompletionException e) {
            // The start failed: nothing to stop; server() reported the failure to whoever asked for it.
        }
    }
}
