package dev.fraise.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * A connection a pool opened ahead to a clone, and when its last query answered. A connection that answered less
 * than {@link #TRUSTED_NANOS} ago is handed over as it is; an older one is checked with a round trip first, as a
 * server restart or {@code idle_session_timeout} may have ended it while it waited. The check is what a short test
 * would otherwise pay on every hand-over: a backend that has slept answers its first query slowly.
 *
 * @param connection     the open connection
 * @param answeredNanos  {@link System#nanoTime()} when its last query answered
 */
record WarmConnection(Connection connection, long answeredNanos) {

    /** How long after its last answer a warm connection is handed over without a check. */
    static final long TRUSTED_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How long checking an older one may take. */
    private static final int VALIDATION_SECONDS = 2;

    /** A connection whose last query answered just now. */
    static WarmConnection answeredNow(Connection connection) {
        return new WarmConnection(connection, System.nanoTime());
    }

    /** Whether the connection may be handed over at {@code nowNanos}: recent and open, or older and still working. */
    boolean usable(long nowNanos) throws SQLException {
        if (nowNanos - answeredNanos < TRUSTED_NANOS) {
            return !connection.isClosed();
        }
        return connection.isValid(VALIDATION_SECONDS);
    }
}
