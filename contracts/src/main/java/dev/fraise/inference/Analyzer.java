package dev.fraise.inference;

import dev.fraise.nodetree.PgNode;
import dev.fraise.shape.NeverShape;
import dev.fraise.shape.Nullability;
import dev.fraise.shape.ObjectShape;
import dev.fraise.shape.Provenance;
import dev.fraise.shape.Shape;
import dev.fraise.shape.Shapes;
import dev.fraise.shape.UnknownShape;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The inference hub: output columns of views (memoised, cycle-safe), of queries (set operations merged), of CTEs
 * (recursive ones to a fixpoint), and the scopes that carry a WHERE clause's proofs.
 */
final class Analyzer {

    private static final int MAX_FIXPOINT_ROUNDS = 6;

    private final Catalog catalog;
    private final TypeShapes types;
    private final InferenceOptions options;
    private final ExpressionInference expressions;
    private final FunctionShapes functions;
    private final Map<String, Inferred> columns = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private final Map<PgNode, Map<Integer, CteAssumption>> cteAssumptions = new IdentityHashMap<>();

    /** The current assumption for a recursive CTE column, and whether anyone read it. */
    private static final class CteAssumption {
        Inferred value;
        boolean consulted;

        CteAssumption(Inferred value) {
            this.value = value;
        }
    }

    Analyzer(Catalog catalog, InferenceOptions options, Connection connection) {
        this.catalog = catalog;
        this.types = new TypeShapes(catalog);
        this.options = options;
        this.expressions = new ExpressionInference(this);
        this.functions = new FunctionShapes(this, connection);
    }

    /** What function bodies write and return. */
    FunctionShapes functions() {
        return functions;
    }

    Catalog catalog() {
        return catalog;
    }

    TypeShapes types() {
        return types;
    }

    InferenceOptions options() {
        return options;
    }

    Inferred expr(PgNode node, Scope scope) {
        return expressions.infer(node, scope);
    }

    Inferred castOf(Inferred value, long resultType, Scope scope) {
        return expressions.castOf(value, resultType, scope, "cast");
    }

    Scope proving(PgNode condition, Scope scope) {
        return expressions.proving(condition, scope);
    }

    /** Output column {@code attnum} of a relation, memoised per relation and column. */
    Inferred column(Catalog.Relation relation, int attnum) {
        String key = relation.oid() + "." + attnum;
        Inferred known = columns.get(key);
        if (known != null) {
            return known;
        }
        if (!inProgress.add(key)) {
            return unknown("a view refers to itself", relation.displayName(), TypeShapes.JSONB,
                    relation.displayName());
        }
        try {
            Inferred result = computeColumn(relation, attnum);
            columns.put(key, result);
            return result;
        } finally {
            inProgress.remove(key);
        }
    }

    private Inferred computeColumn(Catalog.Relation relation, int attnum) {
        Optional<Catalog.Column> column = relation.column(attnum);
        if (column.isEmpty()) {
            return unknown("column " + attnum + " does not exist", relation.displayName(), TypeShapes.JSONB,
                    relation.displayName());
        }
        if (relation.isView() && relation.query().isPresent()) {
            return target(rootScope(relation.query().get(), relation.displayName()), attnum);
        }
        return tableColumn(relation, column.get(), relation.displayName());
    }

    /** A table column as seen from {@code view}; a {@code tv_} table's data traced to its source view. */
    Inferred tableColumn(Catalog.Relation table, Catalog.Column column, String view) {
        String source = table.displayName() + "." + column.name();
        Nullability nullability = column.notNull() ? Nullability.nonNull(source + " is NOT NULL")
                : Nullability.nullable(source + " has no NOT NULL");
        if (TypeShapes.isJson(column.typeOid())) {
            Optional<Catalog.Relation> origin = projectionSource(table);
            Optional<Catalog.Column> data = origin.flatMap(o -> o.column(column.name()));
            if (data.isPresent()) {
                Inferred traced = column(origin.get(), data.get().attnum());
                if (!column.notNull()) {
                    return new Inferred(traced.shape(), nullability, column.typeOid(), true, traced.jsonNull());
                }
                return new Inferred(traced.shape(), traced.jsonNull() ? traced.nullability() : nullability,
                        column.typeOid(), false, traced.jsonNull());
            }
            Optional<FunctionShapes.Written> written = origin.isEmpty() && isProjection(table)
                    ? functions.written(table, column) : Optional.empty();
            if (written.isPresent() && !(written.get().value().shape() instanceof UnknownShape)) {
                Inferred value = written.get().value();
                if (!column.notNull()) {
                    return new Inferred(value.shape(), nullability, column.typeOid(), true, value.jsonNull());
                }
                return new Inferred(value.shape(), value.jsonNull() ? value.nullability() : nullability,
                        column.typeOid(), false, value.jsonNull());
            }
            Shape any = jsonColumn(column, view, source);
            boolean jsonNull = !column.provenNotJsonNull();
            if (!column.notNull()) {
                return new Inferred(any, nullability, column.typeOid(), true, jsonNull);
            }
            return jsonNull ? Inferred.jsonNullable(any, source + " is " + types.provenance(view, column.typeOid(),
                    source).sqlType(), column.typeOid()) : new Inferred(any, Nullability.nonNull(source
                    + " is NOT NULL and a CHECK on jsonb_typeof keeps JSON null out"), column.typeOid());
        }
        return new Inferred(types.shapeOf(column.typeOid(), view, source), nullability, column.typeOid());
    }

    /**
     * A json/jsonb column of no known structure: any JSON, or an open object of no known key when a CHECK proves
     * every value an object.
     */
    private Shape jsonColumn(Catalog.Column column, String view, String source) {
        Shape any = types.shapeOf(column.typeOid(), view, source);
        if (!column.provenObject()) {
            return any;
        }
        String typeof = column.typeOid() == TypeShapes.JSON ? "json_typeof" : "jsonb_typeof";
        String reason = source + ", an object whose keys are not known statically (CHECK " + typeof + "("
                + column.name() + ") = 'object')";
        return new ObjectShape(Map.of(), Optional.of(new UnknownShape(reason, any.provenance())), any.provenance());
    }

    /** Whether a table is a projection whose writer functions give its shape: a {@code tv_} table. */
    static boolean isProjection(Catalog.Relation table) {
        return table.isTable() && table.name().startsWith("tv_");
    }

    /** The view a {@code tv_} table is materialised from: configured, else {@code tv_x ← v_x}. */
    Optional<Catalog.Relation> projectionSource(Catalog.Relation table) {
        return options.projectionSource(table.displayName())
                .flatMap(name -> relationByName(name, table.schema()));
    }

    Optional<Catalog.Relation> relationByName(String name, String defaultSchema) {
        if (name.contains(".")) {
            return Optional.ofNullable(catalog.relationsByName().get(name));
        }
        Catalog.Relation same = catalog.relationsByName().get(defaultSchema + "." + name);
        if (same != null) {
            return Optional.of(same);
        }
        for (String schema : options.schemas()) {
            Catalog.Relation relation = catalog.relationsByName().get(schema + "." + name);
            if (relation != null) {
                return Optional.of(relation);
            }
        }
        return Optional.empty();
    }

    /** Output column {@code resno} of the query of {@code scope}, merging the branches of set operations. */
    Inferred target(Scope scope, int resno) {
        PgNode query = scope.query();
        Optional<PgNode> setOperations = query.node("setOperations");
        if (setOperations.isPresent()) {
            List<Integer> leaves = new ArrayList<>();
            setOperationLeaves(setOperations.get(), leaves);
            Inferred merged = null;
            for (int leaf : leaves) {
                Optional<PgNode> subquery = scope.rte(leaf).flatMap(rte -> rte.node("subquery"));
                if (subquery.isEmpty()) {
                    return unknown("a set-operation branch is not a query", scope.view(), TypeShapes.TEXT, "UNION");
                }
                Inferred branch = target(childScope(scope, subquery.get()), resno);
                merged = merged == null ? branch : union(merged, branch, scope.view(), "UNION");
            }
            return merged == null ? unknown("an empty set operation", scope.view(), TypeShapes.TEXT, "UNION")
                    : merged;
        }
        for (PgNode entry : query.nodes("targetList")) {
            if (entry.integer("resno") == resno && !entry.flag("resjunk")) {
                return entry.node("expr").map(e -> expr(e, scope))
                        .orElseGet(() -> unknown("empty target", scope.view(), TypeShapes.TEXT, "?"));
            }
        }
        return unknown("the query has no output column " + resno, scope.view(), TypeShapes.TEXT, "?");
    }

    private static void setOperationLeaves(PgNode node, List<Integer> into) {
        if (node.is("RANGETBLREF")) {
            into.add(node.integer("rtindex"));
        } else {
            node.node("larg").ifPresent(l -> setOperationLeaves(l, into));
            node.node("rarg").ifPresent(r -> setOperationLeaves(r, into));
        }
    }

    /** Output column {@code attno} of a CTE; a recursive one is iterated to its fixpoint from "no rows". */
    Inferred cteColumn(PgNode cte, Scope defining, int attno) {
        Optional<PgNode> query = cte.node("ctequery");
        String name = cte.text("ctename").orElse("?");
        if (query.isEmpty()) {
            return unknown("CTE " + name + " has no query", defining.view(), TypeShapes.TEXT, "CTE " + name);
        }
        Map<Integer, CteAssumption> assumptions = cteAssumptions.computeIfAbsent(cte, k -> new HashMap<>());
        CteAssumption running = assumptions.get(attno);
        if (running != null) {
            running.consulted = true;
            return running.value;
        }
        Provenance provenance = types.provenance(defining.view(), TypeShapes.TEXT, "CTE " + name);
        CteAssumption assumption = new CteAssumption(new Inferred(new NeverShape(provenance),
                Nullability.nonNull("no rows yet"), TypeShapes.TEXT));
        assumptions.put(attno, assumption);
        try {
            for (int round = 0; round < MAX_FIXPOINT_ROUNDS; round++) {
                assumption.consulted = false;
                Inferred result = target(childScope(defining, query.get()), attno);
                if (!assumption.consulted || result.signature().equals(assumption.value.signature())) {
                    return result;
                }
                assumption.value = assumption.consulted ? union(assumption.value, result, defining.view(),
                        "CTE " + name) : result;
            }
            return unknown("recursive CTE " + name + " does not reach a fixpoint", defining.view(),
                    TypeShapes.TEXT, "CTE " + name);
        } finally {
            assumptions.remove(attno);
        }
    }

    Scope rootScope(PgNode query, String view) {
        return withWhereProofs(Scope.root(query, view));
    }

    Scope childScope(Scope parent, PgNode query) {
        return withWhereProofs(parent.child(query));
    }

    private Scope withWhereProofs(Scope scope) {
        return scope.query().node("jointree").flatMap(tree -> tree.node("quals"))
                .map(quals -> expressions.proving(quals, scope)).orElse(scope);
    }

    Inferred union(Inferred a, Inferred b, String view, String source) {
        Provenance provenance = types.provenance(view, a.typeOid(), source);
        return new Inferred(Shapes.union(a.shape(), b.shape(), provenance), a.nullability().or(b.nullability()),
                a.typeOid(), a.sqlNull() || b.sqlNull(), a.jsonNull() || b.jsonNull());
    }

    Inferred unknown(String reason, String view, long type, String source) {
        return new Inferred(new UnknownShape(reason, types.provenance(view, type, source)),
                Nullability.nullable(reason), type);
    }
}
