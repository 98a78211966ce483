package dev.fraise.maven;

import dev.fraise.database.TemplateRecipe;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.postgres.PostgresServers;
import dev.fraise.postgres.ServerSettings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A disposable server starting on a thread of its own while the goal does other work (reading the GraphQL schema,
 * say); closing it waits for the start to end and stops the server, so that no server outlives the goal. A goal done
 * with the server may stop it in the background ({@link #stopInBackground()}) while it writes its reports.
 */
final class ServerStart implements AutoCloseable {

    private final CompletableFuture<PostgresServer> server;
    /** The stop under way in the background; null until {@link #stopInBackground()}. */
    private CompletableFuture<Void> stopping;

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

    /** Stops the server on a thread of its own; {@link #close()} waits for that. */
    void stopInBackground() {
        if (stopping != null) {
            return;
        }
        stopping = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                stop();
            } finally {
                stopping.complete(null);
            }
        }, "fraise-server-stop");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the start to end and stops the server it started, if any (or waits for the stop under way). */
    @Override
    public void close() {
        if (stopping != null) {
            stopping.join();
        } else {
            stop();
        }
    }

    private void stop() {
        try {
            server.join().close();
        } catch (CompletionException e) {
            // The start failed: nothing to stop; server() reported the failure to whoever asked for it.
        }
    }
}
