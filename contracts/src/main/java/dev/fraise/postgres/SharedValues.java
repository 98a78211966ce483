package dev.fraise.postgres;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * JVM-wide values, one per key, made by the first caller while concurrent callers with the same key wait for it
 * (the shared servers, the shared template pools).
 *
 * <p>A failure is not kept for the life of the JVM: callers within {@link #FAILURE_MEMORY} of it get the same
 * failure at once (the test classes of a suite whose server cannot start fail fast, without a new attempt each),
 * later callers try again (a daemon JVM — an IDE, a Gradle or Maven daemon — recovers once the cause is fixed).
 * Whatever the maker throws, an {@link Error} included, ends the attempt: no caller waits forever.
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class SharedValues<K, V> {

    /** How long a failure is handed to new callers before the next one tries again. */
    public static final Duration FAILURE_MEMORY = Duration.ofSeconds(5);

    private final Map<K, Attempt<V>> attempts = new ConcurrentHashMap<>();
    private final long failureMemoryNanos;
    private final LongSupplier nanoClock;

    /** Values whose failures are remembered for {@link #FAILURE_MEMORY}. */
    public SharedValues() {
        this(FAILURE_MEMORY, System::nanoTime);
    }

    SharedValues(Duration failureMemory, LongSupplier nanoClock) {
        this.failureMemoryNanos = failureMemory.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /**
     * The value for {@code key}: made by {@code maker} on first use (or after a failure older than the failure
     * memory), else the value or recent failure of the attempt before.
     *
     * @throws RuntimeException or {@link Error}: what {@code maker} threw, to every caller of the attempt
     */
    public V get(K key, Supplier<? extends V> maker) {
        while (true) {
            Attempt<V> mine = new Attempt<>();
            Attempt<V> attempt = attempts.putIfAbsent(key, mine);
            if (attempt == null) {
                mine.make(maker, nanoClock);
                return mine.join();
            }
            if (attempt.failedBefore(nanoClock.getAsLong() - failureMemoryNanos)) {
                attempts.remove(key, attempt);
                continue;
            }
            return attempt.join();
        }
    }

    /** The values made so far (not the failed or running attempts). */
    public List<V> values() {
        return attempts.values().stream().filter(Attempt::succeeded).map(Attempt::join).toList();
    }

    /**
     * Every value, once the attempts still running have ended (the failed ones left out): what a shutdown hook
     * must close, including a server that was still starting.
     */
    public List<V> settledValues() {
        return attempts.values().stream().filter(Attempt::settle).map(Attempt::join).toList();
    }

    /** Forgets every value; the caller closes them. */
    public void clear() {
        attempts.clear();
    }

    /** One attempt to make a value. */
    private static final class Attempt<V> {
        private final CompletableFuture<V> future = new CompletableFuture<>();
        private volatile long failedAt;

        void make(Supplier<? extends V> maker, LongSupplier clock) {
            try {
                future.complete(maker.get());
            } catch (Throwable t) {
                failedAt = clock.getAsLong();
                future.completeExceptionally(t);
            }
        }

        /** Waits for the attempt to end; whether it made a value. */
        boolean settle() {
            try {
                future.join();
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }

        boolean succeeded() {
            return future.isDone() && !future.isCompletedExceptionally();
        }

        boolean failedBefore(long instant) {
            return future.isCompletedExceptionally() && failedAt - instant < 0;
        }

        V join() {
            try {
                return future.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }
}
