package dev.fraise.inference;

import dev.fraise.nodetree.PgNode;
import dev.fraise.shape.ArrayShape;
import dev.fraise.shape.Field;
import dev.fraise.shape.NeverShape;
import dev.fraise.shape.Nullability;
import dev.fraise.shape.ObjectShape;
import dev.fraise.shape.Presence;
import dev.fraise.shape.Provenance;
import dev.fraise.shape.ScalarKind;
import dev.fraise.shape.ScalarShape;
import dev.fraise.shape.Shape;
import dev.fraise.shape.Shapes;
import dev.fraise.shape.UnknownShape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Infers function calls, operators, aggregates and SQL/JSON constructors. JSON builders are modelled exactly;
 * other built-in strict functions are null only on null input unless they are known to return NULL themselves;
 * user functions may always return NULL.
 */
final class FunctionInference {

    private static final int COERCE_EXPLICIT_CAST = 1;
    private static final int COERCE_IMPLICIT_CAST = 2;
    private static final int JSCTOR_JSON_OBJECT = 1;
    private static final int JSCTOR_JSON_ARRAY = 2;
    private static final int JSCTOR_JSON_ARRAYAGG = 4;

    /** Built-in strict functions that can return NULL for non-null input. */
    private static final Set<String> MAY_RETURN_NULL = Set.of("jsonb_object_field", "json_object_field",
            "jsonb_object_field_text", "json_object_field_text", "jsonb_array_element", "json_array_element",
            "jsonb_array_element_text", "json_array_element_text", "jsonb_extract_path", "json_extract_path",
            "jsonb_extract_path_text", "json_extract_path_text", "jsonb_extract_path_op", "jsonb_path_query_first",
            "jsonb_path_query_first_tz", "array_position", "array_upper", "array_lower", "array_length",
            "array_ndims", "array_dims", "regexp_match", "regexp_substr", "regexp_instr", "substring",
            "to_regclass", "to_regtype", "to_regproc", "to_regprocedure", "to_regoper", "to_regnamespace",
            "to_regrole", "to_regcollation", "to_regtypemod", "to_regoperator", "json_typeof", "pg_get_viewdef",
            "pg_get_expr", "current_setting", "nullif", "unnest", "jsonb_populate_record", "json_populate_record",
            "string_to_array", "split_part", "inet_server_addr", "inet_client_addr", "obj_description",
            "col_description", "shobj_description", "pg_typeof_null", "jsonb_set", "jsonb_set_lax", "jsonb_insert",
            "array_to_string");
    /** Built-in non-strict functions that never return NULL. */
    private static final Set<String> NEVER_NULL = Set.of("concat", "concat_ws", "format", "now", "clock_timestamp",
            "statement_timestamp", "transaction_timestamp", "timeofday", "gen_random_uuid", "uuidv4", "uuidv7",
            "random", "pg_backend_pid", "version", "current_database", "current_schema", "txid_current",
            "jsonb_build_object", "json_build_object", "jsonb_build_array", "json_build_array", "num_nulls",
            "num_nonnulls");
    private static final Set<String> JSON_ARRAY_AGGREGATES = Set.of("jsonb_agg", "json_agg", "array_agg",
            "jsonb_agg_strict", "json_agg_strict");
    private static final Set<String> NEVER_NULL_AGGREGATES = Set.of("count", "regr_count");
    /** Aggregates that are non-null over a non-empty group whatever their input (they collect NULLs). */
    private static final Set<String> NON_NULL_ON_ROWS = Set.of("jsonb_agg", "json_agg", "array_agg");
    /** Aggregates that are non-null over a non-empty group of non-null values. */
    private static final Set<String> NON_NULL_ON_VALUES = Set.of("min", "max", "sum", "avg", "string_agg",
            "bool_and", "bool_or", "every", "bit_and", "bit_or", "bit_xor", "jsonb_agg_strict", "json_agg_strict");
    private static final Set<String> NEVER_NULL_WINDOW = Set.of("row_number", "rank", "dense_rank",
            "percent_rank", "cume_dist", "ntile", "count");

    private final Analyzer analyzer;

    FunctionInference(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Inferred infer(PgNode node, Scope scope) {
        switch (node.type()) {
            case "FUNCEXPR":
                return call(node.number("funcid", 0), node.nodes("args"), node.number("funcresulttype",
                        TypeShapes.TEXT), node.integer("funcformat"), node.flag("funcvariadic"), scope);
            case "OPEXPR":
                return call(node.number("opfuncid", 0), node.nodes("args"), node.number("opresulttype",
                        TypeShapes.TEXT), 0, false, scope);
            case "AGGREF":
                return aggregate(node, scope);
            case "WINDOWFUNC":
                return window(node, scope);
            default:
                return jsonConstructor(node, scope);
        }
    }

    private Inferred call(long funcid, List<PgNode> args, long resultType, int format, boolean variadic,
            Scope scope) {
        Optional<Catalog.Proc> proc = analyzer.catalog().proc(funcid);
        String name = proc.map(Catalog.Proc::name).orElse("function " + funcid);
        boolean builtIn = proc.map(Catalog.Proc::builtIn).orElse(false);
        if (builtIn) {
            switch (name) {
                case "jsonb_build_object":
                case "json_build_object":
                    return variadic ? nonConstant(name + "(VARIADIC ...)", resultType, scope)
                            : buildObject(args, 0, false, resultType, scope, name);
                case "jsonb_build_array":
                case "json_build_array":
                    return variadic ? nonConstant(name + "(VARIADIC ...)", resultType, scope)
                            : buildArray(args, false, resultType, scope, name);
                case "to_jsonb":
                case "to_json":
                case "row_to_json":
                case "array_to_json":
                    if (!args.isEmpty()) {
                        Inferred value = analyzer.expr(args.get(0), scope);
                        return new Inferred(value.shape(), value.nullability(), resultType);
                    }
                    break;
                case "jsonb_strip_nulls":
                case "json_strip_nulls":
                    if (!args.isEmpty() && args.size() == 1) {
                        Inferred inner = analyzer.expr(args.get(0), scope);
                        return new Inferred(Shapes.stripNulls(inner.shape(), scope.view()), inner.nullability(),
                                resultType);
                    }
                    break;
                case "jsonb_concat":
                    if (args.size() == 2) {
                        return concat(analyzer.expr(args.get(0), scope), analyzer.expr(args.get(1), scope),
                                resultType, scope);
                    }
                    break;
                case "jsonb_object_field":
                case "json_object_field":
                case "jsonb_object_field_text":
                case "json_object_field_text":
                    if (args.size() == 2) {
                        return field(name, args, resultType, scope);
                    }
                    break;
                default:
                    break;
            }
            if ((format == COERCE_EXPLICIT_CAST || format == COERCE_IMPLICIT_CAST) && args.size() >= 1) {
                return analyzer.castOf(analyzer.expr(args.get(0), scope), resultType, scope);
            }
        }
        return fallback(name, proc, args, resultType, scope);
    }

    private Inferred fallback(String name, Optional<Catalog.Proc> proc, List<PgNode> args, long resultType,
            Scope scope) {
        boolean builtIn = proc.map(Catalog.Proc::builtIn).orElse(false);
        boolean strict = proc.map(Catalog.Proc::strict).orElse(false);
        String source = name + "(...)";
        Nullability nullability;
        if (!builtIn) {
            nullability = Nullability.nullable("function " + name + " may return NULL");
        } else if (NEVER_NULL.contains(name)) {
            nullability = Nullability.nonNull(name + " never returns NULL");
        } else if (strict && !MAY_RETURN_NULL.contains(name)) {
            nullability = Nullability.nonNull(name + " of non-null arguments");
            for (PgNode arg : args) {
                Inferred inferred = analyzer.expr(arg, scope);
                if (inferred.nullable()) {
                    nullability = Nullability.nullable(name + " of a nullable argument ("
                            + inferred.nullability().reason() + ")");
                    break;
                }
            }
        } else {
            nullability = Nullability.nullable(name + " may return NULL");
        }
        return new Inferred(analyzer.types().shapeOf(resultType, scope.view(), source), nullability, resultType);
    }

    /** {@code jsonb_build_object(k1, v1, ...)} from argument {@code from}; keys must be constants. */
    private Inferred buildObject(List<PgNode> args, int from, boolean absentOnNull, long resultType, Scope scope,
            String name) {
        Provenance provenance = analyzer.types().provenance(scope.view(), resultType, name + "(...)");
        if ((args.size() - from) % 2 != 0) {
            return nonConstant(name + " with an odd number of arguments", resultType, scope);
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        for (int i = from; i < args.size(); i += 2) {
            Optional<String> key = ExpressionInference.constantText(args.get(i));
            if (key.isEmpty()) {
                return nonConstant(name + " with a non-constant key", resultType, scope);
            }
            Inferred value = analyzer.expr(args.get(i + 1), scope);
            fields.remove(key.get());
            if (absentOnNull && value.nullable()) {
                fields.put(key.get(), new Field(key.get(), value.shape(), Nullability.nonNull("ABSENT ON NULL drops"
                        + " the key instead (" + value.nullability().reason() + ")"), Presence.MAYBE_ABSENT));
            } else {
                fields.put(key.get(), new Field(key.get(), value.shape(), value.nullability(), Presence.ALWAYS));
            }
        }
        return new Inferred(new ObjectShape(fields, provenance), Nullability.nonNull(name + " is never NULL"),
                resultType);
    }

    private Inferred buildArray(List<PgNode> args, boolean absentOnNull, long resultType, Scope scope,
            String name) {
        Provenance provenance = analyzer.types().provenance(scope.view(), resultType, name + "(...)");
        Shape items = new NeverShape(provenance);
        Nullability itemNulls = Nullability.nonNull("elements are non-null");
        for (PgNode arg : args) {
            Inferred value = analyzer.expr(arg, scope);
            items = Shapes.union(items, value.shape(), provenance);
            if (!absentOnNull) {
                itemNulls = itemNulls.or(value.nullability());
            }
        }
        return new Inferred(new ArrayShape(items, itemNulls, provenance), Nullability.nonNull(name + " is never NULL"),
                resultType);
    }

    private Inferred concat(Inferred left, Inferred right, long resultType, Scope scope) {
        Provenance provenance = analyzer.types().provenance(scope.view(), resultType, "jsonb || jsonb");
        Nullability nullability = left.nullable() ? left.nullability() : right.nullability();
        if (left.shape() instanceof ObjectShape a && right.shape() instanceof ObjectShape b) {
            Map<String, Field> fields = new LinkedHashMap<>(a.fields());
            b.fields().forEach((key, field) -> {
                Field before = fields.get(key);
                fields.put(key, field.maybeAbsent() && before != null ? new Field(key, Shapes.union(before.shape(),
                        field.shape(), provenance), before.nullability().or(field.nullability()), before.presence())
                        : field);
            });
            return new Inferred(new ObjectShape(fields, provenance), nullability, resultType);
        }
        if (left.shape() instanceof ArrayShape a && right.shape() instanceof ArrayShape b) {
            return new Inferred(new ArrayShape(Shapes.union(a.items(), b.items(), provenance),
                    a.itemNullability().or(b.itemNullability()), provenance), nullability, resultType);
        }
        return new Inferred(new UnknownShape("|| of " + left.shape().kind() + " and " + right.shape().kind(),
                provenance), nullability, resultType);
    }

    private Inferred field(String name, List<PgNode> args, long resultType, Scope scope) {
        Inferred object = analyzer.expr(args.get(0), scope);
        Optional<String> key = ExpressionInference.constantText(args.get(1));
        boolean asText = name.endsWith("_text");
        String source = object.shape().provenance().source() + (asText ? "->>" : "->") + key.orElse("?");
        Optional<Field> field = key.flatMap(k -> object.shape() instanceof ObjectShape o ? o.field(k)
                : Optional.empty());
        if (field.isEmpty()) {
            return new Inferred(asText ? analyzer.types().shapeOf(TypeShapes.TEXT, scope.view(), source)
                    : new UnknownShape("key is not known statically", analyzer.types().provenance(scope.view(),
                    resultType, source)), Nullability.nullable(source + " may be missing"), resultType);
        }
        Field f = field.get();
        Nullability nullability = object.nullable() ? object.nullability() : f.maybeAbsent()
                ? Nullability.nullable(source + " may be absent") : f.nullability();
        Shape shape = asText ? analyzer.types().shapeOf(TypeShapes.TEXT, scope.view(), source) : f.shape();
        return new Inferred(shape, nullability, resultType);
    }

    private Inferred aggregate(PgNode node, Scope scope) {
        long resultType = node.number("aggtype", TypeShapes.TEXT);
        Optional<Catalog.Proc> proc = analyzer.catalog().proc(node.number("aggfnoid", 0));
        String name = proc.map(Catalog.Proc::name).orElse("aggregate");
        Scope level = scope.up(node.integer("agglevelsup"));
        if (level == null) {
            return analyzer.unknown("aggregate of an unknown level", scope.view(), resultType, name);
        }
        Optional<PgNode> filter = node.node("aggfilter");
        Scope input = filter.map(f -> analyzer.proving(f, level)).orElse(level);
        List<PgNode> args = node.nodes("args").stream().map(te -> te.node("expr").orElse(te)).toList();
        String source = name + "(" + (node.flag("aggstar") ? "*" : "...") + ")" + (filter.isPresent() ? " FILTER"
                : "");
        boolean builtIn = proc.map(Catalog.Proc::builtIn).orElse(false);
        if (builtIn && NEVER_NULL_AGGREGATES.contains(name)) {
            return new Inferred(analyzer.types().shapeOf(resultType, scope.view(), source),
                    Nullability.nonNull(name + " is 0 without rows"), resultType);
        }
        boolean rowsGuaranteed = level.groupsAreNonEmpty() && filter.isEmpty();
        Inferred argument = args.isEmpty() ? null : analyzer.expr(args.get(0), input);
        boolean nonNull = rowsGuaranteed && builtIn && (NON_NULL_ON_ROWS.contains(name)
                || (NON_NULL_ON_VALUES.contains(name) && argument != null && !argument.nullable()));
        Nullability nullability = nonNull ? Nullability.nonNull(name + " over a GROUP BY group has at least one row")
                : Nullability.nullable(name + (filter.isPresent() ? " is NULL when FILTER excludes every row"
                        : rowsGuaranteed ? " of NULL values is NULL" : " over zero rows is NULL"));
        if (builtIn && JSON_ARRAY_AGGREGATES.contains(name) && argument != null) {
            Provenance provenance = analyzer.types().provenance(scope.view(), resultType, source);
            Nullability items = name.endsWith("_strict") ? Nullability.nonNull(name + " skips NULLs")
                    : argument.nullability();
            return new Inferred(new ArrayShape(argument.shape(), items, provenance), nullability, resultType);
        }
        if (builtIn && (name.endsWith("object_agg") || name.endsWith("object_agg_strict")
                || name.endsWith("object_agg_unique") || name.endsWith("object_agg_unique_strict"))) {
            return new Inferred(new UnknownShape(name + " takes its keys from the data",
                    analyzer.types().provenance(scope.view(), resultType, source)), nullability, resultType);
        }
        if (builtIn && ("min".equals(name) || "max".equals(name)) && argument != null) {
            return new Inferred(argument.shape(), nullability, resultType);
        }
        return new Inferred(analyzer.types().shapeOf(resultType, scope.view(), source), nullability, resultType);
    }

    private Inferred window(PgNode node, Scope scope) {
        long resultType = node.number("wintype", TypeShapes.TEXT);
        Optional<Catalog.Proc> proc = analyzer.catalog().proc(node.number("winfnoid", 0));
        String name = proc.map(Catalog.Proc::name).orElse("window function");
        boolean never = proc.map(Catalog.Proc::builtIn).orElse(false) && NEVER_NULL_WINDOW.contains(name);
        return new Inferred(analyzer.types().shapeOf(resultType, scope.view(), name + "() OVER"),
                never ? Nullability.nonNull(name + " is never NULL") : Nullability.nullable(name
                        + " OVER may be NULL"), resultType);
    }

    /** SQL/JSON {@code JSON_OBJECT}, {@code JSON_ARRAY}, {@code JSON_ARRAYAGG} (PostgreSQL 16+). */
    private Inferred jsonConstructor(PgNode node, Scope scope) {
        long resultType = node.node("returning").map(r -> r.number("typid", TypeShapes.JSON)).orElse(TypeShapes.JSON);
        int type = node.integer("type");
        boolean absentOnNull = node.flag("absent_on_null");
        Optional<PgNode> func = node.node("func");
        if (type == JSCTOR_JSON_OBJECT && func.isEmpty()) {
            return buildObject(node.nodes("args"), 0, absentOnNull, resultType, scope, "JSON_OBJECT");
        }
        if (type == JSCTOR_JSON_ARRAY && func.isEmpty()) {
            return buildArray(node.nodes("args"), absentOnNull, resultType, scope, "JSON_ARRAY");
        }
        if (type == JSCTOR_JSON_ARRAYAGG && func.isPresent()) {
            Inferred aggregated = analyzer.expr(func.get(), scope);
            return new Inferred(aggregated.shape(), aggregated.nullability(), resultType);
        }
        if (func.isPresent() && (type == JSCTOR_JSON_OBJECT || type == JSCTOR_JSON_ARRAY)) {
            return analyzer.expr(func.get(), scope);
        }
        return analyzer.unknown("SQL/JSON constructor " + type + " is not analysed", scope.view(), resultType,
                "JSON constructor");
    }

    private Inferred nonConstant(String reason, long resultType, Scope scope) {
        return new Inferred(new UnknownShape(reason, analyzer.types().provenance(scope.view(), resultType, reason)),
                Nullability.nonNull(reason + " is never NULL"), resultType);
    }
}
