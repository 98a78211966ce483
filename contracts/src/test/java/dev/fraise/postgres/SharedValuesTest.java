package dev.fraise.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Failures of the JVM-wide servers and pools: real ones (an unreachable server, an out-of-memory error). */
class SharedValuesTest {

    @Test
    void anErrorEndsTheAttemptForTheCallersWaitingOnIt() {
        SharedValues<String, long[]> values = new SharedValues<>();
        CountDownLatch making = new CountDownLatch(1);
        CompletableFuture<Throwable> waiter = new CompletableFuture<>();

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Thread first = new Thread(() -> {
                try {
                    values.get("huge", () -> {
                        making.countDown();
                        pause(300);
                        return new long[Integer.MAX_VALUE];
                    });
                } catch (Throwable t) {
                    waiter.complete(t);
                }
            });
            first.start();
            assertEquals(true, making.await(10, TimeUnit.SECONDS));
            OutOfMemoryError second = assertThrows(OutOfMemoryError.class,
                    () -> values.get("huge", () -> new long[1]), "waits for the first attempt, then fails with it");
            assertSame(waiter.get(10, TimeUnit.SECONDS), second);
            assertSame(second, assertThrows(OutOfMemoryError.class, () -> values.get("huge", () -> new long[1])),
                    "a later caller gets the remembered failure at once");
        });
    }

    @Test
    void aFailedServerIsRememberedBrieflyThenStartedAgain() throws Exception {
        ServerSettings unreachable = unreachableServer();
        AtomicInteger attempts = new AtomicInteger();
        long[] now = {0};
        SharedValues<ServerSettings, PostgresServer> servers = new SharedValues<>(Duration.ofSeconds(5),
                () -> now[0]);

        FraiseException first = assertThrows(FraiseException.class, () -> servers.get(unreachable, () -> {
            attempts.incrementAndGet();
            return PostgresServers.start(unreachable);
        }));
        assertEquals(ErrorCode.SERVER_UNREACHABLE, first.code());
        now[0] += Duration.ofSeconds(4).toNanos();
        assertSame(first, assertThrows(FraiseException.class, () -> servers.get(unreachable, () -> {
            attempts.incrementAndGet();
            return PostgresServers.start(unreachable);
        })));
        assertEquals(1, attempts.get(), "within the failure memory, no new attempt");

        now[0] += Duration.ofSeconds(2).toNanos();
        FraiseException again = assertThrows(FraiseException.class, () -> servers.get(unreachable, () -> {
            attempts.incrementAndGet();
            return PostgresServers.start(unreachable);
        }));
        assertEquals(2, attempts.get(), "after it, the next caller tries again");
        assertNotSame(first, again);
        assertEquals(0, servers.values().size());
    }

    @Test
    void theSharedServerIsNotFailedForTheLifeOfTheJvm() throws Exception {
        ServerSettings unreachable = unreachableServer();
        FraiseException first = assertThrows(FraiseException.class, () -> PostgresServers.shared(unreachable));
        assertEquals(ErrorCode.SERVER_UNREACHABLE, first.code());
        assertSame(first, assertThrows(FraiseException.class, () -> PostgresServers.shared(unreachable)));

        pause(SharedValues.FAILURE_MEMORY.toMillis() + 200);

        assertNotSame(first, assertThrows(FraiseException.class, () -> PostgresServers.shared(unreachable)),
                "a new attempt, as a daemon JVM needs once the server is up");
    }

    private static ServerSettings unreachableServer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        return new ServerSettings(ProviderKind.SERVER,
                Optional.of("postgresql://app:secret@127.0.0.1:" + closedPort + "/app"), OptionalInt.empty());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
