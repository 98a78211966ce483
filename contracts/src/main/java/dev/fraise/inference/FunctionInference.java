package dev.fraise.inference;

import dev.fraise.nodetree.PgNode;
import dev.fraise.shape.ArrayShape;
import dev.fraise.shape.Field;
import dev.fraise.shape.NeverShape;
import dev.fraise.shape.NullShape;
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

    /**
     * Built-in strict functions known to return a value for every non-null input (an allowlist: any other
     * built-in may return NULL, as {@code jsonb_path_match} or {@code lower(empty range)} do). Not here, because
     * PostgreSQL returns NULL for them on non-null input: {@code to_char} (of ±infinity, or with an empty format),
     * {@code to_number} (with an empty format), {@code extract} and {@code date_part} (of a field of ±infinity).
     * {@code TrustedFunctionSoundnessTest} calls every name here on edge values to keep the list honest.
     */
    static final Set<String> NULL_PRESERVING = Set.of("textcat", "length", "char_length",
            "character_length", "octet_length", "bit_length", "btrim", "ltrim", "rtrim", "replace", "substr",
            "left", "right", "lpad", "rpad", "repeat", "reverse", "initcap", "md5", "translate", "split_part",
            "to_hex", "date_trunc", "age", "abs", "round", "trunc", "floor",
            "ceil", "ceiling", "sign", "mod", "power", "pow", "jsonb_typeof", "json_typeof", "jsonb_array_length",
            "json_array_length", "jsonb_pretty", "cardinality", "array_to_string", "array_append", "array_prepend",
            "array_cat", "timezone", "make_date", "make_timestamp", "make_timestamptz", "make_interval",
            "justify_days", "justify_hours", "justify_interval", "quote_ident", "quote_literal", "starts_with",
            "strpos", "position", "ascii", "chr", "encode", "decode", "sha256", "sha512", "to_timestamp",
            "to_date", "numeric", "float8", "int4", "int8", "text", "uuid_send", "textlike",
            "textnlike", "texticlike", "texticnlike", "textregexeq", "textregexne", "bool", "jsonb_exists",
            "jsonb_contains", "jsonb_contained", "jsonb_exists_any", "jsonb_exists_all", "array_eq", "array_ne",
            "arraycontains", "arraycontained", "arrayoverlap");
    /** Operator implementations on scalar types: arithmetic and comparisons never yield NULL from values. */
    static final java.util.regex.Pattern SCALAR_OPERATOR = java.util.regex.Pattern.compile(
            "(int2|int4|int8|int24|int42|int28|int82|int48|int84|float4|float8|float48|float84|numeric|text|bpchar"
                    + "|varchar|bool|date|timestamp|timestamptz|interval|uuid|oid|name|char|time|timetz|date_pl"
                    + "|date_mi|timestamp_pl|timestamptz_pl|timestamp_mi|timestamptz_mi|bytea)_?(pl|mi|mul|div|mod|eq"
                    + "|ne|lt|le|gt|ge|um|up|abs|inc|larger|smaller|cmp|_interval)?");
    /** Functions (and casts) NULL on values, which {@link #SCALAR_OPERATOR} matches: time and timetz of ±infinity. */
    static final Set<String> NULL_ON_VALUES = Set.of("time", "timetz");
    /**
     * Built-in non-strict functions that never return NULL ({@code current_schema} is not: it is NULL with an empty
     * {@code search_path}).
     */
    static final Set<String> NEVER_NULL = Set.of("concat", "now", "clock_timestamp",
            "statement_timestamp", "transaction_timestamp", "timeofday", "gen_random_uuid", "uuidv4", "uuidv7",
            "random", "pg_backend_pid", "version", "current_database", "txid_current",
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
        Optional<Inferred> placeholder = analyzer.functions().placeholder(funcid, args, resultType, scope);
        if (placeholder.isPresent()) {
            return placeholder.get();
        }
        Optional<Catalog.Proc> proc = analyzer.catalog().proc(funcid);
        String name = proc.map(Catalog.Proc::name).orElse("function " + funcid);
        boolean builtIn = proc.map(Catalog.Proc::builtIn).orElse(false);
        if (builtIn) {
            switch (name) {
                case "jsonb_build_object":
                case "json_build_object":
                    return variadic ? variadic(name, args, resultType, scope)
                            : buildObject(args, 0, false, resultType, scope, name);
                case "jsonb_build_array":
                case "json_build_array":
                    return variadic ? variadic(name, args, resultType, scope)
                            : buildArray(args, false, resultType, scope, name);
                case "to_jsonb":
                case "to_json":
                case "row_to_json":
                case "array_to_json":
                    if (!args.isEmpty()) {
                        return analyzer.expr(args.get(0), scope).withType(resultType);
                    }
                    break;
                case "jsonb_strip_nulls":
                case "json_strip_nulls":
                    if (!args.isEmpty() && args.size() == 1) {
                        Inferred inner = analyzer.expr(args.get(0), scope);
                        return new Inferred(Shapes.stripNulls(inner.shape(), scope.view()), inner.nullability(),
                                resultType, inner.sqlNull(), inner.jsonNull());
                    }
                    break;
                case "jsonb_concat":
                    if (args.size() == 2) {
                        return concat(analyzer.expr(args.get(0), scope), analyzer.expr(args.get(1), scope),
                                resultType, scope);
                    }
                    break;
                case "jsonb_delete":
                    if (args.size() == 2 && analyzer.types().baseType(analyzer.expr(args.get(1), scope).typeOid())
                            == TypeShapes.TEXT) {
                        return delete(args, resultType, scope);
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
            if ((format == COERCE_EXPLICIT_CAST || format == COERCE_IMPLICIT_CAST) && args.size() >= 1
                    && !NULL_ON_VALUES.contains(name)) {
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
        } else if (("format".equals(name) || "concat_ws".equals(name)) && !args.isEmpty()) {
            Inferred first = analyzer.expr(args.get(0), scope);
            nullability = first.nullable() ? Nullability.nullable(name + " is NULL when its first argument is ("
                    + first.nullability().reason() + ")") : Nullability.nonNull(name + " of a non-null first argument");
        } else if (strict && nullPreserving(name, resultType)) {
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
        return withJsonNull(new Inferred(analyzer.types().shapeOf(resultType, scope.view(), source), nullability,
                resultType), resultType, name);
    }

    private static boolean nullPreserving(String name, long resultType) {
        if ("lower".equals(name) || "upper".equals(name)) {
            return resultType == TypeShapes.TEXT;
        }
        return NULL_PRESERVING.contains(name) || SCALAR_OPERATOR.matcher(name).matches()
                && !NULL_ON_VALUES.contains(name);
    }

    /** A json/jsonb result of a function may be a JSON {@code null} whatever its SQL nullability. */
    private static Inferred withJsonNull(Inferred value, long resultType, String name) {
        if (!TypeShapes.isJson(resultType) || value.jsonNull()) {
            return value;
        }
        return value.nullable() ? new Inferred(value.shape(), value.nullability(), resultType, value.sqlNull(), true)
                : Inferred.jsonNullable(value.shape(), name + " returns json", resultType);
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
            Field next = absentOnNull && (value.sqlNull() || value.jsonNull()) ? new Field(key.get(), value.shape(),
                    value.withoutSqlNull("ABSENT ON NULL drops the key instead (" + value.nullability().reason() + ")"),
                    Presence.MAYBE_ABSENT) : new Field(key.get(), value.shape(), value.nullability(), Presence.ALWAYS);
            Field earlier = fields.remove(key.get());
            fields.put(key.get(), earlier != null && (resultType == TypeShapes.JSON || next.maybeAbsent())
                    ? duplicate(earlier, next, provenance) : next);
        }
        return new Inferred(new ObjectShape(fields, provenance), Nullability.nonNull(name + " is never NULL"),
                resultType);
    }

    /**
     * A key given twice: {@code json} keeps both pairs (and {@code json_strip_nulls} may drop the later one), and
     * ABSENT ON NULL may drop the later pair, so either value can be the one read.
     */
    private static Field duplicate(Field earlier, Field later, Provenance provenance) {
        Presence presence = earlier.maybeAbsent() && later.maybeAbsent() ? Presence.MAYBE_ABSENT : Presence.ALWAYS;
        return new Field(later.key(), Shapes.union(earlier.shape(), later.shape(), provenance),
                earlier.nullability().or(later.nullability()), presence);
    }

    private Inferred buildArray(List<PgNode> args, boolean absentOnNull, long resultType, Scope scope,
            String name) {
        Provenance provenance = analyzer.types().provenance(scope.view(), resultType, name + "(...)");
        Shape items = new NeverShape(provenance);
        Nullability itemNulls = Nullability.nonNull("elements are non-null");
        for (PgNode arg : args) {
            Inferred value = analyzer.expr(arg, scope);
            items = Shapes.union(items, value.shape(), provenance);
            itemNulls = itemNulls.or(absentOnNull ? value.withoutSqlNull("ABSENT ON NULL drops NULLs")
                    : value.nullability());
        }
        return new Inferred(new ArrayShape(items, itemNulls, provenance), Nullability.nonNull(name + " is never NULL"),
                resultType);
    }

    private Inferred concat(Inferred left, Inferred right, long resultType, Scope scope) {
        Provenance provenance = analyzer.types().provenance(scope.view(), resultType, "jsonb || jsonb");
        Nullability nullability = left.sqlNull() ? left.nullability() : right.sqlNull() ? right.nullability()
                : Nullability.nonNull("|| of non-null values");
        if (left.shape() instanceof NullShape && !left.jsonNull()
                || right.shape() instanceof NullShape && !right.jsonNull()) {
            return new Inferred(new NullShape(provenance), nullability, resultType);
        }
        if (left.jsonNull() || right.jsonNull()) {
            return new Inferred(new UnknownShape("|| with a JSON null wraps both into an array"
                    + notProvenObject(left) + notProvenObject(right), provenance), nullability, resultType);
        }
        if (left.shape() instanceof ObjectShape a && right.shape() instanceof ObjectShape b) {
            return new Inferred(Shapes.concat(a, b, provenance), nullability, resultType);
        }
        if (left.shape() instanceof ArrayShape a && right.shape() instanceof ArrayShape b) {
            return new Inferred(new ArrayShape(Shapes.union(a.items(), b.items(), provenance),
                    a.itemNullability().or(b.itemNullability()), provenance), nullability, resultType);
        }
        return new Inferred(new UnknownShape("|| of " + left.shape().kind() + " and " + right.shape().kind()
                + notProvenObject(left) + notProvenObject(right), provenance), nullability, resultType);
    }

    /**
     * Why a json operand of {@code ||} is not taken for an object: an array or a scalar makes {@code ||} an array
     * concatenation; a CHECK on a column can prove it an object.
     */
    private static String notProvenObject(Inferred operand) {
        Shape shape = operand.shape();
        return shape instanceof ScalarShape s && s.scalarKind() == ScalarKind.ANY_JSON ? "; "
                + shape.provenance().source() + " may be an array, a scalar or JSON null, which makes || an array"
                + " (a CHECK (jsonb_typeof(col) = 'object') on its column proves it an object)" : "";
    }

    /**
     * {@code jsonb - 'key'}: an object without the key, an array without the string items equal to it; a scalar or
     * JSON {@code null} is an error, so the result is never JSON {@code null}. Any other key (not a constant) may be
     * the one removed: every key may then be absent.
     */
    private Inferred delete(List<PgNode> args, long resultType, Scope scope) {
        Inferred value = analyzer.expr(args.get(0), scope);
        Inferred key = analyzer.expr(args.get(1), scope);
        Provenance provenance = analyzer.types().provenance(scope.view(), resultType, "jsonb - text");
        Nullability nullability = value.sqlNull() ? value.nullability() : key.sqlNull() ? key.nullability()
                : Nullability.nonNull("jsonb - text of non-null values (a JSON null is an error)");
        Shape shape = value.shape();
        if (shape instanceof ObjectShape object) {
            Optional<String> removed = ExpressionInference.constantText(args.get(1));
            Map<String, Field> fields = new LinkedHashMap<>();
            object.fields().forEach((name, field) -> {
                if (removed.isEmpty()) {
                    fields.put(name, new Field(name, field.shape(), field.nullability(), Presence.MAYBE_ABSENT));
                } else if (!removed.get().equals(name)) {
                    fields.put(name, field);
                }
            });
            shape = new ObjectShape(fields, object.remainder(), provenance);
        } else if (!(shape instanceof ArrayShape)) {
            shape = new UnknownShape("jsonb - text of " + shape.kind(), provenance);
        }
        return new Inferred(shape, nullability, resultType);
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
                    resultType, source)), Nullability.nullable(source + " may be missing"), resultType, true, !asText);
        }
        Field f = field.get();
        Nullability nullability = object.nullable() ? object.nullability() : f.maybeAbsent()
                ? Nullability.nullable(source + " may be absent") : f.nullability();
        Shape shape = asText ? analyzer.types().shapeOf(TypeShapes.TEXT, scope.view(), source) : f.shape();
        if (asText) {
            return new Inferred(shape, nullability, resultType);
        }
        boolean sqlNull = object.nullable() || f.maybeAbsent();
        return new Inferred(shape, nullability, resultType, sqlNull, f.nullable());
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
        Scope rows = level.forAggregateInput();
        Scope input = filter.map(f -> analyzer.proving(f, rows)).orElse(rows);
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
            Nullability items = name.endsWith("_strict") ? argument.withoutSqlNull(name + " skips NULLs")
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
        return constructor(node, scope).markEvaluatedOnNullRows();
    }

    private Inferred constructor(PgNode node, Scope scope) {
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
            return aggregated.withType(resultType);
        }
        if (func.isPresent() && (type == JSCTOR_JSON_OBJECT || type == JSCTOR_JSON_ARRAY)) {
            return analyzer.expr(func.get(), scope);
        }
        return analyzer.unknown("SQL/JSON constructor " + type + " is not analysed", scope.view(), resultType,
                "JSON constructor");
    }

    /** A JSON builder called with {@code VARIADIC array}: keys unknown, NULL when the array is. */
    private Inferred variadic(String name, List<PgNode> args, long resultType, Scope scope) {
        String reason = name + "(VARIADIC ...)";
        Inferred array = args.isEmpty() ? null : analyzer.expr(args.get(args.size() - 1), scope);
        Nullability nullability = array == null || array.nullable() ? Nullability.nullable(reason
                + " is NULL when the array is") : Nullability.nonNull(reason + " of a non-null array");
        return new Inferred(new UnknownShape(reason, analyzer.types().provenance(scope.view(), resultType, reason)),
                nullability, resultType);
    }

    private Inferred nonConstant(String reason, long resultType, Scope scope) {
        return new Inferred(new UnknownShape(reason, analyzer.types().provenance(scope.view(), resultType, reason)),
                Nullability.nonNull(reason + " is never NULL"), resultType);
    }
}
