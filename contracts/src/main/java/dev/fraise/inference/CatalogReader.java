package dev.fraise.inference;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.nodetree.NodeTreeParser;
import dev.fraise.nodetree.PgNode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/** Loads a {@link Catalog} in seven queries, whatever the number of views. */
final class CatalogReader {

    private static final String RELATIONS = """
            SELECT c.oid, n.nspname, c.relname, c.relkind
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c') AND n.nspname = ANY (?)""";
    private static final String COLUMNS = """
            SELECT a.attrelid, a.attnum, a.attname, a.atttypid, a.attnotnull
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c') AND n.nspname = ANY (?)
              AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attrelid, a.attnum""";
    private static final String RULES = """
            SELECT r.ev_class, r.ev_action::text
            FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE r.rulename = '_RETURN' AND n.nspname = ANY (?)""";
    private static final String CHECKS = """
            SELECT k.conrelid, k.conbin::text
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE k.contype = 'c' AND k.convalidated AND n.nspname = ANY (?)""";
    private static final String TYPES = """
            SELECT t.oid, format_type(t.oid, NULL), t.typtype, t.typcategory, t.typelem, t.typrelid, t.typbasetype,
                   EXISTS (SELECT 1 FROM pg_cast k WHERE k.castsource = t.oid AND k.casttarget = 'json'::regtype
                           AND t.oid >= 16384)
            FROM pg_type t""";
    private static final String ENUMS = """
            SELECT enumtypid, enumlabel FROM pg_enum ORDER BY enumtypid, enumsortorder""";
    private static final String PROCS = """
            SELECT p.oid, n.nspname, p.proname, p.proisstrict
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace""";

    private CatalogReader() {
    }

    static Catalog read(Connection connection, List<String> schemas) {
        try {
            Array schemaArray = connection.createArrayOf("text", schemas.toArray());
            Map<Long, String[]> names = new LinkedHashMap<>();
            query(connection, RELATIONS, schemaArray, rs -> names.put(rs.getLong(1),
                    new String[] {rs.getString(2), rs.getString(3), rs.getString(4)}));
            Map<Long, List<Catalog.Column>> columns = new HashMap<>();
            query(connection, COLUMNS, schemaArray, rs -> columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new Catalog.Column(rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getBoolean(5), List.of(),
                            Set.of())));
            Map<Long, PgNode> rules = new HashMap<>();
            query(connection, RULES, schemaArray, rs -> {
                List<PgNode> queries = NodeTreeParser.parseNodes(rs.getString(2));
                if (queries.size() == 1) {
                    rules.put(rs.getLong(1), queries.get(0));
                }
            });
            Map<Long, Catalog.Proc> procs = new HashMap<>();
            query(connection, PROCS, null, rs -> procs.put(rs.getLong(1),
                    new Catalog.Proc(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4))));
            LongFunction<String> builtIn = oid -> Optional.ofNullable(procs.get(oid)).filter(Catalog.Proc::builtIn)
                    .map(Catalog.Proc::name).orElse("");
            Map<Long, Set<Integer>> checkedNotNull = new HashMap<>();
            Map<Long, Map<Integer, List<String>>> allowed = new HashMap<>();
            Map<Long, Map<Integer, Set<String>>> jsonTypes = new HashMap<>();
            query(connection, CHECKS, schemaArray, rs -> {
                Set<Integer> columnsOf = checkedNotNull.computeIfAbsent(rs.getLong(1), k -> new HashSet<>());
                Map<Integer, List<String>> valuesOf = allowed.computeIfAbsent(rs.getLong(1), k -> new HashMap<>());
                Map<Integer, Set<String>> kindsOf = jsonTypes.computeIfAbsent(rs.getLong(1), k -> new HashMap<>());
                NodeTreeParser.parseNodes(rs.getString(2)).forEach(check -> {
                    notNullColumns(check, columnsOf);
                    CheckedValues.collect(check, valuesOf);
                    CheckedJsonTypes.collect(check, builtIn, kindsOf);
                });
            });
            Map<Long, Catalog.Relation> relations = new LinkedHashMap<>();
            Map<String, Catalog.Relation> byName = new HashMap<>();
            names.forEach((oid, n) -> {
                Set<Integer> checked = checkedNotNull.getOrDefault(oid, Set.of());
                Map<Integer, List<String>> values = allowed.getOrDefault(oid, Map.of());
                Map<Integer, Set<String>> kinds = jsonTypes.getOrDefault(oid, Map.of());
                List<Catalog.Column> cols = columns.getOrDefault(oid, List.of()).stream()
                        .map(c -> new Catalog.Column(c.attnum(), c.name(), c.typeOid(),
                                c.notNull() || checked.contains(c.attnum()),
                                values.getOrDefault(c.attnum(), List.of()), kinds.getOrDefault(c.attnum(), Set.of())))
                        .toList();
                Catalog.Relation relation = new Catalog.Relation(oid, n[0], n[1], n[2].charAt(0), cols,
                        Optional.ofNullable(rules.get(oid)));
                relations.put(oid, relation);
                byName.put(n[0] + "." + n[1], relation);
            });
            Map<Long, Catalog.TypeInfo> types = new HashMap<>();
            Set<Long> jsonCasts = new HashSet<>();
            query(connection, TYPES, null, rs -> {
                types.put(rs.getLong(1), new Catalog.TypeInfo(rs.getLong(1), rs.getString(2),
                        rs.getString(3).charAt(0), rs.getString(4).charAt(0), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7)));
                if (rs.getBoolean(8)) {
                    jsonCasts.add(rs.getLong(1));
                }
            });
            Map<Long, List<String>> enums = new HashMap<>();
            query(connection, ENUMS, null, rs -> enums.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(rs.getString(2)));
            return new Catalog(relations, byName, types, procs, jsonCasts, enums);
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.INFERENCE_CATALOG_FAILED,
                    "reading the catalog failed: " + e.getMessage(), null, e);
        }
    }

    /** Columns a CHECK constraint proves NOT NULL: {@code col IS NOT NULL}, alone or in a top-level AND. */
    private static void notNullColumns(PgNode expr, Set<Integer> into) {
        if (expr.is("BOOLEXPR") && "and".equals(expr.text("boolop").orElse(""))) {
            expr.nodes("args").forEach(arg -> notNullColumns(arg, into));
        } else if (expr.is("NULLTEST") && expr.integer("nulltesttype") == 1 && !expr.flag("argisrow")) {
            expr.node("arg").filter(arg -> arg.is("VAR")).ifPresent(v -> into.add(v.integer("varattno")));
        }
    }

    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, Array schemas, RowHandler handler)
            throws SQLException {
        if (schemas == null) {
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            }
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, schemas);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            }
        }
    }
}
