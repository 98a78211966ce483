package dev.fraise.migrate;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confiture's migration lock: the session-level advisory lock {@code (1751936052, lock_id)}, where
 * {@code lock_id} is the first four bytes of sha256({@code current_database()}) as a big-endian int
 * {@code & 0x7FFFFFFF}. Fraise and Confiture runs on one database therefore exclude each other.
 */
final class MigrationLock implements AutoCloseable {

    /** The first 32 bits of sha256("tb_confiture"), frozen by Confiture. */
    static final int NAMESPACE = 1751936052;

    private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Connection connection;
    private final int lockId;

    private MigrationLock(Connection connection, int lockId) {
        this.connection = connection;
        this.lockId = lockId;
    }

    /**
     * Takes the lock on {@code connection} (in auto-commit mode), waiting at most {@code timeout}; a zero timeout
     * tries once.
     *
     * @throws FraiseException {@code MIGRATION_LOCK_TIMEOUT}
     */
    static MigrationLock acquire(Connection connection, Duration timeout) throws SQLException {
        int lockId = lockId(currentDatabase(connection));
        boolean acquired = timeout.isZero() ? tryLock(connection, lockId) : lockWithin(connection, lockId, timeout);
        if (!acquired) {
            throw new FraiseException(ErrorCode.MIGRATION_LOCK_TIMEOUT, "another migration run held the lock"
                    + " pg_advisory_lock(" + NAMESPACE + ", " + lockId + ") for more than " + timeout.toMillis()
                    + " ms; wait for it to finish, or look for a stuck session in pg_locks");
        }
        return new MigrationLock(connection, lockId);
    }

    /** Confiture's {@code lock_id} for a database name. */
    static int lockId(String database) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(database.getBytes(StandardCharsets.UTF_8));
            int value = ((hash[0] & 0xFF) << 24) | ((hash[1] & 0xFF) << 16) | ((hash[2] & 0xFF) << 8) | (hash[3] & 0xFF);
            return value & 0x7FFFFFFF;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static boolean tryLock(Connection c, int lockId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            s.setInt(1, NAMESPACE);
            s.setInt(2, lockId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Waits in the server's lock queue (fair, no polling), bounded by {@code lock_timeout}. */
    private static boolean lockWithin(Connection c, int lockId, Duration timeout) throws SQLException {
        String previous = setLockTimeout(c, Math.max(1, timeout.toMillis()) + "ms");
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
            s.setInt(1, NAMESPACE);
            s.setInt(2, lockId);
            s.execute();
            return true;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        } finally {
            setLockTimeout(c, previous);
        }
    }

    private static String setLockTimeout(Connection c, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT current_setting('lock_timeout'), set_config('lock_timeout', ?, false)")) {
            s.setString(1, value);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String currentDatabase(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT current_database()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Releases the lock; a broken connection releases it by ending the session. */
    @Override
    public void close() {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            s.setInt(1, NAMESPACE);
            s.setInt(2, lockId);
            s.execute();
        } catch (SQLException e) {
            LOG.warn("releasing the migration lock failed ({}); it is released when the session ends",
                    e.getMessage());
        }
    }
}
