package dev.fraise.maven;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.postgres.ConnectionFailure;
import dev.fraise.postgres.PostgresUrl;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real database the migration goals work on, from a libpq URL ({@code postgresql://user:pw@host:5432/db}, as
 * Confiture's {@code database_url}) or a JDBC URL ({@code jdbc:postgresql://host/db?user=u&password=p}), read by
 * {@link PostgresUrl}. Its string form has no password.
 *
 * @param url the parsed URL
 */
record TargetDatabase(PostgresUrl url) {

    /**
     * Parses {@code url}.
     *
     * @param setting where the URL was given, for the error
     * @throws FraiseException {@code SETTING_INVALID} when {@link PostgresUrl} cannot read it
     */
    static TargetDatabase parse(String url, String setting) {
        return new TargetDatabase(PostgresUrl.parse(url, setting));
    }

    /** The URL with its password masked, for messages. */
    String shown() {
        return url.redacted();
    }

    /** A new connection; the caller closes it. */
    Connection connect() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url.jdbcUrl(url.database().orElse("")));
        url.user().ifPresent(ds::setUser);
        url.password().ifPresent(ds::setPassword);
        ds.setConnectTimeout(5);
        ds.setApplicationName("fraise-maven-plugin");
        try {
            return ds.getConnection();
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.SERVER_UNREACHABLE, "cannot connect to the target database " + shown()
                    + ": " + ConnectionFailure.describe(e, url.password()), null, e);
        }
    }
}
