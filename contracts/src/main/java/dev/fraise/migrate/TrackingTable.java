package dev.fraise.migrate;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Confiture's tracking table ({@code tb_confiture} by default): the same columns, indexes, slug format and
 * existence probe, so a database migrated by Confiture continues under Fraise and the other way round.
 */
final class TrackingTable {

    /** Confiture's rule for {@code tracking_table}: a plain identifier, optionally schema-qualified. */
    private static final Pattern VALID = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)?$");
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as",
            "asc", "asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create", "cross",
            "current_catalog", "current_date", "current_role", "current_schema", "current_time", "current_timestamp",
            "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false",
            "fetch", "for", "foreign", "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner",
            "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
            "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer",
            "overlaps", "placing", "primary", "references", "returning", "right", "row", "select", "session_user",
            "similar", "some", "symmetric", "table", "tablesample", "then", "to", "trailing", "true", "union",
            "unique", "user", "using", "variadic", "verbose", "when", "where", "window", "with");
    private static final DateTimeFormatter SLUG_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT);

    private final String name;
    private final Optional<String> schema;
    private final String base;
    private final String identifier;

    private TrackingTable(String name, Optional<String> schema, String base) {
        this.name = name;
        this.schema = schema;
        this.base = base;
        this.identifier = schema.map(s -> quote(s) + ".").orElse("") + quote(base);
    }

    /**
     * The tracking table {@code name}, bare (resolved through {@code search_path}) or schema-qualified.
     *
     * @param where the config that names it, for the error location; may be null
     * @throws FraiseException {@code MIGRATION_TRACKING_TABLE_INVALID}
     */
    static TrackingTable named(String name, SourceLocation where) {
        if (!VALID.matcher(name).matches()) {
            throw invalid(name + " is not a plain identifier: use letters, digits and underscores, optionally"
                    + " schema-qualified (public.tb_confiture)", where);
        }
        int dot = name.indexOf('.');
        Optional<String> schema = dot < 0 ? Optional.empty() : Optional.of(name.substring(0, dot));
        String base = dot < 0 ? name : name.substring(dot + 1);
        if (RESERVED.contains(base.toLowerCase(Locale.ROOT))) {
            throw invalid(name + " is a PostgreSQL reserved word; choose a name like tb_confiture", where);
        }
        return new TrackingTable(name, schema, base);
    }

    private static FraiseException invalid(String detail, SourceLocation where) {
        return new FraiseException(ErrorCode.MIGRATION_TRACKING_TABLE_INVALID, "migration.tracking_table " + detail,
                where);
    }

    /** The name as configured. */
    String name() {
        return name;
    }

    /**
     * Whether the table exists, probed as Confiture probes it: a bare name through {@code to_regclass} (so it
     * follows {@code search_path}), a qualified one through {@code information_schema.tables}.
     */
    boolean exists(Connection c) throws SQLException {
        String sql = schema.isPresent()
                ? "SELECT EXISTS (SELECT FROM information_schema.tables WHERE table_schema = ? AND table_name = ?)"
                : "SELECT EXISTS (SELECT FROM pg_class c WHERE c.oid = to_regclass(quote_ident(?))"
                + " AND c.relkind IN ('r', 'p', 'v', 'f'))";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (schema.isPresent()) {
                s.setString(1, schema.get());
                s.setString(2, base);
            } else {
                s.setString(1, base);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * Creates the table and its indexes if missing, with Confiture's exact DDL; on an existing table adds
     * {@code applied_by} if missing, as Confiture 0.17 does. Runs in auto-commit mode.
     */
    void ensure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (!exists(c)) {
                s.execute("CREATE TABLE IF NOT EXISTS " + identifier + " (\n"
                        + "    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),\n"
                        + "    pk_confiture BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,\n"
                        + "    slug TEXT NOT NULL UNIQUE,\n"
                        + "    version VARCHAR(255) NOT NULL UNIQUE,\n"
                        + "    name VARCHAR(255) NOT NULL,\n"
                        + "    applied_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),\n"
                        + "    execution_time_ms INTEGER,\n"
                        + "    checksum VARCHAR(64),\n"
                        + "    applied_by TEXT\n"
                        + ")");
                index(s, "pk_confiture", "pk_confiture");
                index(s, "slug", "slug");
                index(s, "version", "version");
                index(s, "applied_at", "applied_at DESC");
            } else {
                s.execute("ALTER TABLE " + identifier + " ADD COLUMN IF NOT EXISTS applied_by TEXT");
            }
        }
    }

    private void index(Statement s, String suffix, String key) throws SQLException {
        s.execute("CREATE INDEX IF NOT EXISTS " + quote("idx_" + base + "_" + suffix) + " ON " + identifier
                + "(" + key + ")");
    }

    /**
     * Every row, oldest first (by {@code applied_at}, then {@code pk_confiture}). Reads tables written before
     * Confiture 0.17 too, which lack {@code applied_by}.
     */
    List<AppliedMigration> rows(Connection c) throws SQLException {
        List<AppliedMigration> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, name, applied_at, execution_time_ms, checksum,"
                     + " to_jsonb(t) ->> 'applied_by' FROM " + identifier + " t ORDER BY applied_at, pk_confiture")) {
            while (rs.next()) {
                Timestamp at = rs.getTimestamp(3);
                int ms = rs.getInt(4);
                Optional<Integer> elapsed = rs.wasNull() ? Optional.empty() : Optional.of(ms);
                rows.add(new AppliedMigration(rs.getString(1), rs.getString(2), at.toInstant(), elapsed,
                        Optional.ofNullable(rs.getString(5)), Optional.ofNullable(rs.getString(6))));
            }
        }
        return rows;
    }

    /**
     * Records {@code migration} as applied, with Confiture's slug {@code {name}_{YYYYmmdd_HHMMSS}} (suffixed with
     * {@code _{version}} in the rare case that slug is taken: two migrations of one name in one second).
     *
     * @param executionMillis null for a baselined row
     * @param suffix          appended to the slug (Confiture marks baselines with {@code _baseline}); may be empty
     */
    void insert(Connection c, Migration migration, Integer executionMillis, String suffix) throws SQLException {
        String slug = migration.name() + "_" + LocalDateTime.now().format(SLUG_TIME) + suffix;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + identifier
                + " (slug, version, name, execution_time_ms, checksum, applied_by)"
                + " SELECT CASE WHEN EXISTS (SELECT FROM " + identifier + " WHERE slug = ?) THEN ? ELSE ? END,"
                + " ?, ?, ?, ?, current_user")) {
            s.setString(1, slug);
            s.setString(2, slug + "_" + migration.version());
            s.setString(3, slug);
            s.setString(4, migration.version());
            s.setString(5, migration.name());
            if (executionMillis == null) {
                s.setNull(6, java.sql.Types.INTEGER);
            } else {
                s.setInt(6, executionMillis);
            }
            s.setString(7, migration.checksum());
            s.executeUpdate();
        }
    }

    /** Removes the row of {@code version} (after its down migration ran). */
    void delete(Connection c, String version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + identifier + " WHERE version = ?")) {
            s.setString(1, version);
            s.executeUpdate();
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String toString() {
        return name;
    }
}
