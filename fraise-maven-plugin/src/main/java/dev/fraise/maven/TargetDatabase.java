package dev.fraise.maven;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.InvalidSetting;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real database the migration goals work on, from a libpq URL ({@code postgresql://user:pw@host:5432/db}, as
 * Confiture's {@code database_url}) or a JDBC URL ({@code jdbc:postgresql://host/db?user=u&password=p}).
 *
 * @param jdbcUrl  the JDBC URL without credentials taken from a libpq URL
 * @param user     the user from a libpq URL; empty to let the JDBC URL decide
 * @param password the password from a libpq URL; empty for none
 * @param shown    the URL with its password masked, for messages
 */
record TargetDatabase(String jdbcUrl, String user, String password, String shown) {

    private static final String ACCEPTED = "postgresql://user:password@host:port/database or jdbc:postgresql://...";

    /**
     * Parses {@code url}.
     *
     * @param setting where the URL was given, for the error
     * @throws FraiseException {@code SETTING_INVALID} when it is neither a libpq nor a JDBC PostgreSQL URL
     */
    static TargetDatabase parse(String url, String setting) {
        String raw = url.trim();
        String shown = raw.replaceAll("://([^:/@]+):[^@]*@", "://$1:***@").replaceAll("password=[^&]*", "password=***");
        if (raw.startsWith("jdbc:postgresql:")) {
            return new TargetDatabase(raw, "", "", shown);
        }
        if (!raw.startsWith("postgresql://") && !raw.startsWith("postgres://")) {
            throw InvalidSetting.of(setting, shown, ACCEPTED);
        }
        try {
            URI uri = new URI(raw);
            String user = "";
            String password = "";
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
            }
            String host = uri.getHost() == null ? "localhost" : uri.getHost();
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new TargetDatabase("jdbc:postgresql://" + host + ":" + port + path + query, user, password, shown);
        } catch (URISyntaxException e) {
            throw InvalidSetting.of(setting, shown, ACCEPTED + " (" + e.getReason() + ")");
        }
    }

    /** A new connection; the caller closes it. */
    Connection connect() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        if (!user.isEmpty()) {
            ds.setUser(user);
        }
        if (!password.isEmpty()) {
            ds.setPassword(password);
        }
        ds.setConnectTimeout(5);
        ds.setApplicationName("fraise-maven-plugin");
        try {
            return ds.getConnection();
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.SERVER_UNREACHABLE, "cannot connect to the target database " + shown
                    + ": " + (e.getMessage() == null ? e : e.getMessage().lines().findFirst().orElse("")), null, e);
        }
    }
}
