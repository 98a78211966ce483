package dev.fraise.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Random, well-typed SQL expressions over what a query level can see: JSON builders (nested, duplicate keys,
 * VARIADIC, SQL/JSON {@code JSON_OBJECT}/{@code JSON_ARRAY}/{@code JSON_ARRAYAGG} on PostgreSQL 16+), child view
 * data, aggregates with ORDER BY and FILTER (optionally COALESCEd to {@code '[]'}), COALESCE, CASE with and without
 * ELSE, {@code jsonb_strip_nulls}, {@code ||}, {@code -}, {@code ->}, {@code ->>}, {@code to_jsonb(row)}, ROW(...),
 * casts, constants (JSON {@code null} included), built-ins ({@code format}, {@code concat_ws}, NULLIF, GREATEST,
 * and calls of {@link FunctionInference}'s trusted functions), {@code ||} and {@code - 'key'} over jsonb columns a
 * CHECK proves objects (open objects), correlated scalar sub-selects (first row, aggregate such as
 * {@code count(*)}, parent row, {@code ARRAY(...)}) and conditions with {@code IS [NOT] NULL}, AND/OR/NOT and
 * EXISTS. Every recursive call lowers {@code depth}; at depth 0 only columns and constants are produced.
 */
final class ExpressionGrammar {

    /**
     * An SQL expression, its type, whether it aggregates at the query level it is written in, and whether it is
     * always a JSON object when not SQL NULL (a built object, a column a CHECK proves an object, {@code ||} or
     * {@code -} of those), so that {@code - 'key'} cannot fail on a scalar.
     */
    record Expr(String sql, String type, boolean aggregate, boolean object) {

        Expr(String sql, String type, boolean aggregate) {
            this(sql, type, aggregate, false);
        }

        static Expr of(String sql, String type) {
            return new Expr(sql, type, false);
        }

        Expr prefixed(String before, String after) {
            return new Expr(before + sql + after, type, aggregate, object);
        }
    }

    /**
     * What an expression may refer to at one query level.
     *
     * @param refs       columns usable directly (in a grouped level: the grouped or functionally dependent ones)
     * @param rows       aliases usable as whole rows ({@code to_jsonb(r)})
     * @param nullChecks expressions worth testing with {@code IS NOT NULL} (keys of outer-joined sides)
     * @param root       the table correlated sub-selects start from
     * @param rootPk     SQL of the root's primary key at this level, or {@code null}
     * @param rootFk     SQL of the root's foreign key at this level, or {@code null}
     * @param rowLevel   for a grouped level, what aggregate arguments may use; {@code null} when not grouped
     * @param filters    conditions for aggregate {@code FILTER} clauses
     */
    record Ctx(List<Expr> refs, List<String> rows, List<String> nullChecks, RandomSchema.Table root, String rootPk,
               String rootFk, Ctx rowLevel, List<String> filters) {

        boolean grouped() {
            return rowLevel != null;
        }

        /** The context of an aggregate's arguments (this one when not grouped). */
        Ctx row() {
            return rowLevel == null ? this : rowLevel;
        }
    }

    private record Option(int weight, Supplier<Expr> make) {
    }

    static final List<String> COLUMN_TYPES = List.of("integer", "bigint", "numeric", "text", "boolean",
            "timestamptz", "uuid", "text[]", "jsonb");
    private static final List<String> KEYS = List.of("id", "name", "k1", "k2", "items", "meta");
    private static final List<String> TYPES = List.of("integer", "integer", "integer", "text", "text", "text",
            "jsonb", "jsonb", "jsonb", "json", "bigint", "numeric", "numeric", "boolean", "boolean", "timestamptz",
            "uuid", "text[]");

    private final Random random;
    private final RandomSchema schema;
    private final boolean sqlJson;
    private int aliases;

    /** @param major the server's major version: SQL/JSON constructors are generated on PostgreSQL 16+ */
    ExpressionGrammar(Random random, RandomSchema schema, int major) {
        this.random = random;
        this.schema = schema;
        this.sqlJson = major >= 16;
    }

    /** A fresh alias for a sub-select's table. */
    String alias() {
        return "q" + (++aliases);
    }

    /** The columns of {@code table} under {@code alias}. */
    static List<Expr> columns(String alias, RandomSchema.Table table) {
        return table.columns().stream().map(c -> new Expr(alias + "." + c.name(), c.type(), false, c.object()))
                .toList();
    }

    /** The columns of {@code view} under {@code alias}. */
    static List<Expr> columns(String alias, RandomSchema.View view) {
        return List.of(Expr.of(alias + ".id", "integer"), Expr.of(alias + ".data", view.dataType()));
    }

    // ------------------------------------------------------------------------------------------------------
    // The data column
    // ------------------------------------------------------------------------------------------------------

    /** A view's {@code data}: mostly a JSON object, sometimes anything JSON. */
    Expr data(Ctx ctx, int depth) {
        int roll = random.nextInt(100);
        List<Expr> viewData = ofType(ctx.refs(), "jsonb").stream().filter(e -> e.sql().endsWith(".data")).toList();
        if (roll < 45) {
            return buildObject(random.nextInt(3) == 0 ? "json" : "jsonb", ctx, depth);
        }
        if (roll < 55) {
            return wrap("jsonb_strip_nulls(", buildObject("jsonb", ctx, depth), ")", "jsonb");
        }
        if (roll < 65) {
            Expr left = buildObject("jsonb", ctx, depth);
            List<Expr> objects = objectColumns(ctx);
            Expr right = !objects.isEmpty() && random.nextInt(3) == 0 ? pick(objects)
                    : !viewData.isEmpty() && random.nextBoolean() ? pick(viewData) : objectish(ctx, depth);
            return random.nextBoolean() ? concat(left, right) : concat(right, left);
        }
        if (roll < 73) {
            Expr then = buildObject("jsonb", ctx, depth - 1);
            Expr condition = condition(ctx, 1);
            boolean otherwise = random.nextInt(3) > 0;
            Expr elseExpr = otherwise ? objectish(ctx, depth - 1) : null;
            return new Expr("CASE WHEN " + condition.sql() + " THEN " + then.sql()
                    + (otherwise ? " ELSE " + elseExpr.sql() : "") + " END", "jsonb",
                    condition.aggregate() || then.aggregate() || (otherwise && elseExpr.aggregate()));
        }
        if (roll < 78 && !ctx.rows().isEmpty()) {
            String row = pick(ctx.rows());
            return random.nextBoolean() ? Expr.of("to_jsonb(" + row + ")", "jsonb")
                    : Expr.of("row_to_json(" + row + ")", "json");
        }
        if (roll < 85 && !viewData.isEmpty()) {
            Expr child = pick(viewData);
            return random.nextBoolean() ? child
                    : Expr.of("COALESCE(" + child.sql() + ", '{}'::jsonb)", "jsonb");
        }
        return typed(random.nextInt(4) == 0 ? "json" : "jsonb", ctx, depth);
    }

    // ------------------------------------------------------------------------------------------------------
    // Expressions of any type, and of one type
    // ------------------------------------------------------------------------------------------------------

    /** An expression of some type. */
    Expr any(Ctx ctx, int depth) {
        List<Option> options = new ArrayList<>();
        if (!ctx.refs().isEmpty()) {
            options.add(new Option(10, () -> pick(ctx.refs())));
        }
        options.add(new Option(4, () -> typed(randomType(), ctx, depth)));
        if (depth > 0) {
            options.add(new Option(4, () -> json(random.nextInt(4) == 0 ? "json" : "jsonb", ctx, depth - 1)));
            options.add(new Option(1, () -> arraySubSelect(randomScalarType(), ctx, depth - 1)));
            if (ctx.grouped()) {
                options.add(new Option(3, () -> aggregate(randomType(), ctx, depth - 1)));
            }
        }
        return choose(options);
    }

    /** An expression of exactly {@code type}. */
    Expr typed(String type, Ctx ctx, int depth) {
        List<Option> options = new ArrayList<>();
        List<Expr> refs = ofType(ctx.refs(), type);
        if (!refs.isEmpty()) {
            options.add(new Option(8, () -> pick(refs)));
        }
        options.add(new Option(2, () -> Expr.of(constant(type), type)));
        options.add(new Option(1, () -> Expr.of("NULL::" + type, type)));
        if (depth > 0) {
            int d = depth - 1;
            options.add(new Option(2, () -> coalesce(type, ctx, d)));
            options.add(new Option(2, () -> caseOf(type, ctx, d)));
            options.add(new Option(2, () -> subSelect(type, ctx, d)));
            if (ctx.grouped()) {
                options.add(new Option(5, () -> aggregate(type, ctx, d)));
            }
            options.add(new Option(2, () -> builtIn(type, ctx, d)));
            switch (type) {
                case "json", "jsonb" -> options.add(new Option(12, () -> json(type, ctx, d)));
                case "text" -> {
                    options.add(new Option(2, () -> wrap("(", any(ctx, d), ")::text", "text")));
                    options.add(new Option(1, () -> wrap("NULLIF(", typed("text", ctx, d), ", '')", "text")));
                    options.add(new Option(1, () -> wrap("upper(", typed("text", ctx, d), ")", "text")));
                    options.add(new Option(1, () -> binary(typed("text", ctx, d), " || ", typed("text", ctx, d),
                            "text").prefixed("(", ")")));
                    options.add(new Option(1, () -> binary(typed("text", ctx, d), ", ", any(ctx, d), "text")
                            .prefixed("concat(", ")")));
                    options.add(new Option(1, () -> wrap("((", typed(random.nextBoolean() ? "jsonb" : "json", ctx,
                            d), ") ->> '" + pick(KEYS) + "')", "text")));
                    options.add(new Option(1, () -> binary(formatString(ctx, d), ", ", any(ctx, d), "text")
                            .prefixed(random.nextBoolean() ? "format(" : "concat_ws(", ")")));
                }
                case "integer" -> {
                    options.add(new Option(1, () -> wrap("((", typed("integer", ctx, d), ") + 1)", "integer")));
                    options.add(new Option(1, () -> wrap("length(", typed("text", ctx, d), ")", "integer")));
                    options.add(new Option(1, () -> binary(typed("integer", ctx, d), ", ", typed("integer", ctx, d),
                            "integer").prefixed("GREATEST(", ")")));
                }
                case "bigint" -> options.add(new Option(1, () -> wrap("(", typed("integer", ctx, d), ")::bigint",
                        "bigint")));
                case "numeric" -> options.add(new Option(1, () -> wrap("(", typed(random.nextBoolean() ? "integer"
                        : "bigint", ctx, d), ")::numeric", "numeric")));
                case "boolean" -> options.add(new Option(4, () -> condition(ctx, d)));
                case "text[]" -> {
                    options.add(new Option(1, () -> binary(typed("text", ctx, d), ", ", typed("text", ctx, d),
                            "text[]").prefixed("ARRAY[", "]")));
                    options.add(new Option(1, () -> wrap("string_to_array(", typed("text", ctx, d), ", ',')",
                            "text[]")));
                    options.add(new Option(1, () -> arraySubSelect("text", ctx, d)));
                }
                default -> {
                }
            }
        }
        return choose(options);
    }

    /**
     * A built-in of {@code type} from {@link FunctionInference}'s trusted lists (null only on NULL input, or never
     * NULL), with a few it does not trust ({@code to_char}, {@code array_length}), on arguments that cannot make
     * PostgreSQL fail; {@code null} for a type without one.
     */
    private Expr builtIn(String type, Ctx ctx, int depth) {
        Supplier<Expr> text = () -> typed("text", ctx, depth);
        List<Supplier<Expr>> calls = switch (type) {
            case "text" -> List.of(
                    () -> wrap(pick(List.of("btrim(", "ltrim(", "rtrim(", "reverse(", "initcap(", "md5(",
                            "quote_ident(", "quote_literal(", "lower(")), text.get(), ")", "text"),
                    () -> wrap("replace(", text.get(), ", 'a', 'b')", "text"),
                    () -> wrap(pick(List.of("substr(", "left(", "right(")), text.get(), ", 2)", "text"),
                    () -> wrap(pick(List.of("lpad(", "rpad(")), text.get(), ", 4, '*')", "text"),
                    () -> wrap("translate(", text.get(), ", 'ab', 'xy')", "text"),
                    () -> wrap("split_part(", text.get(), ", ' ', 1)", "text"),
                    () -> wrap("repeat(", text.get(), ", 2)", "text"),
                    () -> wrap("to_hex(", typed("integer", ctx, depth), ")", "text"),
                    () -> wrap("array_to_string(", typed("text[]", ctx, depth), ", ',')", "text"),
                    () -> wrap("jsonb_typeof(", typed("jsonb", ctx, depth), ")", "text"),
                    () -> wrap("jsonb_pretty(", typed("jsonb", ctx, depth), ")", "text"),
                    () -> wrap("to_char(", typed("timestamptz", ctx, depth), ", 'YYYY')", "text"));
            case "integer" -> List.of(
                    () -> wrap(pick(List.of("char_length(", "octet_length(", "bit_length(", "ascii(")), text.get(),
                            ")", "integer"),
                    () -> wrap("strpos(", text.get(), ", 'a')", "integer"),
                    () -> wrap("position('a' in ", text.get(), ")", "integer"),
                    () -> wrap("cardinality(", typed("text[]", ctx, depth), ")", "integer"),
                    () -> wrap("array_length(", typed("text[]", ctx, depth), ", 1)", "integer"),
                    () -> wrap("abs(", typed("integer", ctx, depth), ")", "integer"),
                    () -> wrap("mod(", typed("integer", ctx, depth), ", 3)", "integer"),
                    () -> join("num_nulls(", List.of(any(ctx, depth), any(ctx, depth)), ")", "integer"),
                    () -> join("num_nonnulls(", List.of(any(ctx, depth), any(ctx, depth)), ")", "integer"));
            case "numeric" -> List.of(
                    () -> wrap(pick(List.of("trunc(", "floor(", "ceil(", "abs(", "sign(")), typed("numeric", ctx,
                            depth), ")", "numeric"),
                    () -> wrap("round(", typed("numeric", ctx, depth), ", 1)", "numeric"));
            case "boolean" -> List.of(
                    () -> wrap("starts_with(", text.get(), ", 'a')", "boolean"),
                    () -> wrap("(", text.get(), " LIKE 'a%')", "boolean"),
                    () -> wrap("(", typed("jsonb", ctx, depth), " ? 'k1')", "boolean"),
                    () -> wrap("(", typed("jsonb", ctx, depth), " @> '{}'::jsonb)", "boolean"),
                    () -> wrap("(", typed("text[]", ctx, depth), " && ARRAY['a', 'x'])", "boolean"));
            case "timestamptz" -> List.of(
                    () -> wrap("date_trunc('day', ", typed("timestamptz", ctx, depth), ")", "timestamptz"),
                    () -> wrap("(", typed("timestamptz", ctx, depth), " + interval '1 day')", "timestamptz"),
                    () -> Expr.of("now()", "timestamptz"));
            case "uuid" -> List.of(() -> Expr.of("gen_random_uuid()", "uuid"));
            default -> List.of();
        };
        return calls.isEmpty() ? null : pick(calls).get();
    }

    /** A {@code json} or {@code jsonb} value built by a JSON function. */
    private Expr json(String type, Ctx ctx, int depth) {
        String prefix = type;
        String other = type.equals("jsonb") ? "json" : "jsonb";
        List<Option> options = new ArrayList<>();
        options.add(new Option(6, () -> buildObject(prefix, ctx, depth)));
        options.add(new Option(1, () -> buildArray(prefix, ctx, depth)));
        options.add(new Option(1, () -> wrap("to_" + prefix + "(", typed(randomType(), ctx, depth - 1), ")",
                type)));
        options.add(new Option(1, () -> join((type.equals("json") && random.nextBoolean() ? "row_to_json(ROW("
                : "to_" + prefix + "(ROW("), List.of(any(ctx, depth - 1), any(ctx, depth - 1)), "))", type)));
        if (type.equals("jsonb")) {
            options.add(new Option(2, () -> delete(objectExpr(ctx, depth - 1), "'" + pick(KEYS) + "'", false)));
            options.add(new Option(1, () -> {
                Expr key = typed("text", ctx, 0);
                return delete(objectExpr(ctx, depth - 1), key.sql(), key.aggregate());
            }));
        }
        options.add(new Option(1, () -> {
            Expr condition = condition(ctx, 0);
            Expr value = typed("text", ctx, depth - 1);
            return new Expr(prefix + "_build_object(VARIADIC CASE WHEN " + condition.sql() + " THEN ARRAY['"
                    + pick(KEYS) + "', " + value.sql() + "] END)", type, condition.aggregate() || value.aggregate());
        }));
        if (sqlJson) {
            options.add(new Option(3, () -> sqlJsonObject(type, ctx, depth)));
            options.add(new Option(1, () -> sqlJsonArray(type, ctx, depth)));
        }
        if (!ctx.rows().isEmpty()) {
            options.add(new Option(1, () -> Expr.of((type.equals("json") && random.nextBoolean() ? "row_to_json("
                    : "to_" + prefix + "(") + pick(ctx.rows()) + ")", type)));
        }
        options.add(new Option(1, () -> wrap(prefix + "_strip_nulls(", random.nextBoolean()
                ? buildObject(prefix, ctx, depth - 1) : typed(type, ctx, depth - 1), ")", type)));
        if (type.equals("jsonb")) {
            options.add(new Option(2, () -> concat(objectish(ctx, depth - 1), objectish(ctx, depth - 1))));
        }
        options.add(new Option(1, () -> wrap("(", typed(other, ctx, depth - 1), ")::" + type, type)));
        options.add(new Option(1, () -> wrap("((", typed(type, ctx, depth - 1), ") -> '" + pick(KEYS) + "')",
                type)));
        return choose(options);
    }

    private Expr buildObject(String prefix, Ctx ctx, int depth) {
        int pairs = 1 + random.nextInt(4);
        StringBuilder sql = new StringBuilder(prefix).append("_build_object(");
        boolean aggregate = false;
        for (int i = 0; i < pairs; i++) {
            if (i > 0) {
                sql.append(", ");
            }
            if (random.nextInt(50) == 0) {
                Expr key = typed("text", ctx, 0);
                sql.append("COALESCE(").append(key.sql()).append(", 'key')");
                aggregate |= key.aggregate();
            } else {
                sql.append('\'').append(pick(KEYS)).append('\'');
            }
            sql.append(", ");
            if (random.nextInt(8) == 0) {
                sql.append(pick(List.of("NULL", "'x'", "1", "2.5", "true")));
            } else {
                Expr value = any(ctx, depth - 1);
                sql.append(value.sql());
                aggregate |= value.aggregate();
            }
        }
        return new Expr(sql.append(')').toString(), prefix, aggregate, true);
    }

    private Expr buildArray(String prefix, Ctx ctx, int depth) {
        int items = random.nextInt(4);
        List<Expr> values = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            values.add(any(ctx, depth - 1));
        }
        return join(prefix + "_build_array(", values, ")", prefix);
    }

    /** {@code JSON_OBJECT('k' : v, ... [NULL|ABSENT] ON NULL [RETURNING jsonb])} (PostgreSQL 16+). */
    private Expr sqlJsonObject(String type, Ctx ctx, int depth) {
        int pairs = random.nextInt(4);
        List<Expr> values = new ArrayList<>();
        List<String> sql = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Expr value = any(ctx, depth - 1);
            values.add(value);
            sql.add("'" + pick(KEYS) + "'" + (random.nextBoolean() ? " : " : " VALUE ") + value.sql());
        }
        return new Expr("JSON_OBJECT(" + String.join(", ", sql) + (pairs == 0 ? "" : onNull()) + returning(type)
                + ")", type,
                values.stream().anyMatch(Expr::aggregate));
    }

    /** {@code JSON_ARRAY(v, ... [NULL|ABSENT] ON NULL [RETURNING jsonb])} (PostgreSQL 16+). */
    private Expr sqlJsonArray(String type, Ctx ctx, int depth) {
        List<Expr> values = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            values.add(any(ctx, depth - 1));
        }
        return join("JSON_ARRAY(", values, (values.isEmpty() ? "" : onNull()) + returning(type) + ")", type);
    }

    private String onNull() {
        return pick(List.of("", "", " NULL ON NULL", " ABSENT ON NULL"));
    }

    /** Always explicit: without RETURNING, the type is jsonb if any argument is. */
    private static String returning(String type) {
        return " RETURNING " + type;
    }

    /** The first argument of {@code format}/{@code concat_ws}: a format or separator, sometimes NULL. */
    private Expr formatString(Ctx ctx, int depth) {
        if (random.nextBoolean()) {
            return Expr.of(pick(List.of("'%s'", "', '", "'-'")), "text");
        }
        return typed("text", ctx, depth);
    }

    /** Something that is usually a JSON object: built, a child view's data, a literal, or any jsonb. */
    private Expr objectish(Ctx ctx, int depth) {
        int roll = random.nextInt(10);
        List<Expr> viewData = ofType(ctx.refs(), "jsonb").stream().filter(e -> e.sql().endsWith(".data")).toList();
        if (roll < 5) {
            return buildObject("jsonb", ctx, depth);
        }
        List<Expr> objects = objectColumns(ctx);
        if (roll < 6 && !objects.isEmpty()) {
            return pick(objects);
        }
        if (roll < 7 && !viewData.isEmpty()) {
            return pick(viewData);
        }
        if (roll < 8) {
            return Expr.of(pick(List.of("'{}'::jsonb", "'{\"k1\": null, \"meta\": {\"a\": 1}}'::jsonb")), "jsonb");
        }
        return typed("jsonb", ctx, depth);
    }

    /**
     * A jsonb object (or SQL NULL), never a scalar: built, a column a CHECK proves an object, {@code ||} or
     * {@code - 'key'} of objects — FraiseQL's {@code jsonb_build_object(…) || t.data} among them.
     */
    private Expr objectExpr(Ctx ctx, int depth) {
        List<Option> options = new ArrayList<>();
        options.add(new Option(4, () -> buildObject("jsonb", ctx, depth)));
        List<Expr> objects = objectColumns(ctx);
        if (!objects.isEmpty()) {
            options.add(new Option(4, () -> pick(objects)));
        }
        if (depth > 0) {
            options.add(new Option(3, () -> concat(objectExpr(ctx, depth - 1), objectExpr(ctx, depth - 1))));
            options.add(new Option(1, () -> delete(objectExpr(ctx, depth - 1), "'" + pick(KEYS) + "'", false)));
        }
        return choose(options);
    }

    /** The jsonb columns a CHECK (jsonb_typeof(col) = 'object') proves objects. */
    private static List<Expr> objectColumns(Ctx ctx) {
        return ctx.refs().stream().filter(Expr::object).filter(e -> e.type().equals("jsonb")).toList();
    }

    private Expr concat(Expr left, Expr right) {
        Expr both = binary(left, ") || (", right, "jsonb").prefixed("((", "))");
        return new Expr(both.sql(), both.type(), both.aggregate(), left.object() && right.object());
    }

    /** {@code object - key}: the key removed; {@code key} is SQL text. */
    private static Expr delete(Expr object, String key, boolean keyAggregates) {
        return new Expr("((" + object.sql() + ") - " + key + ")", "jsonb", object.aggregate() || keyAggregates,
                object.object());
    }

    private Expr coalesce(String type, Ctx ctx, int depth) {
        List<Expr> args = new ArrayList<>();
        int count = 2 + random.nextInt(2);
        for (int i = 0; i < count - 1; i++) {
            args.add(typed(type, ctx, depth));
        }
        args.add(random.nextInt(5) < 3 ? Expr.of(constant(type), type) : typed(type, ctx, depth));
        return join("COALESCE(", args, ")", type);
    }

    private Expr caseOf(String type, Ctx ctx, int depth) {
        StringBuilder sql = new StringBuilder("CASE");
        boolean aggregate = false;
        int whens = 1 + random.nextInt(2);
        for (int i = 0; i < whens; i++) {
            Expr condition = condition(ctx, depth);
            Expr then = typed(type, ctx, depth);
            sql.append(" WHEN ").append(condition.sql()).append(" THEN ").append(then.sql());
            aggregate |= condition.aggregate() || then.aggregate();
        }
        int roll = random.nextInt(20);
        if (roll < 9) {
            Expr otherwise = typed(type, ctx, depth);
            sql.append(" ELSE ").append(otherwise.sql());
            aggregate |= otherwise.aggregate();
        } else if (roll < 12) {
            sql.append(" ELSE NULL");
        } else if (roll < 15) {
            sql.append(" ELSE ").append(constant(type));
        }
        return new Expr(sql.append(" END").toString(), type, aggregate);
    }

    // ------------------------------------------------------------------------------------------------------
    // Conditions
    // ------------------------------------------------------------------------------------------------------

    /** A boolean condition: {@code IS [NOT] NULL} tests, boolean columns, comparisons, AND/OR/NOT, EXISTS. */
    Expr condition(Ctx ctx, int depth) {
        List<Option> options = new ArrayList<>();
        List<String> checkable = Stream.concat(ctx.nullChecks().stream(), ctx.refs().stream().map(Expr::sql))
                .toList();
        if (!checkable.isEmpty()) {
            options.add(new Option(5, () -> Expr.of((random.nextInt(3) > 0 && !ctx.nullChecks().isEmpty()
                    ? pick(ctx.nullChecks()) : pick(checkable)) + " IS NOT NULL", "boolean")));
            options.add(new Option(1, () -> Expr.of(pick(checkable) + " IS NULL", "boolean")));
        }
        List<Expr> booleans = ofType(ctx.refs(), "boolean");
        if (!booleans.isEmpty()) {
            options.add(new Option(2, () -> pick(booleans)));
        }
        List<Expr> integers = ofType(ctx.refs(), "integer");
        if (!integers.isEmpty()) {
            options.add(new Option(1, () -> Expr.of(pick(integers).sql() + " > 2", "boolean")));
        }
        if (ctx.rootPk() != null) {
            options.add(new Option(1, () -> Expr.of(ctx.rootPk() + " % 2 = 0", "boolean")));
        }
        if (depth > 0) {
            int d = depth - 1;
            options.add(new Option(1, () -> wrap("NOT (", condition(ctx, d), ")", "boolean")));
            options.add(new Option(2, () -> binary(condition(ctx, d), " AND ", condition(ctx, d), "boolean")
                    .prefixed("(", ")")));
            options.add(new Option(1, () -> binary(condition(ctx, d), " OR ", condition(ctx, d), "boolean")
                    .prefixed("(", ")")));
            List<RandomSchema.Table> children = ctx.rootPk() == null ? List.of() : schema.children(ctx.root());
            if (!children.isEmpty()) {
                options.add(new Option(1, () -> {
                    String x = alias();
                    return Expr.of("EXISTS (SELECT 1 FROM " + pick(children).name() + " " + x + " WHERE " + x
                            + ".fk = " + ctx.rootPk() + ")", "boolean");
                }));
            }
        }
        if (ctx.grouped()) {
            options.add(new Option(1, () -> new Expr("count(*) > 1", "boolean", true)));
        }
        options.add(new Option(1, () -> Expr.of(pick(List.of("true", "false")), "boolean")));
        return choose(options);
    }

    // ------------------------------------------------------------------------------------------------------
    // Aggregates and sub-selects
    // ------------------------------------------------------------------------------------------------------

    /** An aggregate of {@code type} over the grouped level {@code ctx}, or {@code null} if there is none. */
    private Expr aggregate(String type, Ctx ctx, int depth) {
        if (!ctx.grouped()) {
            return null;
        }
        Ctx in = ctx.row();
        Expr result = switch (type) {
            case "bigint" -> random.nextBoolean() ? Expr.of("count(*)" + filter(ctx), "bigint")
                    : Expr.of("count(" + any(in, depth).sql() + ")" + filter(ctx), "bigint");
            case "integer", "timestamptz" -> Expr.of(pick(List.of("min(", "max(")) + typed(type, in, depth).sql()
                    + ")" + filter(ctx), type);
            case "numeric" -> switch (random.nextInt(3)) {
                case 0 -> Expr.of("sum(" + typed(random.nextBoolean() ? "bigint" : "numeric", in, depth).sql() + ")"
                        + filter(ctx), "numeric");
                case 1 -> Expr.of("avg(" + typed(pick(List.of("integer", "bigint", "numeric")), in, depth).sql()
                        + ")" + filter(ctx), "numeric");
                default -> Expr.of(pick(List.of("min(", "max(")) + typed("numeric", in, depth).sql() + ")"
                        + filter(ctx), "numeric");
            };
            case "text" -> random.nextBoolean()
                    ? Expr.of(pick(List.of("min(", "max(")) + typed("text", in, depth).sql() + ")" + filter(ctx),
                    "text")
                    : Expr.of("string_agg(" + typed("text", in, depth).sql() + ", ', '" + orderBy(in) + ")"
                    + filter(ctx), "text");
            case "boolean" -> Expr.of(pick(List.of("bool_and(", "bool_or(")) + typed("boolean", in, depth).sql()
                    + ")" + filter(ctx), "boolean");
            case "text[]" -> coalesced("array_agg(" + typed("text", in, depth).sql() + orderBy(in) + ")"
                    + filter(ctx), "text[]", "'{}'::text[]");
            case "jsonb", "json" -> {
                List<Expr> viewData = in.refs().stream().filter(e -> e.sql().endsWith(".data")).toList();
                Expr item = !viewData.isEmpty() && random.nextInt(5) < 2 ? pick(viewData) : any(in, depth);
                String aggregate = sqlJson && random.nextInt(4) == 0
                        ? "JSON_ARRAYAGG(" + item.sql() + orderBy(in) + onNull() + returning(type) + ")"
                        : type + "_agg(" + item.sql() + orderBy(in) + ")";
                yield coalesced(aggregate + filter(ctx), type, "'[]'::" + type);
            }
            default -> null;
        };
        return result == null ? null : new Expr(result.sql(), result.type(), true);
    }

    private Expr coalesced(String aggregate, String type, String empty) {
        return Expr.of(random.nextInt(5) < 2 ? "COALESCE(" + aggregate + ", " + empty + ")" : aggregate, type);
    }

    private String filter(Ctx ctx) {
        if (random.nextInt(20) >= 7) {
            return "";
        }
        String condition = !ctx.filters().isEmpty() && random.nextInt(10) < 7 ? pick(ctx.filters())
                : condition(ctx.row(), 0).sql();
        return " FILTER (WHERE " + condition + ")";
    }

    private String orderBy(Ctx in) {
        List<Expr> orderable = in.refs().stream().filter(e -> !e.type().equals("json")).toList();
        if (orderable.isEmpty() || random.nextInt(5) >= 2) {
            return "";
        }
        return " ORDER BY " + pick(orderable).sql() + (random.nextBoolean() ? " DESC" : "");
    }

    /** A correlated scalar sub-select of {@code type}, or {@code null} when the root has no related table. */
    private Expr subSelect(String type, Ctx ctx, int depth) {
        List<Option> options = new ArrayList<>();
        List<RandomSchema.Table> children = ctx.rootPk() == null ? List.of() : schema.children(ctx.root());
        if (!children.isEmpty()) {
            options.add(new Option(3, () -> firstChild(type, pick(children), ctx, depth)));
            options.add(new Option(3, () -> childAggregate(type, pick(children), ctx, depth)));
        }
        if (ctx.rootFk() != null && ctx.root().hasParent()) {
            options.add(new Option(2, () -> parentRow(type, ctx, depth)));
        }
        return options.isEmpty() ? null : choose(options);
    }

    /** {@code ARRAY(SELECT ... FROM child)} of {@code element} items, or {@code null} without a child table. */
    private Expr arraySubSelect(String element, Ctx ctx, int depth) {
        List<RandomSchema.Table> children = ctx.rootPk() == null ? List.of() : schema.children(ctx.root());
        if (children.isEmpty()) {
            return null;
        }
        RandomSchema.Table child = pick(children);
        String x = alias();
        StringBuilder from = new StringBuilder(child.name()).append(' ').append(x);
        Ctx inner = childLevel(child, x, from, ctx);
        return Expr.of("ARRAY(SELECT " + typed(element, inner, depth).sql() + " FROM " + from
                + " WHERE " + x + ".fk = " + ctx.rootPk() + " ORDER BY " + x + ".pk)", element + "[]");
    }

    private Expr firstChild(String type, RandomSchema.Table child, Ctx ctx, int depth) {
        String x = alias();
        StringBuilder from = new StringBuilder(child.name()).append(' ').append(x);
        Ctx inner = childLevel(child, x, from, ctx);
        return Expr.of("(SELECT " + typed(type, inner, depth).sql() + " FROM " + from + " WHERE " + x + ".fk = "
                + ctx.rootPk() + " ORDER BY " + x + ".pk LIMIT 1)", type);
    }

    /** The level of a sub-select over {@code child} (optionally joined to a view of it), correlated to ctx. */
    Ctx childLevel(RandomSchema.Table child, String x, StringBuilder from, Ctx outer) {
        List<Expr> refs = new ArrayList<>(columns(x, child));
        List<String> rows = new ArrayList<>(List.of(x));
        List<String> checks = new ArrayList<>();
        List<RandomSchema.View> views = schema.viewsOf(child, true);
        if (!views.isEmpty() && random.nextInt(5) < 2) {
            String vx = alias();
            RandomSchema.View view = pick(views);
            from.append(random.nextBoolean() ? " LEFT JOIN " : " JOIN ").append(view.name()).append(' ')
                    .append(vx).append(" ON ").append(vx).append(".id = ").append(x).append(".pk");
            refs.addAll(columns(vx, view));
            rows.add(vx);
            checks.add(vx + ".id");
        }
        refs.addAll(outer.refs());
        rows.addAll(outer.rows());
        return new Ctx(refs, rows, checks, child, x + ".pk", x + ".fk", null, List.of());
    }

    /**
     * The grouped level of a query over {@code child} (optionally joined to a view of it, appended to
     * {@code from}): {@code outer} gives what may be used outside aggregates, the child's columns are aggregate
     * arguments only.
     */
    Ctx aggregateLevel(RandomSchema.Table child, String x, StringBuilder from, Ctx outer) {
        Ctx inner = childLevel(child, x, from, new Ctx(List.of(), List.of(), List.of(), null, null, null, null,
                List.of()));
        List<String> filters = new ArrayList<>();
        inner.nullChecks().forEach(check -> filters.add(check + " IS NOT NULL"));
        inner.refs().stream().filter(r -> r.sql().startsWith(x + ".c")).findFirst()
                .ifPresent(r -> filters.add(r.sql() + " IS NOT NULL"));
        return new Ctx(outer.refs(), outer.rows(), outer.nullChecks(), outer.root(), outer.rootPk(), outer.rootFk(),
                inner, filters);
    }

    /** Mostly an aggregate of {@code type} over the grouped level {@code ctx}; else any expression of it. */
    Expr aggregateOrTyped(String type, Ctx ctx, int depth) {
        Expr value = random.nextInt(10) < 7 ? aggregate(type, ctx, depth) : null;
        return value != null ? value : typed(type, ctx, depth);
    }

    private Expr childAggregate(String type, RandomSchema.Table child, Ctx ctx, int depth) {
        String x = alias();
        StringBuilder from = new StringBuilder(child.name()).append(' ').append(x);
        Expr value = aggregateOrTyped(type, aggregateLevel(child, x, from, ctx), depth);
        return Expr.of("(SELECT " + value.sql() + " FROM " + from + " WHERE " + x + ".fk = " + ctx.rootPk()
                + (value.aggregate() ? "" : " LIMIT 1") + ")", type);
    }

    private Expr parentRow(String type, Ctx ctx, int depth) {
        RandomSchema.Table parent = ctx.root().parent();
        String x = alias();
        List<Expr> refs = new ArrayList<>(columns(x, parent));
        refs.addAll(ctx.refs());
        List<String> rows = new ArrayList<>(List.of(x));
        rows.addAll(ctx.rows());
        Ctx inner = new Ctx(refs, rows, List.of(), parent, x + ".pk", parent.hasParent() ? x + ".fk" : null, null,
                List.of());
        return Expr.of("(SELECT " + typed(type, inner, depth).sql() + " FROM " + parent.name() + " " + x + " WHERE "
                + x + ".pk = " + ctx.rootFk() + ")", type);
    }

    // ------------------------------------------------------------------------------------------------------
    // Constants and helpers
    // ------------------------------------------------------------------------------------------------------

    /** A typed constant of {@code type}. */
    String constant(String type) {
        return switch (type) {
            case "integer" -> pick(List.of("0", "7", "-3", "42"));
            case "bigint" -> pick(List.of("0::bigint", "9007199254740993::bigint", "-1::bigint"));
            case "numeric" -> pick(List.of("2.5", "0.125", "3::numeric", "-1.75"));
            case "text" -> pick(List.of("'x'::text", "''::text", "'it''s'::text", "'k1'::text"));
            case "boolean" -> pick(List.of("true", "false"));
            case "timestamptz" -> "'2024-02-29 12:00:00+00'::timestamptz";
            case "uuid" -> "'6f1c1b8e-0000-4000-8000-000000000001'::uuid";
            case "text[]" -> pick(List.of("ARRAY['a', NULL]::text[]", "'{}'::text[]", "ARRAY['b']::text[]"));
            case "jsonb" -> pick(List.of("'{}'::jsonb", "'[]'::jsonb", "'{\"k1\": 1, \"k2\": null}'::jsonb",
                    "'null'::jsonb", "'[1, \"a\", null]'::jsonb", "'\"s\"'::jsonb", "'2.5'::jsonb",
                    "'{\"items\": [{\"id\": 1}]}'::jsonb"));
            case "json" -> pick(List.of("'{\"k1\": [1, 2]}'::json", "'[]'::json", "'null'::json", "'{}'::json"));
            default -> "'{}'::" + type;
        };
    }

    String randomType() {
        return pick(TYPES);
    }

    /** Any type but an array type. */
    private String randomScalarType() {
        String type = randomType();
        return type.endsWith("[]") ? "text" : type;
    }

    private static List<Expr> ofType(List<Expr> refs, String type) {
        return refs.stream().filter(e -> e.type().equals(type)).toList();
    }

    private Expr choose(List<Option> options) {
        List<Option> left = new ArrayList<>(options);
        while (!left.isEmpty()) {
            int total = left.stream().mapToInt(Option::weight).sum();
            int roll = random.nextInt(total);
            Option chosen = null;
            for (Option option : left) {
                roll -= option.weight();
                if (roll < 0) {
                    chosen = option;
                    break;
                }
            }
            Expr made = chosen.make().get();
            if (made != null) {
                return made;
            }
            left.remove(chosen);
        }
        throw new IllegalStateException("no option produced an expression");
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static Expr wrap(String before, Expr inner, String after, String type) {
        return new Expr(before + inner.sql() + after, type, inner.aggregate());
    }

    private static Expr binary(Expr left, String operator, Expr right, String type) {
        return new Expr(left.sql() + operator + right.sql(), type, left.aggregate() || right.aggregate());
    }

    private static Expr join(String before, List<Expr> items, String after, String type) {
        return new Expr(before + String.join(", ", items.stream().map(Expr::sql).toList()) + after, type,
                items.stream().anyMatch(Expr::aggregate));
    }
}
