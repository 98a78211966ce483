package dev.fraise.database;

import java.util.Objects;

/**
 * How a {@link TemplatePool} prepares databases.
 *
 * @param prefetch how many clones to keep ready in the background (0 disables prefetching)
 * @param strategy how clones are copied on PostgreSQL 15 and later
 */
public record PoolOptions(int prefetch, CloneStrategy strategy) {

    /** Two clones ready ahead, copied with the strategy that suits the server ({@link CloneStrategy#AUTO}). */
    public static final PoolOptions DEFAULT = new PoolOptions(2, CloneStrategy.AUTO);

    public PoolOptions {
        Objects.requireNonNull(strategy, "strategy");
        if (prefetch < 0 || prefetch > 16) {
            throw new IllegalArgumentException("prefetch must be between 0 and 16, was " + prefetch);
        }
    }

    /** A copy with another prefetch count. */
    public PoolOptions withPrefetch(int count) {
        return new PoolOptions(count, strategy);
    }
}
