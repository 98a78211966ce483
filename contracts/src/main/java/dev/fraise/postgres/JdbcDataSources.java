package dev.fraise.postgres;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Creates pgjdbc data sources with Fraise's connection defaults. */
final class JdbcDataSources {

    /** Seconds to wait for a TCP connection or a login before failing. */
    static final int CONNECT_TIMEOUT_SECONDS = 5;

    private JdbcDataSources() {
    }

    static DataSource create(String jdbcUrl, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        ds.setUser(user);
        if (!password.isEmpty()) {
            ds.setPassword(password);
        }
        ds.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        ds.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        ds.setSocketTimeout(0);
        ds.setApplicationName("fraise");
        return ds;
    }

    /**
     * A data source for a server Fraise runs on this machine, which speaks neither TLS nor GSS: pgjdbc skips asking
     * for them, and sends its session settings with the start-up message instead of a round trip after it (measured
     * on two cores: a new connection's first result in 3.0 ms instead of 3.8).
     */
    static DataSource local(String jdbcUrl, String user, String password) {
        PGSimpleDataSource ds = (PGSimpleDataSource) create(jdbcUrl, user, password);
        ds.setSslMode("disable");
        ds.setGssEncMode("disable");
        ds.setAssumeMinServerVersion("10");
        return ds;
    }

    static int serverMajor(DataSource ds) throws SQLException {
        try (var c = ds.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
