package dev.fraise.database;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many clones a pool keeps ready: its prefetch at first, one more each time an acquire finds none ready, up to
 * a limit. Tests shorter than a clone take the ready clones faster than they are made; a deeper stock, filled while
 * longer tests run, lets a run of short tests pass without waiting. The limit is {@value #GROWTH} times the prefetch
 * and {@value PoolOptions#MAX_PREFETCH} at most, and no more clones than fit in {@value #BUDGET_MB} MB of the
 * template's size; a pool that prefetches nothing never grows, and none grows before it has made its first stock.
 * Thread-safe.
 */
final class ReadyStock {

    /** The most a pool's prefetch is multiplied by. */
    static final int GROWTH = 4;
    /** The disk space the grown stock may take, in MB of the template's size per clone. */
    static final long BUDGET_MB = 256;

    private final int prefetch;
    private final int limit;
    private final AtomicInteger target;
    /** New clones made so far, counted up to the prefetch: until then the pool is still filling its first stock. */
    private final AtomicInteger made = new AtomicInteger();

    private ReadyStock(int prefetch, int limit) {
        this.prefetch = prefetch;
        this.limit = limit;
        this.target = new AtomicInteger(prefetch);
    }

    /**
     * The stock of a pool that prefetches {@code prefetch} clones of a template of {@code templateBytes}; it never
     * grows when the size is unknown (0 or less).
     */
    static ReadyStock of(int prefetch, long templateBytes) {
        if (prefetch == 0 || templateBytes <= 0) {
            return new ReadyStock(prefetch, prefetch);
        }
        long fitting = BUDGET_MB * 1024 * 1024 / templateBytes;
        int limit = (int) Math.min(Math.min(GROWTH * prefetch, PoolOptions.MAX_PREFETCH), fitting);
        return new ReadyStock(prefetch, Math.max(prefetch, limit));
    }

    /** Notes that a new clone was made. */
    void made() {
        made.getAndUpdate(n -> Math.min(n + 1, prefetch));
    }

    /**
     * Notes an acquire that found no clone ready. Acquires that arrive before the pool has made its first
     * {@code prefetch} clones do not count: they only met the pool starting.
     *
     * @return true when the stock grew by one: the caller orders one clone more than the acquire's own
     */
    boolean grow() {
        if (made.get() < prefetch) {
            return false;
        }
        while (true) {
            int now = target.get();
            if (now >= limit) {
                return false;
            }
            if (target.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** How many clones the pool keeps ready now. */
    int target() {
        return target.get();
    }

    /** The most it will keep ready. */
    int limit() {
        return limit;
    }
}
