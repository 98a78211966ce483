package dev.fraise.database;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pool's claim on its databases, as Testcontainers' reaper keeps one: the session advisory lock
 * {@code pg_advisory_lock(}{@value #NAMESPACE}{@code , id)}, held on a connection of its own (application name
 * {@code fraise lease <id>}) for as long as the pool or one of its clones lives. The id is in every name the pool
 * gives ({@link DatabaseNames}), so when a JVM dies, its server session ends, the lock is free and the next pool on
 * that server drops what the id names ({@link OrphanReaper}). So does the end of the session for any other reason
 * ({@code pg_terminate_backend}, a server restart): the lease connection opts out of {@code idle_session_timeout}.
 *
 * <p>The lease is counted: the pool holds it once, every clone handed out once more; the connection closes when the
 * last holder lets go. It also drops the pool's databases, so that a clone outliving its pool is dropped under the
 * lease that protects it.
 */
final class Lease {

    /** The first 32 bits of sha256("fraise:lease"), sign bit cleared: the lock's first key ({@code classid}). */
    static final int NAMESPACE = 609496426;

    private static final Logger LOG = LoggerFactory.getLogger(Lease.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ATTEMPTS = 8;

    /** A lease id: 31 random bits, written as 8 hex digits in names; {@code objid} in pg_locks. */
    record Id(int value) {

        static Id random() {
            return new Id(RANDOM.nextInt() & 0x7FFFFFFF);
        }

        static Id parse(String hex) {
            return new Id(Integer.parseUnsignedInt(hex, 16));
        }

        @Override
        public String toString() {
            return String.format("%08x", value);
        }
    }

    private final Connection connection;
    private final Id id;
    private final AtomicInteger holders = new AtomicInteger(1);

    private Lease(Connection connection, Id id) {
        this.connection = connection;
        this.id = id;
    }

    /**
     * Takes a new lease on {@code connection} (in auto-commit mode), which it owns from now on: an id whose lock
     * this session gets and that no database on the server carries yet.
     */
    static Lease take(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET idle_session_timeout = 0");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Id id = Id.random();
            if (tryLock(connection, id)) {
                if (!named(connection, id)) {
                    try (Statement s = connection.createStatement()) {
                        s.execute("SET application_name = 'fraise lease " + id + "'");
                    }
                    return new Lease(connection, id);
                }
                unlock(connection, id);
            }
        }
        throw new FraiseException(ErrorCode.DATABASE_CLONE_FAILED, "no free lease id after " + ATTEMPTS
                + " attempts");
    }

    /** Tries the lock of {@code id} on {@code connection}'s session; true when this session now holds it. */
    static boolean tryLock(Connection connection, Id id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            s.setInt(1, NAMESPACE);
            s.setInt(2, id.value());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Releases the lock of {@code id} that {@code connection}'s session holds. */
    static void unlock(Connection connection, Id id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            s.setInt(1, NAMESPACE);
            s.setInt(2, id.value());
            s.execute();
        }
    }

    private static boolean named(Connection connection, Id id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT EXISTS (SELECT FROM pg_database WHERE strpos(datname, ?) > 0)")) {
            s.setString(1, "_" + id + "_");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    Id id() {
        return id;
    }

    /** Drops the database {@code name} if Fraise named it (see {@link DatabaseAdmin#drop}). */
    void drop(String name) {
        synchronized (connection) {
            if (holders.get() == 0) {
                LOG.warn("cannot drop {}: the lease of its pool has ended", name);
                return;
            }
            DatabaseAdmin.drop(connection, name);
        }
    }

    /** Counts one more holder; false once the last holder has let go. */
    boolean retain() {
        for (int current = holders.get(); current > 0; current = holders.get()) {
            if (holders.compareAndSet(current, current + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Counts one holder less; the last one ends the lease and closes its connection. */
    void release() {
        if (holders.decrementAndGet() == 0) {
            synchronized (connection) {
                DatabaseAdmin.closeQuietly(connection);
            }
        }
    }
}
