package dev.fraise.inference;

import dev.fraise.nodetree.PgNode;
import dev.fraise.shape.Field;
import dev.fraise.shape.Nullability;
import dev.fraise.shape.ObjectShape;
import dev.fraise.shape.Presence;
import dev.fraise.shape.Shapes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Infers a Var: first what its range-table entry makes of it (a table column's {@code attnotnull}, a view's or
 * subquery's output column, a CTE's, a join alias), then whether an outer join can null-extend it — from the join
 * tree, and on PostgreSQL 16+ also from {@code varnullingrels} — unless a FILTER or WHERE proved its row real.
 */
final class VarInference {

    private static final int RTE_RELATION = 0;
    private static final int RTE_SUBQUERY = 1;
    private static final int RTE_JOIN = 2;
    private static final int RTE_VALUES = 5;
    private static final int RTE_CTE = 6;
    private static final int RTE_GROUP = 9;

    private final Analyzer analyzer;

    VarInference(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Inferred infer(PgNode var, Scope scope) {
        Scope level = scope.up(var.integer("varlevelsup"));
        long type = var.number("vartype", TypeShapes.TEXT);
        if (level == null) {
            return analyzer.unknown("a Var refers above the outermost query", scope.view(), type, "Var");
        }
        int varno = var.integer("varno");
        Inferred intrinsic = intrinsic(var, level);
        if (level.groupingSetsNullVars()) {
            return intrinsic.withNullability(Nullability.nullable("GROUPING SETS null it in super-aggregate rows of "
                    + level.view()));
        }
        if (level.varProven(varno, var.integer("varattno"))) {
            return intrinsic.withNullability(Nullability.nonNull("proven by IS NOT NULL"));
        }
        Set<Integer> joins = new TreeSet<>(level.nulling().joinsNulling(varno));
        joins.addAll(var.bits("varnullingrels"));
        joins.removeIf(level::joinProven);
        if (joins.isEmpty()) {
            return intrinsic;
        }
        String reason = nullingReason(joins.iterator().next(), varno, level);
        Inferred nulled = intrinsic.sqlNull() ? intrinsic : intrinsic.withNullability(Nullability.nullable(reason));
        return intrinsic.evaluatedOnNullRows() ? new Inferred(Shapes.overNulls(nulled.shape(), reason),
                nulled.nullability(), nulled.typeOid(), true, nulled.jsonNull(), true) : nulled;
    }

    /** What the Var's range-table entry makes of it, before outer joins. */
    Inferred intrinsic(PgNode var, Scope level) {
        int varno = var.integer("varno");
        int attno = var.integer("varattno");
        long type = var.number("vartype", TypeShapes.TEXT);
        Optional<PgNode> entry = level.rte(varno);
        if (entry.isEmpty()) {
            return analyzer.unknown("Var " + varno + " has no range-table entry", level.view(), type, "Var");
        }
        PgNode rte = entry.get();
        String source = alias(rte) + "." + columnName(rte, attno);
        switch (rte.integer("rtekind")) {
            case RTE_RELATION:
                return relationColumn(rte, attno, type, level);
            case RTE_SUBQUERY:
                return rte.node("subquery").map(q -> attno == 0 ? wholeRow(rte, type, level,
                        i -> analyzer.target(analyzer.childScope(level, q), i))
                        : analyzer.target(analyzer.childScope(level, q), attno))
                        .orElseGet(() -> analyzer.unknown("subquery without query", level.view(), type, source));
            case RTE_JOIN: {
                List<PgNode> aliases = rte.nodes("joinaliasvars");
                return attno >= 1 && attno <= aliases.size() ? analyzer.expr(aliases.get(attno - 1), level)
                        : analyzer.unknown("whole-row reference to a join", level.view(), type, source);
            }
            case RTE_VALUES: {
                Inferred merged = null;
                for (List<PgNode> row : ExpressionInference.valuesLists(rte)) {
                    if (attno >= 1 && attno <= row.size()) {
                        Inferred cell = analyzer.expr(row.get(attno - 1), level);
                        merged = merged == null ? cell : analyzer.union(merged, cell, level.view(), "VALUES");
                    }
                }
                return merged == null ? analyzer.unknown("empty VALUES", level.view(), type, source) : merged;
            }
            case RTE_CTE:
                return cteColumn(rte, attno, type, level, source);
            case RTE_GROUP: {
                List<PgNode> groups = rte.nodes("groupexprs");
                return attno >= 1 && attno <= groups.size() ? analyzer.expr(groups.get(attno - 1), level)
                        : analyzer.unknown("no such grouping expression", level.view(), type, source);
            }
            default:
                return new Inferred(analyzer.types().shapeOf(type, level.view(), source),
                        Nullability.nullable(source + " comes from a function or table function"), type);
        }
    }

    private Inferred relationColumn(PgNode rte, int attno, long type, Scope level) {
        Optional<Catalog.Relation> found = analyzer.catalog().relation(rte.number("relid", 0));
        String name = alias(rte);
        if (found.isEmpty()) {
            return new Inferred(analyzer.types().shapeOf(type, level.view(), name + "." + columnName(rte, attno)),
                    Nullability.nullable(name + " is outside the inferred schemas"), type);
        }
        Catalog.Relation relation = found.get();
        if (attno < 0) {
            return new Inferred(analyzer.types().shapeOf(type, level.view(), name + " system column"),
                    Nullability.nonNull("system column"), type);
        }
        if (attno == 0) {
            return wholeRow(rte, type, level, i -> relation.isView() ? analyzer.column(relation, i)
                    : relation.column(i).map(c -> analyzer.tableColumn(relation, c, level.view()))
                    .orElseGet(() -> analyzer.unknown("dropped column", level.view(), type, name)));
        }
        if (relation.isView()) {
            return analyzer.column(relation, attno);
        }
        return relation.column(attno).map(c -> analyzer.tableColumn(relation, c, level.view()))
                .orElseGet(() -> analyzer.unknown("column " + attno + " of " + relation.displayName()
                        + " does not exist", level.view(), type, name));
    }

    private Inferred wholeRow(PgNode rte, long type, Scope level, java.util.function.IntFunction<Inferred> column) {
        List<String> names = rte.node("eref").map(e -> e.strings("colnames")).orElse(List.of());
        Map<String, Field> fields = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).isEmpty()) {
                Inferred value = column.apply(i + 1);
                fields.put(names.get(i), new Field(names.get(i), value.shape(), value.nullability(),
                        Presence.ALWAYS));
            }
        }
        return new Inferred(new ObjectShape(fields, analyzer.types().provenance(level.view(), type,
                "row of " + alias(rte))), Nullability.nonNull("a row is never NULL"), type);
    }

    private Inferred cteColumn(PgNode rte, int attno, long type, Scope level, String source) {
        String name = rte.text("ctename").orElse("");
        Scope defining = level.up(rte.integer("ctelevelsup"));
        if (defining != null) {
            for (PgNode cte : defining.query().nodes("cteList")) {
                if (name.equals(cte.text("ctename").orElse(null))) {
                    return analyzer.cteColumn(cte, defining, attno);
                }
            }
        }
        return analyzer.unknown("CTE " + name + " not found", level.view(), type, source);
    }

    private String nullingReason(int join, int varno, Scope level) {
        String joinName = level.rte(join).map(j -> JoinNulling.joinName(j.integer("jointype")))
                .orElse("grouping set");
        String nulled = level.rte(varno).map(this::describe).orElse("?");
        return joinName + " " + nulled + " in " + level.view();
    }

    private String describe(PgNode rte) {
        String alias = alias(rte);
        if (rte.integer("rtekind") == RTE_RELATION) {
            String relation = analyzer.catalog().relation(rte.number("relid", 0))
                    .map(Catalog.Relation::displayName).orElse(alias);
            return relation.equals(alias) ? relation : relation + " " + alias;
        }
        return alias;
    }

    static String alias(PgNode rte) {
        return rte.node("alias").or(() -> rte.node("eref")).flatMap(a -> a.text("aliasname")).orElse("?");
    }

    private static String columnName(PgNode rte, int attno) {
        List<String> names = rte.node("eref").map(e -> e.strings("colnames")).orElse(List.of());
        return attno >= 1 && attno <= names.size() ? names.get(attno - 1) : attno == 0 ? "*" : "#" + attno;
    }
}
