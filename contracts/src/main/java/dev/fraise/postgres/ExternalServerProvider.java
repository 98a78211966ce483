package dev.fraise.postgres;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import javax.sql.DataSource;

/** Uses an existing server; it never stops it and only drops databases Fraise created on it. */
final class ExternalServerProvider {

    private ExternalServerProvider() {
    }

    /** The maintenance database when the URL names none. */
    static final String DEFAULT_DATABASE = "postgres";
    /** The user when the URL names none. */
    static final String DEFAULT_USER = "postgres";

    /**
     * Connects to the server at {@code url}.
     *
     * @param setting where the URL was given, for {@code SETTING_INVALID}
     */
    static PostgresServer connect(String url, String setting, OptionalInt wantedMajor) {
        PostgresUrl address = PostgresUrl.parse(url, setting);
        String user = address.user().orElse(DEFAULT_USER);
        DataSource admin = JdbcDataSources.create(address.jdbcUrl(address.database().orElse(DEFAULT_DATABASE)), user,
                address.password().orElse(""));
        int major;
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int / 10000,"
                     + " (SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user)")) {
            rs.next();
            major = rs.getInt(1);
            if (!rs.getBoolean(2)) {
                throw new FraiseException(ErrorCode.SERVER_PERMISSION_DENIED, "role " + user + " on "
                        + address.redacted() + " may not create databases; grant it CREATEDB");
            }
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.SERVER_UNREACHABLE, "cannot connect to " + address.redacted()
                    + " within " + JdbcDataSources.CONNECT_TIMEOUT_SECONDS + " s: "
                    + ConnectionFailure.describe(e, address.password()), null, e);
        }
        requireSupported(major, address);
        if (wantedMajor.isPresent() && wantedMajor.getAsInt() != major) {
            throw new FraiseException(ErrorCode.SERVER_VERSION_MISMATCH, address.redacted() + " runs PostgreSQL "
                    + major + " but " + wantedMajor.getAsInt() + " was requested");
        }
        return new External(address, major);
    }

    /** Fraise needs PostgreSQL 14 or later (it drops clones {@code WITH (FORCE)}, infers views of 14+ catalogs). */
    static void requireSupported(int major, PostgresUrl address) {
        if (major < ServerSettings.MIN_MAJOR) {
            throw new FraiseException(ErrorCode.SERVER_VERSION_MISMATCH, address.redacted() + " runs PostgreSQL "
                    + major + "; Fraise supports PostgreSQL " + ServerSettings.MIN_MAJOR + " and later");
        }
    }

    /** A server Fraise does not own; {@link #toString()} is its description, without the password. */
    private record External(PostgresUrl address, int majorVersion) implements PostgresServer {
        @Override
        public String user() {
            return address.user().orElse(DEFAULT_USER);
        }

        @Override
        public String password() {
            return address.password().orElse("");
        }

        @Override
        public String jdbcUrl(String database) {
            return address.jdbcUrl(database);
        }

        @Override
        public String maintenanceDatabase() {
            return address.database().orElse(DEFAULT_DATABASE);
        }

        @Override
        public String description() {
            return "PostgreSQL " + majorVersion + " at " + address.redacted();
        }

        @Override
        public boolean ownedByFraise() {
            return false;
        }

        @Override
        public void close() {
            // An external server outlives the JVM; the databases Fraise created are dropped by their owners.
        }

        @Override
        public String toString() {
            return description();
        }
    }
}
