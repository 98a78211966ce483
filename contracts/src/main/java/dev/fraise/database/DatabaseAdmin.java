package dev.fraise.database;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.postgres.ConnectionFailure;
import dev.fraise.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The statements that create and drop a pool's databases, on an administrative connection. */
final class DatabaseAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAdmin.class);
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private DatabaseAdmin() {
    }

    /** A new auto-commit connection to the maintenance database, shown as {@code role} in pg_stat_activity. */
    static Connection connect(PostgresServer server, String role) {
        try {
            Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
            c.setAutoCommit(true);
            c.setClientInfo("ApplicationName", role);
            return c;
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.SERVER_UNREACHABLE, "cannot connect to " + server.description()
                    + ": " + ConnectionFailure.describe(e, Optional.ofNullable(server.password())), null, e);
        }
    }

    /** The size of the database {@code name} on disk, in bytes; 0 when the server does not tell. */
    static long size(Connection admin, String name) {
        try (PreparedStatement s = admin.prepareStatement("SELECT pg_database_size(?)")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            LOG.debug("cannot read the size of {}: {}", name, e.getMessage());
            return 0;
        }
    }

    /**
     * Creates {@code name} as a copy of {@code source}, and labels it {@value TemplatePool#MARKER} for people
     * reading {@code \l+}; its name is what marks it as Fraise's.
     *
     * @param strategy e.g. {@code " STRATEGY FILE_COPY"}, or empty
     */
    static void create(Connection admin, String name, String source, String strategy) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + quote(name) + " TEMPLATE " + quote(source) + strategy);
            s.execute("COMMENT ON DATABASE " + quote(name) + " IS '" + TemplatePool.MARKER + "'");
        }
    }

    /**
     * Drops {@code name} (a template too) if Fraise named it ({@link DatabaseNames}); any other name is refused.
     * Failures are logged, not thrown: a drop is clean-up.
     *
     * @return whether it was dropped
     */
    static boolean drop(Connection admin, String name) {
        if (!DatabaseNames.isFraises(name)) {
            LOG.warn("refusing to drop {}: Fraise did not name it", name);
            return false;
        }
        try (PreparedStatement check = admin.prepareStatement(
                "SELECT datistemplate FROM pg_database WHERE datname = ?")) {
            check.setString(1, name);
            boolean template;
            try (ResultSet rs = check.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                template = rs.getBoolean(1);
            }
            try (Statement s = admin.createStatement()) {
                if (template) {
                    s.execute("ALTER DATABASE " + quote(name) + " WITH IS_TEMPLATE false");
                }
                s.execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
            }
            return true;
        } catch (SQLException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                LOG.debug("cannot drop {}: {}", name, e.getMessage());
            } else {
                LOG.warn("cannot drop database {}: {}", name, e.getMessage());
            }
            return false;
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("closing an admin connection: {}", e.getMessage());
        }
    }
}
