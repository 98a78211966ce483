package dev.fraise.inference;

import dev.fraise.nodetree.NodeValue;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Infers one expression node: constants, Vars (through {@link VarInference}), casts, CASE, COALESCE, boolean
 * tests, arrays, rows, sub-selects; function calls, operators, aggregates and SQL/JSON constructors go to
 * {@link FunctionInference}. Anything else is {@code unknown} and nullable — never a guess.
 */
final class ExpressionInference {

    /** SQLValueFunctionOp SVFOP_CURRENT_SCHEMA (PostgreSQL 15; 16+ parse current_schema as a function call). */
    private static final int SVFOP_CURRENT_SCHEMA = 14;
    private static final int EXISTS_SUBLINK = 0;
    private static final int EXPR_SUBLINK = 4;
    private static final int ARRAY_SUBLINK = 6;
    private static final int IS_NOT_NULL = 1;

    private final Analyzer analyzer;
    private final VarInference vars;
    private final FunctionInference functions;

    ExpressionInference(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.vars = new VarInference(analyzer);
        this.functions = new FunctionInference(analyzer);
    }

    Inferred infer(PgNode node, Scope scope) {
        switch (node.type()) {
            case "VAR":
                return vars.infer(node, scope);
            case "CONST":
                return constant(node, scope);
            case "FUNCEXPR":
            case "OPEXPR":
            case "AGGREF":
            case "WINDOWFUNC":
            case "JSONCONSTRUCTOREXPR":
                return functions.infer(node, scope);
            case "RELABELTYPE":
            case "COERCEVIAIO":
            case "COERCETODOMAIN":
            case "ARRAYCOERCEEXPR":
            case "CONVERTROWTYPEEXPR":
                return cast(node, scope, node.number("resulttype", TypeShapes.TEXT));
            case "CASEEXPR":
                return caseExpr(node, scope);
            case "COALESCEEXPR":
                return coalesce(node, scope);
            case "MINMAXEXPR":
                return minMax(node, scope);
            case "NULLIFEXPR":
                return infer(node.nodes("args").get(0), scope).withNullability(Nullability.nullable("NULLIF"));
            case "BOOLEXPR":
                return strictOver(node.nodes("args"), scope, TypeShapes.BOOL, "boolean expression");
            case "NULLTEST":
            case "BOOLEANTEST":
            case "DISTINCTEXPR":
                return scalar(TypeShapes.BOOL, scope, describe(node), Nullability.nonNull("a test is true or false"));
            case "SCALARARRAYOPEXPR":
                return scalar(TypeShapes.BOOL, scope, "= ANY(...)", Nullability.nullable("= ANY over NULLs is NULL"));
            case "SQLVALUEFUNCTION":
                return scalar(node.number("type", TypeShapes.TEXT), scope, "SQL value function",
                        node.integer("op") == SVFOP_CURRENT_SCHEMA
                                ? Nullability.nullable("current_schema is NULL with an empty search_path")
                                : Nullability.nonNull("current_* is never NULL"));
            case "SUBLINK":
                return subLink(node, scope);
            case "ARRAYEXPR":
                return arrayExpr(node, scope);
            case "ROWEXPR":
                return rowExpr(node, scope);
            default:
                return analyzer.unknown("expression " + node.type() + " is not analysed", scope.view(),
                        TypeShapes.TEXT, node.type());
        }
    }

    private Inferred constant(PgNode node, Scope scope) {
        long type = node.number("consttype", TypeShapes.TEXT);
        Provenance provenance = analyzer.types().provenance(scope.view(), type, "constant");
        if (node.flag("constisnull")) {
            return new Inferred(new NullShape(provenance), Nullability.nullable("NULL literal"), type);
        }
        long base = analyzer.types().baseType(type);
        if (TypeShapes.isJson(base)) {
            Optional<Shape> literal = node.datum("constvalue")
                    .flatMap(bytes -> Datums.json(bytes, base == TypeShapes.JSONB))
                    .map(json -> LiteralShapes.of(json, provenance));
            if (literal.isPresent()) {
                return literal.get() instanceof NullShape ? Inferred.jsonNullable(literal.get(), "a null literal", type)
                        : new Inferred(literal.get(), Nullability.nonNull("literal"), type);
            }
        }
        if (base == TypeShapes.UNKNOWN) {
            return new Inferred(new ScalarShape(ScalarKind.STRING, false, provenance), Nullability.nonNull("literal"),
                    TypeShapes.TEXT);
        }
        return new Inferred(analyzer.types().shapeOf(type, scope.view(), "constant"), Nullability.nonNull("literal"),
                type);
    }

    /** The text of a constant key or argument, if the node is a non-null string constant. */
    static Optional<String> constantText(PgNode node) {
        PgNode inner = node;
        while (inner.is("RELABELTYPE") || inner.is("COERCEVIAIO")) {
            Optional<PgNode> arg = inner.node("arg");
            if (arg.isEmpty()) {
                return Optional.empty();
            }
            inner = arg.get();
        }
        if (!inner.is("CONST") || inner.flag("constisnull")) {
            return Optional.empty();
        }
        int constlen = inner.integer("constlen");
        return inner.datum("constvalue").flatMap(bytes -> Datums.text(bytes, constlen));
    }

    /** A cast keeps the value's nullability; JSON to JSON keeps the shape, anything else takes the target's. */
    Inferred cast(PgNode node, Scope scope, long resultType) {
        Optional<PgNode> arg = node.node("arg");
        if (arg.isEmpty()) {
            return analyzer.unknown("cast without argument", scope.view(), resultType, node.type());
        }
        Inferred inner = infer(arg.get(), scope);
        return castOf(inner, resultType, scope, node.is("COERCETODOMAIN") ? "domain" : "cast");
    }

    Inferred castOf(Inferred inner, long resultType, Scope scope, String what) {
        TypeShapes types = analyzer.types();
        boolean toJson = TypeShapes.isJson(types.baseType(resultType));
        if (toJson && TypeShapes.isJson(types.baseType(inner.typeOid()))) {
            return inner.withType(resultType);
        }
        String source = inner.shape().provenance().source() + "::" + analyzer.catalog().typeName(resultType);
        if (toJson) {
            return new Inferred(new ScalarShape(ScalarKind.ANY_JSON, false,
                    types.provenance(scope.view(), resultType, source)), inner.nullability(), resultType);
        }
        return new Inferred(types.shapeOf(resultType, scope.view(), source), inner.nullability(), resultType);
    }

    private Inferred caseExpr(PgNode node, Scope scope) {
        long type = node.number("casetype", TypeShapes.TEXT);
        Inferred merged = null;
        for (PgNode when : node.nodes("args")) {
            Optional<PgNode> result = when.node("result");
            if (result.isPresent()) {
                Scope branchScope = when.node("expr").map(condition -> proving(condition, scope)).orElse(scope);
                Inferred branch = infer(result.get(), branchScope);
                merged = merged == null ? branch : analyzer.union(merged, branch, scope.view(), "CASE");
            }
        }
        Optional<PgNode> otherwise = node.node("defresult");
        Inferred elseBranch = otherwise.map(e -> infer(e, scope))
                .orElseGet(() -> new Inferred(new NullShape(analyzer.types().provenance(scope.view(), type, "CASE")),
                        Nullability.nullable("CASE without ELSE"), type));
        if (elseBranch.shape() instanceof NullShape) {
            elseBranch = elseBranch.withNullability(Nullability.nullable("CASE ... ELSE NULL"));
        }
        merged = merged == null ? elseBranch : analyzer.union(merged, elseBranch, scope.view(), "CASE");
        return merged.withType(type);
    }

    /**
     * {@code COALESCE} returns its first argument that is not SQL NULL — a JSON {@code null} is returned, not
     * skipped — so the arguments after the first one that is never SQL NULL cannot be its value.
     */
    private Inferred coalesce(PgNode node, Scope scope) {
        long type = node.number("coalescetype", TypeShapes.TEXT);
        Provenance provenance = analyzer.types().provenance(scope.view(), type, "COALESCE");
        Shape shape = null;
        boolean jsonNull = false;
        Nullability jsonReason = null;
        Inferred last = null;
        for (PgNode arg : node.nodes("args")) {
            last = infer(arg, scope);
            shape = shape == null ? last.shape() : Shapes.union(shape, last.shape(), provenance);
            if (last.jsonNull()) {
                jsonNull = true;
                jsonReason = jsonReason == null ? last.nullability() : jsonReason;
            }
            if (!last.sqlNull()) {
                break;
            }
        }
        if (last == null) {
            return analyzer.unknown("empty COALESCE", scope.view(), type, "COALESCE");
        }
        boolean sqlNull = last.sqlNull();
        Nullability nullability = sqlNull ? last.nullability() : jsonNull ? jsonReason
                : Nullability.nonNull("COALESCE with a non-null fallback");
        return new Inferred(shape, nullability, type, sqlNull, jsonNull);
    }

    private Inferred minMax(PgNode node, Scope scope) {
        long type = node.number("minmaxtype", TypeShapes.TEXT);
        boolean allNullable = true;
        for (PgNode arg : node.nodes("args")) {
            allNullable &= infer(arg, scope).nullable();
        }
        return scalar(type, scope, "GREATEST/LEAST", allNullable ? Nullability.nullable("GREATEST/LEAST of nullable"
                + " values") : Nullability.nonNull("GREATEST/LEAST with a non-null argument"));
    }

    /** A result that is null when any argument is (boolean operators, strict functions). */
    Inferred strictOver(List<PgNode> args, Scope scope, long type, String source) {
        Nullability nullability = Nullability.nonNull(source + " of non-null arguments");
        for (PgNode arg : args) {
            Inferred inferred = infer(arg, scope);
            if (inferred.nullable()) {
                nullability = Nullability.nullable(source + " of a nullable argument ("
                        + inferred.nullability().reason() + ")");
            }
        }
        return scalar(type, scope, source, nullability);
    }

    Inferred scalar(long type, Scope scope, String source, Nullability nullability) {
        return new Inferred(analyzer.types().shapeOf(type, scope.view(), source), nullability, type);
    }

    private Inferred subLink(PgNode node, Scope scope) {
        int kind = node.integer("subLinkType");
        if (kind == EXISTS_SUBLINK) {
            return scalar(TypeShapes.BOOL, scope, "EXISTS(...)", Nullability.nonNull("EXISTS is true or false"));
        }
        Optional<PgNode> subselect = node.node("subselect");
        if (subselect.isEmpty() || (kind != EXPR_SUBLINK && kind != ARRAY_SUBLINK)) {
            return scalar(TypeShapes.BOOL, scope, "sub-select test", Nullability.nullable("ANY/ALL may be NULL"));
        }
        Scope inner = analyzer.childScope(scope, subselect.get());
        int firstColumn = subselect.get().nodes("targetList").stream().filter(t -> !t.flag("resjunk"))
                .mapToInt(t -> t.integer("resno")).findFirst().orElse(1);
        Inferred value = analyzer.target(inner, firstColumn);
        if (kind == ARRAY_SUBLINK) {
            Provenance provenance = analyzer.types().provenance(scope.view(), value.typeOid(), "ARRAY(SELECT ...)");
            return new Inferred(new ArrayShape(value.shape(), value.nullability(), provenance),
                    Nullability.nonNull("ARRAY(SELECT ...) is empty, not NULL, without rows"), value.typeOid());
        }
        if (inner.yieldsExactlyOneRow()) {
            return value;
        }
        return value.withNullability(Nullability.nullable("a scalar sub-select without rows is NULL"));
    }

    private Inferred arrayExpr(PgNode node, Scope scope) {
        long type = node.number("array_typeid", TypeShapes.TEXT);
        Provenance provenance = analyzer.types().provenance(scope.view(), type, "ARRAY[...]");
        Shape items = new NeverShape(provenance);
        Nullability itemNulls = Nullability.nonNull("ARRAY[...] of non-null elements");
        for (PgNode element : node.nodes("elements")) {
            Inferred inferred = infer(element, scope);
            items = Shapes.union(items, inferred.shape(), provenance);
            itemNulls = itemNulls.or(inferred.nullability());
        }
        return new Inferred(new ArrayShape(items, itemNulls, provenance), Nullability.nonNull("ARRAY[...]"), type);
    }

    private Inferred rowExpr(PgNode node, Scope scope) {
        long type = node.number("row_typeid", TypeShapes.RECORD);
        List<String> names = node.strings("colnames");
        if (names.isEmpty()) {
            names = rowTypeColumns(type);
        }
        List<PgNode> args = node.nodes("args");
        Map<String, Field> fields = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String key = i < names.size() && !names.get(i).isEmpty() ? names.get(i) : "f" + (i + 1);
            Inferred value = infer(args.get(i), scope);
            fields.put(key, new Field(key, value.shape(), value.nullability(), Presence.ALWAYS));
        }
        return new Inferred(new ObjectShape(fields, analyzer.types().provenance(scope.view(), type, "ROW(...)")),
                Nullability.nonNull("ROW(...)"), type);
    }

    private List<String> rowTypeColumns(long rowType) {
        Catalog.TypeInfo info = analyzer.catalog().types().get(rowType);
        return info == null || info.relation() == 0 ? List.of() : analyzer.catalog().relation(info.relation())
                .map(r -> r.columns().stream().map(Catalog.Column::name).toList()).orElse(List.of());
    }

    /**
     * The scope with what {@code condition} proves when it holds: each {@code x IS NOT NULL} conjunct makes
     * {@code x} non-null, and when {@code x} is non-null in its own relation, its row is real, so the outer
     * joins that could null-extend it did not.
     */
    Scope proving(PgNode condition, Scope scope) {
        Set<Integer> joins = new HashSet<>();
        Set<String> proven = new HashSet<>();
        collectProofs(condition, scope, joins, proven);
        return joins.isEmpty() && proven.isEmpty() ? scope : scope.proving(joins, proven);
    }

    private void collectProofs(PgNode condition, Scope scope, Set<Integer> joins, Set<String> proven) {
        if (condition.is("BOOLEXPR") && "and".equals(condition.text("boolop").orElse(""))) {
            condition.nodes("args").forEach(arg -> collectProofs(arg, scope, joins, proven));
            return;
        }
        if (!condition.is("NULLTEST") || condition.integer("nulltesttype") != IS_NOT_NULL
                || condition.flag("argisrow")) {
            return;
        }
        Optional<PgNode> arg = condition.node("arg").filter(a -> a.is("VAR") && a.integer("varlevelsup") == 0);
        if (arg.isEmpty()) {
            return;
        }
        PgNode var = arg.get();
        int varno = var.integer("varno");
        proven.add(Scope.varKey(varno, var.integer("varattno")));
        if (!vars.intrinsic(var, scope).nullable()) {
            scope.nulling().joinsNulling(varno).stream()
                    .filter(join -> scope.nulling().joinType(join) != JoinNulling.FULL).forEach(joins::add);
            var.bits("varnullingrels").stream()
                    .filter(join -> scope.nulling().joinType(join) != JoinNulling.FULL).forEach(joins::add);
        }
    }

    private static String describe(PgNode node) {
        return node.type().toLowerCase(java.util.Locale.ROOT);
    }

    /** The nested lists of a {@code VALUES} range-table entry. */
    static List<List<PgNode>> valuesLists(PgNode rte) {
        java.util.ArrayList<List<PgNode>> rows = new java.util.ArrayList<>();
        if (rte.value("values_lists") instanceof NodeValue.Items items) {
            for (NodeValue row : items.values()) {
                java.util.ArrayList<PgNode> cells = new java.util.ArrayList<>();
                if (row instanceof NodeValue.Items rowItems) {
                    for (NodeValue cell : rowItems.values()) {
                        if (cell instanceof NodeValue.Nested nested) {
                            cells.add(nested.node());
                        }
                    }
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
