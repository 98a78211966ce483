package dev.fraise.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a server holds outside the databases Fraise makes, digested by kind: roles, per-role and per-database
 * settings, tablespaces, the other databases and their comments, the objects made in {@code postgres} and
 * {@code template1}, and {@code ALTER SYSTEM}'s file. A snapshot must not carry what a test changed there (a role a
 * test created would exist in every later run), so a server's state when it stops is compared with its state when
 * it started, and a server whose state changed is not kept.
 *
 * @param digests a digest per kind, in a fixed order
 */
record ClusterState(Map<String, String> digests) {

    private static final String NOT_FRAISE = "datname NOT LIKE 'fraise\\_%'";
    private static final String SHARED = "SELECT kind, md5(coalesce(string_agg(line, E'\\n' ORDER BY line), ''))"
            + " FROM ("
            + " SELECT 'roles' AS kind, a::text AS line FROM pg_authid a"
            + " UNION ALL SELECT 'roles', m::text FROM pg_auth_members m"
            + " UNION ALL SELECT 'role and database settings', s::text FROM pg_db_role_setting s"
            + " UNION ALL SELECT 'tablespaces', t::text FROM pg_tablespace t"
            + " UNION ALL SELECT 'databases', concat_ws(' ', datname, datdba, encoding, datistemplate, datallowconn,"
            + "   datconnlimit, datacl) FROM pg_database WHERE " + NOT_FRAISE
            + " UNION ALL SELECT 'databases', d::text FROM pg_shdescription d"
            + "   WHERE d.objoid NOT IN (SELECT oid FROM pg_database WHERE NOT (" + NOT_FRAISE + "))"
            + " ) lines GROUP BY kind";
    /** Objects a user made in a database: whatever has an OID past the bootstrap ones. */
    private static final String OBJECTS = "SELECT (SELECT count(*) FROM pg_class WHERE oid >= 16384)"
            + " + (SELECT count(*) FROM pg_proc WHERE oid >= 16384) + (SELECT count(*) FROM pg_type WHERE oid >= 16384)"
            + " + (SELECT count(*) FROM pg_namespace WHERE oid >= 16384)"
            + " + (SELECT count(*) FROM pg_extension WHERE oid >= 16384)"
            + " + (SELECT count(*) FROM pg_largeobject_metadata)";
    private static final List<String> KINDS = List.of("roles", "role and database settings", "tablespaces",
            "databases");

    /** The state of {@code server}, whose data directory is {@code dataDir}. */
    static ClusterState read(PostgresServer server, Path dataDir) throws SQLException, IOException {
        Map<String, String> digests = new LinkedHashMap<>();
        KINDS.forEach(kind -> digests.put(kind, ""));
        try (Connection c = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(SHARED)) {
            while (rs.next()) {
                digests.put(rs.getString(1), rs.getString(2));
            }
        }
        for (String database : List.of("postgres", "template1")) {
            try (Connection c = server.dataSource(database).getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(OBJECTS)) {
                rs.next();
                digests.put("objects in " + database, Long.toString(rs.getLong(1)));
            }
        }
        Path autoConf = dataDir.resolve("postgresql.auto.conf");
        digests.put("ALTER SYSTEM settings", Files.exists(autoConf) ? sha256(Files.readAllBytes(autoConf)) : "");
        return new ClusterState(Map.copyOf(digests));
    }

    /** The kinds whose digest differs from {@code before}'s, in a fixed order. */
    List<String> changedSince(ClusterState before) {
        return before.digests().keySet().stream().sorted()
                .filter(kind -> !before.digests().get(kind).equals(digests.getOrDefault(kind, ""))).toList();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
