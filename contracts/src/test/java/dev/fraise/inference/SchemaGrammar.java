package dev.fraise.inference;

import dev.fraise.inference.ExpressionGrammar.Ctx;
import dev.fraise.inference.ExpressionGrammar.Expr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates a random schema from a grammar of FraiseQL view patterns: 2–4 tables (random column types, NOT NULL
 * or not, CHECKs on jsonb_typeof, a free-form {@code doc} object, a foreign key to an earlier table or none) with
 * random rows (NULLs, parents without children), then 5–9 views, each embedding earlier views, built from one of
 * these templates:
 * <ul>
 *   <li>flat: a root table with INNER/LEFT/RIGHT/FULL joins to its parent and to views, a one-to-many LEFT JOIN,
 *       a LATERAL subquery, an optional WHERE;</li>
 *   <li>grouped: {@code GROUP BY} the root's key over LEFT or INNER joined children and their views;</li>
 *   <li>subquery or CTE: the data built from the output columns of an inner flat or grouped query;</li>
 *   <li>aggregate CTE: children aggregated per foreign key in a CTE, LEFT JOINed to the root;</li>
 *   <li>UNION [ALL] of two queries, and a UNION ALL subquery feeding the data.</li>
 * </ul>
 * Some views also get a {@code tv_} table filled from them.
 */
final class SchemaGrammar {

    private static final int DATA_DEPTH = 3;

    private final Random random;
    private final RandomSchema schema = new RandomSchema();
    private final ExpressionGrammar expressions;
    private final Map<RandomSchema.Table, Integer> rowCounts = new HashMap<>();

    private SchemaGrammar(Random random, int major) {
        this.random = random;
        this.expressions = new ExpressionGrammar(random, schema, major);
    }

    /** A random schema for a server of the given major version. */
    static RandomSchema generate(Random random, int major) {
        return new SchemaGrammar(random, major).build();
    }

    private RandomSchema build() {
        int tables = 2 + random.nextInt(3);
        for (int i = 0; i < tables; i++) {
            table(i);
        }
        int views = 5 + random.nextInt(5);
        for (int i = 0; i < views; i++) {
            view("v_" + i);
        }
        for (RandomSchema.View view : schema.views()) {
            if (random.nextInt(4) == 0) {
                projection(view);
            }
        }
        return schema;
    }

    // ------------------------------------------------------------------------------------------------------
    // Tables and rows
    // ------------------------------------------------------------------------------------------------------

    private void table(int index) {
        String name = "tb_" + (char) ('a' + index);
        RandomSchema.Table parent = index > 0 && random.nextInt(10) < 8
                ? schema.tables().get(random.nextInt(index)) : null;
        List<RandomSchema.Column> columns = new ArrayList<>();
        columns.add(new RandomSchema.Column("pk", "integer", true));
        if (parent != null) {
            columns.add(new RandomSchema.Column("fk", "integer", random.nextBoolean()));
        }
        int extra = 2 + random.nextInt(4);
        for (int i = 1; i <= extra; i++) {
            String type = expressions.pick(ExpressionGrammar.COLUMN_TYPES);
            String check = !type.equals("jsonb") ? "" : expressions.pick(List.of("", "= 'object'", "= 'object'",
                    "<> 'null'"));
            columns.add(new RandomSchema.Column("c" + i, type, random.nextBoolean(), check));
        }
        if (random.nextInt(3) == 0) {
            columns.add(new RandomSchema.Column("doc", "jsonb", random.nextBoolean(), "= 'object'"));
        }
        RandomSchema.Table table = new RandomSchema.Table(name, columns, parent);
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(name).append(" (");
        for (RandomSchema.Column column : columns) {
            if (!column.name().equals("pk")) {
                ddl.append(", ");
            }
            ddl.append(column.name()).append(' ').append(column.type());
            if (column.name().equals("pk")) {
                ddl.append(" PRIMARY KEY");
            } else if (column.notNull()) {
                ddl.append(" NOT NULL");
            }
            if (!column.jsonCheck().isEmpty()) {
                ddl.append(" CHECK (jsonb_typeof(").append(column.name()).append(") ").append(column.jsonCheck())
                        .append(')');
            }
            if (column.name().equals("fk")) {
                ddl.append(" REFERENCES ").append(parent.name()).append(" (pk)");
            }
        }
        ddl.append(')');
        int parentRows = parent == null ? 0 : rowCounts.get(parent);
        boolean fkNotNull = parent != null && columns.get(1).notNull();
        int rows = random.nextInt(20) == 0 || (fkNotNull && parentRows == 0) ? 0 : 1 + random.nextInt(8);
        rowCounts.put(table, rows);
        schema.addTable(table, ddl.toString(), rows == 0 ? null : insert(table, rows, parentRows), rows);
    }

    private String insert(RandomSchema.Table table, int rows, int parentRows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.name()).append(" (")
                .append(String.join(", ", table.columns().stream().map(RandomSchema.Column::name).toList()))
                .append(") VALUES ");
        for (int row = 1; row <= rows; row++) {
            sql.append(row > 1 ? ", (" : "(").append(row);
            for (RandomSchema.Column column : table.columns().subList(1, table.columns().size())) {
                sql.append(", ");
                if (column.name().equals("fk")) {
                    boolean none = parentRows == 0 || (!column.notNull() && random.nextInt(5) == 0);
                    sql.append(none ? "NULL" : String.valueOf(1 + random.nextInt(parentRows)));
                } else if (!column.notNull() && random.nextInt(20) < 7) {
                    sql.append("NULL");
                } else {
                    sql.append(value(column));
                }
            }
            sql.append(')');
        }
        return sql.toString();
    }

    private String value(RandomSchema.Column column) {
        if (column.object()) {
            return expressions.pick(List.of("'{\"k1\": 1}'", "'{}'", "'{\"k2\": {\"k1\": null}}'",
                    "'{\"id\": 3, \"name\": null, \"k1\": \"x\"}'", "'{\"items\": [1], \"meta\": \"m\"}'"));
        }
        if (!column.jsonCheck().isEmpty()) {
            return expressions.pick(List.of("'{\"k1\": 1}'", "'[1, null]'", "'\"s\"'", "'{}'", "'3.5'", "'true'"));
        }
        return value(column.type());
    }

    private String value(String type) {
        return switch (type) {
            case "integer" -> String.valueOf(random.nextInt(200) - 20);
            case "bigint" -> random.nextInt(4) == 0 ? "9007199254740993" : String.valueOf(random.nextInt(100000));
            case "numeric" -> random.nextInt(25) == 0 ? "'NaN'" : String.format(Locale.ROOT, "%d.%02d",
                    random.nextInt(100) - 10, random.nextInt(100));
            case "text" -> expressions.pick(List.of("''", "'a'", "'hello world'", "'O''Neil'", "'ünï'", "'k1'"));
            case "boolean" -> random.nextBoolean() ? "true" : "false";
            case "timestamptz" -> random.nextInt(15) == 0 ? "'infinity'"
                    : "'2024-01-0" + (1 + random.nextInt(9)) + " 10:00:00+00'";
            case "uuid" -> "'" + new UUID(random.nextLong(), random.nextLong()) + "'";
            case "text[]" -> random.nextInt(12) == 0 ? "'{{a,b},{c,NULL}}'"
                    : expressions.pick(List.of("'{}'", "'{a,NULL}'", "'{x}'", "ARRAY['p', 'q']"));
            case "jsonb" -> expressions.pick(List.of("'{\"k1\": 1}'", "'[1, null]'", "'null'", "'\"s\"'", "'{}'",
                    "'{\"k2\": {\"k1\": null}}'", "'3.5'", "'true'"));
            default -> throw new IllegalArgumentException(type);
        };
    }

    // ------------------------------------------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------------------------------------------

    /** A FROM clause with its WHERE and GROUP BY, and what the select list may use. */
    private record Source(String from, String where, String groupBy, Ctx ctx, boolean unique) {

        String clauses() {
            return " FROM " + from + (where == null ? "" : " WHERE " + where)
                    + (groupBy == null ? "" : " GROUP BY " + groupBy);
        }

        String clausesAnd(String condition) {
            return " FROM " + from + " WHERE " + (where == null ? condition : "(" + where + ") AND " + condition)
                    + (groupBy == null ? "" : " GROUP BY " + groupBy);
        }
    }

    private void view(String name) {
        RandomSchema.Table root = expressions.pick(schema.tables());
        boolean hasChildren = !schema.children(root).isEmpty();
        int roll = random.nextInt(100);
        RandomSchema.View view;
        if (roll < 35) {
            Source source = flatSource(root, true);
            view = plain(name, root, source);
        } else if (roll < 60 && hasChildren) {
            view = plain(name, root, groupedSource(root));
        } else if (roll < 75) {
            view = subquery(name, root);
        } else if (roll < 83 && hasChildren) {
            view = childAggregateCte(name, root);
        } else if (roll < 91) {
            view = union(name, root);
        } else if (roll < 96) {
            view = unionSubquery(name, root);
        } else {
            view = recursive(name, root);
        }
        schema.addView(view);
    }

    private RandomSchema.View plain(String name, RandomSchema.Table root, Source source) {
        Expr data = expressions.data(source.ctx(), DATA_DEPTH);
        return new RandomSchema.View(name, root, source.unique(), data.type(), "CREATE VIEW " + name
                + " AS SELECT " + source.ctx().rootPk() + " AS id, " + data.sql() + " AS data" + source.clauses());
    }

    private Source flatSource(RandomSchema.Table root, boolean oneToMany) {
        List<Expr> refs = new ArrayList<>(ExpressionGrammar.columns("r", root));
        List<String> rows = new ArrayList<>(List.of("r"));
        List<String> checks = new ArrayList<>();
        StringBuilder from = new StringBuilder(root.name()).append(" r");
        boolean unique = true;
        if (root.hasParent() && random.nextInt(10) < 6) {
            joinParent(root.parent(), from, refs, rows, checks);
        }
        joinViews(root, from, refs, rows, checks, random.nextInt(3));
        if (random.nextInt(10) == 0) {
            joinValues(from, refs, rows, checks);
        }
        if (oneToMany && !schema.children(root).isEmpty() && random.nextInt(5) == 0) {
            RandomSchema.Table child = expressions.pick(schema.children(root));
            from.append(" LEFT JOIN ").append(child.name()).append(" c ON c.fk = r.pk");
            refs.addAll(ExpressionGrammar.columns("c", child));
            rows.add("c");
            checks.add("c.pk");
            unique = false;
        }
        Ctx sofar = new Ctx(List.copyOf(refs), List.copyOf(rows), List.copyOf(checks), root, "r.pk",
                root.hasParent() ? "r.fk" : null, null, List.of());
        if (random.nextInt(4) == 0) {
            lateral(root, from, refs, rows, checks, sofar);
        }
        Ctx ctx = new Ctx(refs, rows, checks, root, "r.pk", root.hasParent() ? "r.fk" : null, null, List.of());
        return new Source(from.toString(), where(ctx), null, ctx, unique);
    }

    /**
     * Joins the parent: on the foreign key, as a parenthesised join with a view of the parent, or {@code USING
     * (pk) AS j} (the merged key then read through the join alias).
     */
    private void joinParent(RandomSchema.Table parent, StringBuilder from, List<Expr> refs, List<String> rows,
            List<String> checks) {
        String join = expressions.pick(List.of("JOIN", "JOIN", "JOIN", "LEFT JOIN", "LEFT JOIN", "LEFT JOIN",
                "RIGHT JOIN", "FULL JOIN"));
        List<RandomSchema.View> parentViews = schema.viewsOf(parent, true);
        int roll = random.nextInt(10);
        if (roll < 2 && !parentViews.isEmpty()) {
            RandomSchema.View view = expressions.pick(parentViews);
            from.append(' ').append(join).append(" (").append(parent.name()).append(" p ")
                    .append(expressions.pick(List.of("JOIN", "LEFT JOIN", "FULL JOIN"))).append(' ')
                    .append(view.name()).append(" pv ON pv.id = p.pk) ON p.pk = r.fk");
            refs.addAll(ExpressionGrammar.columns("pv", view));
            rows.add("pv");
            checks.add("pv.id");
        } else if (roll < 3) {
            from.append(' ').append(join).append(' ').append(parent.name()).append(" p USING (pk) AS j");
            refs.add(Expr.of("j.pk", "integer"));
            checks.add("j.pk");
        } else {
            from.append(' ').append(join).append(' ').append(parent.name()).append(" p ON p.pk = r.fk");
        }
        refs.addAll(ExpressionGrammar.columns("p", parent));
        rows.add("p");
        checks.add("p.pk");
    }

    /** Joins a VALUES list keyed by the root's key. */
    private void joinValues(StringBuilder from, List<Expr> refs, List<String> rows, List<String> checks) {
        String type = expressions.randomType();
        List<String> values = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            values.add("(" + k + ", " + (random.nextInt(3) == 0 ? "NULL::" + type : expressions.constant(type))
                    + ")");
        }
        from.append(random.nextBoolean() ? " JOIN" : " LEFT JOIN").append(" (VALUES ")
                .append(String.join(", ", values)).append(") AS vals (k, label) ON vals.k = r.pk");
        refs.add(Expr.of("vals.k", "integer"));
        refs.add(Expr.of("vals.label", type));
        rows.add("vals");
        checks.add("vals.k");
    }

    /** Joins up to {@code count} unique earlier views of the root (on its key) or of its parent (on its fk). */
    private void joinViews(RandomSchema.Table root, StringBuilder from, List<Expr> refs, List<String> rows,
            List<String> checks, int count) {
        for (int i = 0; i < count; i++) {
            List<RandomSchema.View> candidates = new ArrayList<>(schema.viewsOf(root, true));
            if (root.hasParent()) {
                candidates.addAll(schema.viewsOf(root.parent(), true));
            }
            if (candidates.isEmpty()) {
                return;
            }
            RandomSchema.View view = expressions.pick(candidates);
            String alias = "v" + i;
            String join = expressions.pick(List.of("JOIN", "JOIN", "JOIN", "LEFT JOIN", "LEFT JOIN", "LEFT JOIN",
                    "LEFT JOIN", "RIGHT JOIN", "FULL JOIN"));
            from.append(' ').append(join).append(' ').append(view.name()).append(' ').append(alias).append(" ON ")
                    .append(alias).append(".id = ").append(view.root() == root ? "r.pk" : "r.fk");
            refs.addAll(ExpressionGrammar.columns(alias, view));
            rows.add(alias);
            checks.add(alias + ".id");
        }
    }

    /** A LATERAL subquery over a child (aggregated, or its first row) or over the parent row. */
    private void lateral(RandomSchema.Table root, StringBuilder from, List<Expr> refs, List<String> rows,
            List<String> checks, Ctx outer) {
        List<RandomSchema.Table> children = schema.children(root);
        String x = expressions.alias();
        String type = expressions.randomType();
        if (!children.isEmpty()) {
            RandomSchema.Table child = expressions.pick(children);
            StringBuilder inner = new StringBuilder(child.name()).append(' ').append(x);
            if (random.nextInt(3) == 0) {
                Ctx aggregated = expressions.aggregateLevel(child, x, inner, outer);
                Expr value = expressions.aggregateOrTyped(type, aggregated, 2);
                from.append(" CROSS JOIN LATERAL (SELECT count(*) AS n, ").append(value.sql()).append(" AS a FROM ")
                        .append(inner).append(" WHERE ").append(x).append(".fk = r.pk) l");
                refs.add(Expr.of("l.n", "bigint"));
            } else {
                Ctx level = expressions.childLevel(child, x, inner, outer);
                Expr value = expressions.typed(type, level, 2);
                from.append(random.nextBoolean() ? " LEFT JOIN" : " JOIN").append(" LATERAL (SELECT ").append(x)
                        .append(".pk, ").append(value.sql()).append(" AS a FROM ").append(inner).append(" WHERE ")
                        .append(x).append(".fk = r.pk ORDER BY ").append(x).append(".pk LIMIT 1) l ON true");
                refs.add(Expr.of("l.pk", "integer"));
                checks.add("l.pk");
            }
        } else if (root.hasParent()) {
            List<Expr> levelRefs = new ArrayList<>(ExpressionGrammar.columns(x, root.parent()));
            levelRefs.addAll(outer.refs());
            Ctx level = new Ctx(levelRefs, List.of(x), List.of(), root.parent(), x + ".pk",
                    root.parent().hasParent() ? x + ".fk" : null, null, List.of());
            Expr value = expressions.typed(type, level, 2);
            from.append(" LEFT JOIN LATERAL (SELECT ").append(x).append(".pk, ").append(value.sql())
                    .append(" AS a FROM ").append(root.parent().name()).append(' ').append(x).append(" WHERE ")
                    .append(x).append(".pk = r.fk) l ON true");
            refs.add(Expr.of("l.pk", "integer"));
            checks.add("l.pk");
        } else {
            return;
        }
        refs.add(Expr.of("l.a", type));
        rows.add("l");
    }

    private String where(Ctx ctx) {
        if (random.nextInt(10) >= 3) {
            return null;
        }
        if (!ctx.nullChecks().isEmpty() && random.nextInt(10) < 6) {
            return expressions.pick(ctx.nullChecks()) + " IS NOT NULL";
        }
        return expressions.condition(ctx, 1).sql();
    }

    private Source groupedSource(RandomSchema.Table root) {
        List<Expr> refs = new ArrayList<>(ExpressionGrammar.columns("r", root));
        List<String> rows = new ArrayList<>(List.of("r"));
        List<String> checks = new ArrayList<>();
        List<String> groupBy = new ArrayList<>(List.of("r.pk"));
        StringBuilder from = new StringBuilder(root.name()).append(" r");
        if (root.hasParent() && random.nextInt(10) < 4) {
            from.append(random.nextBoolean() ? " JOIN " : " LEFT JOIN ").append(root.parent().name())
                    .append(" p ON p.pk = r.fk");
            refs.addAll(ExpressionGrammar.columns("p", root.parent()));
            rows.add("p");
            checks.add("p.pk");
            groupBy.add("p.pk");
        }
        List<RandomSchema.View> sameRoot = schema.viewsOf(root, true).stream()
                .filter(v -> v.dataType().equals("jsonb")).toList();
        if (!sameRoot.isEmpty() && random.nextInt(4) == 0) {
            RandomSchema.View view = expressions.pick(sameRoot);
            from.append(random.nextBoolean() ? " JOIN " : " LEFT JOIN ").append(view.name())
                    .append(" v0 ON v0.id = r.pk");
            refs.addAll(ExpressionGrammar.columns("v0", view));
            checks.add("v0.id");
            groupBy.add("v0.id");
            groupBy.add("v0.data");
        }
        RandomSchema.Table child = expressions.pick(schema.children(root));
        from.append(random.nextInt(3) == 0 ? " JOIN " : " LEFT JOIN ").append(child.name())
                .append(" c ON c.fk = r.pk");
        List<Expr> rowRefs = new ArrayList<>(refs);
        rowRefs.addAll(ExpressionGrammar.columns("c", child));
        List<String> rowRows = new ArrayList<>(rows);
        rowRows.add("c");
        List<String> rowChecks = new ArrayList<>(checks);
        rowChecks.add("c.pk");
        List<String> filters = new ArrayList<>(List.of("c.pk IS NOT NULL"));
        List<RandomSchema.View> childViews = schema.viewsOf(child, true);
        if (!childViews.isEmpty() && random.nextBoolean()) {
            RandomSchema.View view = expressions.pick(childViews);
            from.append(random.nextInt(3) == 0 ? " JOIN " : " LEFT JOIN ").append(view.name())
                    .append(" vc ON vc.id = c.pk");
            rowRefs.addAll(ExpressionGrammar.columns("vc", view));
            rowRows.add("vc");
            rowChecks.add("vc.id");
            filters.add("vc.id IS NOT NULL");
        }
        child.columns().stream().filter(c -> c.name().startsWith("c") && !c.notNull()).findFirst()
                .ifPresent(c -> filters.add("c." + c.name() + " IS NOT NULL"));
        String fk = root.hasParent() ? "r.fk" : null;
        Ctx rowLevel = new Ctx(rowRefs, rowRows, rowChecks, root, "r.pk", fk, null, List.of());
        String grouping = String.join(", ", groupBy);
        if (random.nextInt(7) == 0) {
            String all = String.join(", ", refs.stream().map(Expr::sql).toList());
            grouping = random.nextBoolean() ? "GROUPING SETS ((" + all + "), ())" : "ROLLUP ((" + all + "))";
            rows = List.of();
        }
        Ctx ctx = new Ctx(refs, rows, checks, root, "r.pk", fk, rowLevel, filters);
        return new Source(from.toString(), random.nextInt(4) == 0 ? where(rowLevel) : null, grouping, ctx, true);
    }

    /** The data built from an inner query's output columns, the inner query a FROM subquery or a CTE. */
    private RandomSchema.View subquery(String name, RandomSchema.Table root) {
        Source inner = !schema.children(root).isEmpty() && random.nextBoolean() ? groupedSource(root)
                : flatSource(root, false);
        boolean cte = random.nextBoolean();
        String s = cte ? "w" : "s";
        StringBuilder select = new StringBuilder("SELECT r.pk AS id");
        List<Expr> refs = new ArrayList<>(List.of(Expr.of(s + ".id", "integer")));
        if (root.hasParent()) {
            select.append(", r.fk AS fk");
            refs.add(Expr.of(s + ".fk", "integer"));
        }
        int columns = 1 + random.nextInt(4);
        for (int i = 1; i <= columns; i++) {
            String type = expressions.randomType();
            select.append(", ").append(expressions.typed(type, inner.ctx(), 2).sql()).append(" AS a").append(i);
            refs.add(Expr.of(s + ".a" + i, type));
        }
        select.append(inner.clauses());
        StringBuilder from = new StringBuilder(cte ? "w" : "(" + select + ") s");
        List<String> rows = new ArrayList<>(List.of(s));
        List<String> checks = new ArrayList<>();
        List<RandomSchema.View> views = schema.viewsOf(root, true);
        if (!views.isEmpty() && random.nextBoolean()) {
            RandomSchema.View view = expressions.pick(views);
            from.append(random.nextBoolean() ? " JOIN " : " LEFT JOIN ").append(view.name()).append(" v0 ON v0.id = ")
                    .append(s).append(".id");
            refs.addAll(ExpressionGrammar.columns("v0", view));
            rows.add("v0");
            checks.add("v0.id");
        }
        Ctx ctx = new Ctx(refs, rows, checks, root, s + ".id", root.hasParent() ? s + ".fk" : null, null,
                List.of());
        Expr data = expressions.data(ctx, DATA_DEPTH);
        return new RandomSchema.View(name, root, inner.unique(), data.type(), "CREATE VIEW " + name + " AS "
                + (cte ? "WITH w AS (" + select + ") " : "") + "SELECT " + s + ".id, " + data.sql() + " AS data FROM "
                + from);
    }

    /** Children aggregated per foreign key in a CTE, LEFT JOINed to the root. */
    private RandomSchema.View childAggregateCte(String name, RandomSchema.Table root) {
        RandomSchema.Table child = expressions.pick(schema.children(root));
        String x = expressions.alias();
        StringBuilder inner = new StringBuilder(child.name()).append(' ').append(x);
        Ctx grouped = expressions.aggregateLevel(child, x, inner, new Ctx(List.of(Expr.of(x + ".fk", "integer")),
                List.of(), List.of(), child, null, x + ".fk", null, List.of()));
        String type = expressions.randomType();
        Expr items = expressions.aggregateOrTyped(type, grouped, 2);
        String query = "SELECT " + x + ".fk, count(*) AS n, " + items.sql() + " AS items FROM " + inner
                + " GROUP BY " + x + ".fk";
        boolean asCte = random.nextBoolean();
        List<Expr> refs = new ArrayList<>(ExpressionGrammar.columns("r", root));
        refs.addAll(List.of(Expr.of("k.fk", "integer"), Expr.of("k.n", "bigint"), Expr.of("k.items", type)));
        Ctx ctx = new Ctx(refs, List.of("r", "k"), List.of("k.fk", "k.n"), root, "r.pk",
                root.hasParent() ? "r.fk" : null, null, List.of());
        Expr data = expressions.data(ctx, DATA_DEPTH);
        String where = where(ctx);
        return new RandomSchema.View(name, root, true, data.type(), "CREATE VIEW " + name + " AS "
                + (asCte ? "WITH k AS (" + query + ") " : "") + "SELECT r.pk AS id, " + data.sql() + " AS data FROM "
                + root.name() + " r " + (random.nextInt(4) == 0 ? "JOIN " : "LEFT JOIN ")
                + (asCte ? "k" : "(" + query + ") k") + " ON k.fk = r.pk" + (where == null ? "" : " WHERE " + where));
    }

    /** Two queries of the root, even and odd keys, their data as jsonb, under UNION ALL or UNION. */
    private RandomSchema.View union(String name, RandomSchema.Table root) {
        List<String> branches = new ArrayList<>();
        for (String parity : List.of("r.pk % 2 = 0", "r.pk % 2 <> 0")) {
            Source source = !schema.children(root).isEmpty() && random.nextInt(3) == 0 ? groupedSource(root)
                    : flatSource(root, false);
            Expr data = expressions.data(source.ctx(), DATA_DEPTH);
            String value = data.type().equals("jsonb") ? data.sql() : "(" + data.sql() + ")::jsonb";
            branches.add("SELECT r.pk AS id, " + value + " AS data" + source.clausesAnd(parity));
        }
        return new RandomSchema.View(name, root, true, "jsonb", "CREATE VIEW " + name + " AS "
                + String.join(random.nextInt(3) == 0 ? " UNION " : " UNION ALL ", branches));
    }

    /** A UNION ALL of two or three queries of the root in a subquery whose columns feed the data. */
    private RandomSchema.View unionSubquery(String name, RandomSchema.Table root) {
        int columns = 1 + random.nextInt(3);
        List<String> types = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            types.add(expressions.randomType());
        }
        List<String> branches = new ArrayList<>();
        int count = 2 + random.nextInt(2);
        for (int b = 0; b < count; b++) {
            Source source = !schema.children(root).isEmpty() && random.nextInt(3) == 0 ? groupedSource(root)
                    : flatSource(root, false);
            StringBuilder select = new StringBuilder("SELECT r.pk AS id");
            for (int i = 0; i < columns; i++) {
                select.append(", ").append(expressions.typed(types.get(i), source.ctx(), 2).sql()).append(" AS a")
                        .append(i + 1);
            }
            branches.add(select + source.clauses());
        }
        List<Expr> refs = new ArrayList<>(List.of(Expr.of("u.id", "integer")));
        for (int i = 0; i < columns; i++) {
            refs.add(Expr.of("u.a" + (i + 1), types.get(i)));
        }
        Ctx ctx = new Ctx(refs, List.of("u"), List.of(), root, "u.id", null, null, List.of());
        Expr data = expressions.data(ctx, DATA_DEPTH);
        return new RandomSchema.View(name, root, false, data.type(), "CREATE VIEW " + name + " AS SELECT u.id, "
                + data.sql() + " AS data FROM (" + String.join(" UNION ALL ", branches) + ") u");
    }

    /**
     * A WITH RECURSIVE walk from each root row to the rows of the next keys (best effort for inference: the
     * recursive column {@code a} may change shape from one step to the next).
     */
    private RandomSchema.View recursive(String name, RandomSchema.Table root) {
        String type = expressions.randomType();
        Ctx anchor = new Ctx(ExpressionGrammar.columns("r", root), List.of("r"), List.of(), root, null, null, null,
                List.of());
        List<Expr> stepRefs = new ArrayList<>(ExpressionGrammar.columns("x", root));
        stepRefs.addAll(List.of(Expr.of("walk.id", "integer"), Expr.of("walk.depth", "integer"),
                Expr.of("walk.a", type)));
        Ctx step = new Ctx(stepRefs, List.of("x"), List.of(), root, null, null, null, List.of());
        String cte = "WITH RECURSIVE walk (id, cur, depth, a) AS (SELECT r.pk, r.pk, 0, "
                + expressions.typed(type, anchor, 2).sql() + " FROM " + root.name() + " r UNION ALL SELECT walk.id,"
                + " x.pk, walk.depth + 1, " + expressions.typed(type, step, 2).sql() + " FROM walk JOIN "
                + root.name() + " x ON x.pk = walk.cur + 1 WHERE walk.depth < 2)";
        Ctx ctx = new Ctx(List.of(Expr.of("walk.id", "integer"), Expr.of("walk.depth", "integer"),
                Expr.of("walk.a", type)), List.of("walk"), List.of(), root, "walk.id", null, null, List.of());
        Expr data = expressions.data(ctx, DATA_DEPTH);
        return new RandomSchema.View(name, root, false, data.type(), "CREATE VIEW " + name + " AS " + cte
                + " SELECT walk.id, " + data.sql() + " AS data FROM walk");
    }

    /**
     * A {@code tv_} table filled from the view, its data column NOT NULL or not: copied from it ({@code tv_x ← v_x}),
     * or, with no source view of its name, filled by a PL/pgSQL sync function (a full one, or one per id with a
     * parameter and a variable) whose statement inference reads.
     */
    private void projection(RandomSchema.View view) {
        boolean notNull = random.nextBoolean();
        String filter = notNull ? " WHERE data IS NOT NULL" : "";
        String table = random.nextInt(3) == 0 ? "tv_f" + view.name().substring(2) : "t" + view.name();
        String ddl = "CREATE TABLE " + table + " (id integer, data jsonb" + (notNull ? " NOT NULL" : "") + ")";
        if (table.startsWith("tv_f") && random.nextBoolean()) {
            schema.addProjection(table, ddl, "CREATE FUNCTION sync_" + table + "() RETURNS void LANGUAGE plpgsql AS $$"
                    + " BEGIN INSERT INTO " + table + " (id, data) SELECT id, data::jsonb FROM " + view.name() + filter
                    + "; END $$", "SELECT sync_" + table + "()");
        } else if (table.startsWith("tv_f")) {
            schema.addProjection(table, ddl, "CREATE FUNCTION fn_sync_" + table + "(p_id integer) RETURNS void"
                    + " LANGUAGE plpgsql AS $$ DECLARE v_data jsonb; BEGIN SELECT v.data::jsonb INTO v_data FROM "
                    + view.name() + " v WHERE v.id = p_id; IF v_data IS NOT NULL OR " + !notNull + " THEN INSERT INTO "
                    + table + " VALUES (p_id, v_data); END IF; END $$",
                    "SELECT fn_sync_" + table + "(id) FROM " + view.name() + filter);
        } else {
            schema.addProjection(table, ddl, "INSERT INTO " + table + " SELECT id, data::jsonb FROM " + view.name()
                    + filter);
        }
    }
}
