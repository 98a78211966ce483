package dev.fraise.inference;

import dev.fraise.nodetree.PgNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What inference needs from {@code pg_catalog}, loaded once in a few queries. */
record Catalog(Map<Long, Relation> relations, Map<String, Relation> relationsByName, Map<Long, TypeInfo> types,
        Map<Long, Proc> procs, Set<Long> typesWithJsonCast, Map<Long, List<String>> enumLabels) {

    /** A table, view, materialised view, foreign table or composite type. */
    record Relation(long oid, String schema, String name, char kind, List<Column> columns,
            Optional<PgNode> query) {

        /** The name as users write it: bare in {@code public}, schema-qualified elsewhere. */
        String displayName() {
            return "public".equals(schema) ? name : schema + "." + name;
        }

        Optional<Column> column(int attnum) {
            return columns.stream().filter(c -> c.attnum() == attnum).findFirst();
        }

        Optional<Column> column(String columnName) {
            return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
        }

        boolean isView() {
            return kind == 'v' || kind == 'm';
        }

        boolean isTable() {
            return kind == 'r' || kind == 'p' || kind == 'f';
        }
    }

    /**
     * A column; {@code notNull} from {@code attnotnull} or a validated {@code CHECK (col IS NOT NULL)};
     * {@code allowedValues} from a validated {@code CHECK (col IN (...))}, empty when unconstrained;
     * {@code jsonTypes}, for a json/jsonb column, the {@code jsonb_typeof} kinds a validated CHECK allows its
     * non-null values ({@link CheckedJsonTypes}), empty when unconstrained.
     */
    record Column(int attnum, String name, long typeOid, boolean notNull, List<String> allowedValues,
            Set<String> jsonTypes) {

        Column {
            allowedValues = List.copyOf(allowedValues);
            jsonTypes = Set.copyOf(jsonTypes);
        }

        /** Whether a CHECK proves every non-null value a JSON object. */
        boolean provenObject() {
            return jsonTypes.equals(Set.of("object"));
        }

        /** Whether a CHECK keeps JSON {@code null} out of the column. */
        boolean provenNotJsonNull() {
            return !jsonTypes.isEmpty() && !jsonTypes.contains("null");
        }
    }

    /** A type: {@code typtype}, {@code typcategory}, element, row relation and domain base. */
    record TypeInfo(long oid, String name, char typtype, char category, long element, long relation,
            long baseType) {
    }

    /** A function's identity and strictness. */
    record Proc(long oid, String schema, String name, boolean strict) {

        boolean builtIn() {
            return "pg_catalog".equals(schema);
        }
    }

    Optional<Relation> relation(long oid) {
        return Optional.ofNullable(relations.get(oid));
    }

    Optional<Proc> proc(long oid) {
        return Optional.ofNullable(procs.get(oid));
    }

    String typeName(long oid) {
        TypeInfo type = types.get(oid);
        return type == null ? "oid " + oid : type.name();
    }
}
