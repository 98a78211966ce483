package dev.fraise.database;

import dev.fraise.error.FraiseException;
import dev.fraise.error.InvalidSetting;
import java.util.Objects;

/**
 * How a {@link TemplatePool} prepares databases.
 *
 * @param prefetch       how many clones to keep ready in the background at first (0 disables prefetching); each
 *                       acquire that finds none ready adds one, up to four times as many (at most
 *                       {@value #MAX_PREFETCH}; growing no further than 256 MB of clones of the template's size
 *                       allow, the prefetch itself kept whatever the size)
 * @param strategy       how clones are copied on PostgreSQL 15 and later
 * @param cloneThreads   how many clones are made at the same time, each on a thread and server session of its own
 * @param warmConnection whether each clone made ahead comes with a connection opened (and a first query run), which
 *                       the clone's first {@link Database#connect()} hands over; a clone an acquire already waits
 *                       for is handed over at once, without one (the test connects while the next clone is made)
 * @param recycle        whether a closed clone its test left unchanged is handed out again instead of being dropped
 *                       (on servers Fraise runs itself, with {@code FILE_COPY} clones; see {@link TemplatePool})
 */
public record PoolOptions(int prefetch, CloneStrategy strategy, int cloneThreads, boolean warmConnection,
                          boolean recycle) {

    /** The most clones a pool keeps ready. */
    public static final int MAX_PREFETCH = 16;
    /** The most clone threads a pool runs. */
    public static final int MAX_CLONE_THREADS = 8;
    /**
     * Clone threads by default: one more than the machine's cores, at most 4 (3 on two cores). Measured on two
     * cores (docs/benchmarks.md, *Pool under short tests*): the server spends the same CPU per clone with 1, 2 or 3
     * threads, and tests shorter than a clone wait least with 3, as a clone's checkpoint and connection set-up
     * overlap another's copy.
     */
    public static final int DEFAULT_CLONE_THREADS = Math.min(4, Runtime.getRuntime().availableProcessors() + 1);
    /**
     * Two clones ready ahead, copied with the strategy that suits the server ({@link CloneStrategy#AUTO}),
     * made {@link #DEFAULT_CLONE_THREADS} at a time, each with a warm connection, unchanged clones recycled.
     */
    public static final PoolOptions DEFAULT = new PoolOptions(2, CloneStrategy.AUTO);

    /**
     * @throws FraiseException {@code SETTING_INVALID} when {@code prefetch} is outside 0–{@value #MAX_PREFETCH} or
     *                         {@code cloneThreads} outside 1–{@value #MAX_CLONE_THREADS}
     */
    public PoolOptions {
        Objects.requireNonNull(strategy, "strategy");
        requireValidPrefetch(prefetch, "PoolOptions.prefetch");
        requireValidCloneThreads(cloneThreads, "PoolOptions.cloneThreads");
    }

    /**
     * {@code prefetch} clones ready ahead, {@link #DEFAULT_CLONE_THREADS} clone threads, warm connections, unchanged
     * clones recycled.
     */
    public PoolOptions(int prefetch, CloneStrategy strategy) {
        this(prefetch, strategy, DEFAULT_CLONE_THREADS, true, true);
    }

    /**
     * Returns {@code prefetch} when it is from 0 to {@value #MAX_PREFETCH}.
     *
     * @param setting where it was given, for the error, e.g. {@code @FraiseDatabase(prefetch)}
     * @throws FraiseException {@code SETTING_INVALID} otherwise
     */
    public static int requireValidPrefetch(int prefetch, String setting) {
        if (prefetch < 0 || prefetch > MAX_PREFETCH) {
            throw InvalidSetting.of(setting, prefetch, "0 to " + MAX_PREFETCH);
        }
        return prefetch;
    }

    /**
     * Returns {@code cloneThreads} when it is from 1 to {@value #MAX_CLONE_THREADS}.
     *
     * @param setting where it was given, for the error, e.g. {@code @FraiseDatabase(cloneThreads)}
     * @throws FraiseException {@code SETTING_INVALID} otherwise
     */
    public static int requireValidCloneThreads(int cloneThreads, String setting) {
        if (cloneThreads < 1 || cloneThreads > MAX_CLONE_THREADS) {
            throw InvalidSetting.of(setting, cloneThreads, "1 to " + MAX_CLONE_THREADS);
        }
        return cloneThreads;
    }

    /** A copy with another prefetch count. */
    public PoolOptions withPrefetch(int count) {
        return new PoolOptions(count, strategy, cloneThreads, warmConnection, recycle);
    }

    /** A copy with another number of clone threads. */
    public PoolOptions withCloneThreads(int count) {
        return new PoolOptions(prefetch, strategy, count, warmConnection, recycle);
    }

    /** A copy that does, or does not, open a connection to each clone ahead. */
    public PoolOptions withWarmConnection(boolean warm) {
        return new PoolOptions(prefetch, strategy, cloneThreads, warm, recycle);
    }

    /** A copy that does, or does not, hand out again the closed clones their tests did not change. */
    public PoolOptions withRecycling(boolean recycleUnchanged) {
        return new PoolOptions(prefetch, strategy, cloneThreads, warmConnection, recycleUnchanged);
    }
}
