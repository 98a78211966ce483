package dev.fraise.database;

import dev.fraise.error.FraiseException;
import dev.fraise.error.InvalidSetting;
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
    /** The most clones a pool keeps ready. */
    public static final int MAX_PREFETCH = 16;

    /** @throws FraiseException {@code SETTING_INVALID} when {@code prefetch} is outside 0–{@value #MAX_PREFETCH} */
    public PoolOptions {
        Objects.requireNonNull(strategy, "strategy");
        requireValidPrefetch(prefetch, "PoolOptions.prefetch");
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

    /** A copy with another prefetch count. */
    public PoolOptions withPrefetch(int count) {
        return new PoolOptions(count, strategy);
    }
}
