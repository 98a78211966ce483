package dev.fraise.inference;

import dev.fraise.nodetree.PgNode;
import dev.fraise.shape.Nullability;
import dev.fraise.shape.UnknownShape;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shapes that function bodies give: a {@code tv_} table's JSON column as the statements of its sync functions
 * write it, and one column of the row a function returns (a mutation's entity). The queries inside the bodies
 * are analysed by PostgreSQL as probe views ({@link ProbeViews}); parameters and variables become placeholders
 * that resolve, here, to the merge of the variable's assignments, else to its type's shape.
 */
final class FunctionShapes {

    /**
     * What the functions write or return.
     *
     * @param value  the inferred value; an {@link UnknownShape} with the reason when nothing could be analysed
     * @param origin which functions and statements it comes from, and which were not analysed and why
     */
    record Written(Inferred value, String origin) {
    }

    /** A variable of an analysed function, its assignments' analysed queries. */
    private record Assigned(FunctionBody body, FunctionBody.Variable variable, List<Tree> trees, boolean opaque) {
    }

    /** An analysed query, its output column and whether no row makes the value NULL. */
    private record Tree(PgNode query, int column, boolean noRowIsNull, String label) {
    }

    private final Analyzer analyzer;
    private final Connection connection;
    private FunctionBodies bodies;
    private final Set<Long> placeholders = new HashSet<>();
    private final Map<String, Assigned> variables = new HashMap<>();
    private final Map<String, Inferred> resolved = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final Map<String, Optional<Written>> written = new HashMap<>();

    FunctionShapes(Analyzer analyzer, Connection connection) {
        this.analyzer = analyzer;
        this.connection = connection;
    }

    private FunctionBodies bodies() {
        if (bodies == null) {
            bodies = FunctionBodies.read(connection, analyzer.options().schemas());
        }
        return bodies;
    }

    /** The value of {@code column} of {@code table} as the functions writing it build it; empty when none does. */
    Optional<Written> written(Catalog.Relation table, Catalog.Column column) {
        String key = table.oid() + "." + column.name();
        Optional<Written> known = written.get(key);
        if (known != null) {
            return known;
        }
        Optional<Written> result = computeWritten(table, column);
        written.put(key, result);
        return result;
    }

    private Optional<Written> computeWritten(Catalog.Relation table, Catalog.Column column) {
        String target = table.displayName() + "." + column.name();
        Batch batch = new Batch();
        List<Runnable> after = new ArrayList<>();
        List<Inferred> values = new ArrayList<>();
        List<String> analysed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (FunctionBody body : bodies().mentioning(table.name())) {
            for (BodyStatements.Write write : new BodyStatements(body, analyzer).writes(table, column.name())) {
                String label = body.label() + ", statement " + write.number() + " (" + write.kind() + ")";
                if (write.query().isEmpty()) {
                    skipped.add(label + ": " + write.problem().orElse("not analysed"));
                    continue;
                }
                int index = batch.add(body, new ProbeSql(body, analyzer).view(write.query().get()));
                after.add(() -> {
                    ProbeViews.Result result = batch.result(index);
                    if (result.analysed()) {
                        values.add(analyzer.target(analyzer.rootScope(result.query(), body.label() + " statement "
                                + write.number()), write.column()));
                        analysed.add(label);
                    } else {
                        skipped.add(label + ": " + result.error());
                    }
                });
            }
        }
        if (after.isEmpty() && skipped.isEmpty()) {
            return Optional.empty();
        }
        batch.run();
        after.forEach(Runnable::run);
        String notAnalysed = skipped.isEmpty() ? "" : "; not analysed: " + String.join("; ", skipped);
        if (values.isEmpty()) {
            String reason = "no statement writing " + target + " could be analysed: " + String.join("; ", skipped);
            return Optional.of(new Written(analyzer.unknown(reason, table.displayName(), column.typeOid(), target),
                    reason));
        }
        Inferred merged = values.get(0);
        for (int i = 1; i < values.size(); i++) {
            merged = analyzer.union(merged, values.get(i), table.displayName(), target);
        }
        return Optional.of(new Written(merged, target + " is written by " + String.join(", ", analysed)
                + notAnalysed));
    }

    /**
     * Column {@code column} (at 1-based {@code position}) of the row {@code function} returns, merged over its
     * returns; returns whose value is NULL (a failure) are left out.
     */
    Written returned(FunctionColumn request) {
        String name = request.function() + "." + request.column();
        Optional<FunctionBody> body = bodies().named(request.schema(), request.function(), request.inputTypes());
        if (body.isEmpty()) {
            String reason = bodies().problem().orElse(request.function() + " is not a PL/pgSQL or SQL function of "
                    + analyzer.options().schemas());
            return new Written(analyzer.unknown(reason, request.function(), TypeShapes.JSONB, name), reason);
        }
        if (body.get().problem().isPresent()) {
            String reason = body.get().label() + ": " + body.get().problem().get();
            return new Written(analyzer.unknown(reason, body.get().label(), TypeShapes.JSONB, name), reason);
        }
        EntityReturns.Found found = new EntityReturns(bodies(), analyzer.options().schemas(), request.column(),
                request.position()).find(body.get());
        Batch batch = new Batch();
        List<EntityReturns.Probe> probes = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (EntityReturns.Source source : found.sources()) {
            if (source instanceof EntityReturns.Probe probe) {
                probes.add(probe);
                indexes.add(batch.add(probe.body(), new ProbeSql(probe.body(), analyzer).view(probe.query())));
            }
        }
        batch.run();
        List<String> problems = new ArrayList<>(found.problems());
        Set<String> labels = new LinkedHashSet<>();
        Inferred merged = null;
        for (int i = 0; i < probes.size(); i++) {
            ProbeViews.Result result = batch.result(indexes.get(i));
            EntityReturns.Probe probe = probes.get(i);
            if (!result.analysed()) {
                problems.add(probe.label() + ": " + result.error());
                continue;
            }
            Inferred value = analyzer.target(analyzer.rootScope(result.query(), probe.label()), probe.column());
            merged = merged == null ? value : analyzer.union(merged, value, body.get().label(), name);
            labels.add(probe.label());
        }
        String notAnalysed = problems.isEmpty() ? "" : "; not analysed: " + String.join("; ", problems);
        if (merged == null) {
            String reason = problems.isEmpty() ? "no return of " + body.get().label() + " builds a non-NULL "
                    + request.column() : "no return of " + body.get().label() + " could be analysed: "
                    + String.join("; ", problems);
            return new Written(analyzer.unknown(reason, body.get().label(), TypeShapes.JSONB, name), reason);
        }
        return new Written(merged, request.column() + " is built by " + String.join(", ", labels) + notAnalysed);
    }

    /**
     * The value of a placeholder call ({@link ProbeSql#PLACEHOLDER}): the merge of the variable's assignments, its
     * type's shape when it has none that can be analysed; empty for any other function.
     */
    Optional<Inferred> placeholder(long funcid, List<PgNode> args, long resultType, Scope scope) {
        if (!placeholders.contains(funcid) || args.size() != 2) {
            return Optional.empty();
        }
        String key = ExpressionInference.constantText(args.get(1)).orElse("");
        Inferred known = resolved.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Assigned assigned = variables.get(key);
        String name = assigned == null ? key : assigned.variable().name();
        String source = (assigned == null ? "variable " : assigned.variable().origin() + " ") + name;
        Nullability typeNullability = assigned != null && assigned.variable().notNull()
                ? Nullability.nonNull(source + " is never NULL" + (assigned.variable().origin().equals("parameter")
                        ? " (the function is STRICT)" : " (NOT NULL)"))
                : Nullability.nullable(source + " may be NULL");
        Inferred ofType = new Inferred(analyzer.types().shapeOf(resultType, scope.view(), source), typeNullability,
                resultType, typeNullability.nullable(), TypeShapes.isJson(resultType));
        if (assigned == null || assigned.opaque() || assigned.trees().isEmpty() || !resolving.add(key)) {
            return Optional.of(ofType);
        }
        try {
            Inferred merged = null;
            for (Tree tree : assigned.trees()) {
                Inferred value = analyzer.target(analyzer.rootScope(tree.query(), tree.label()), tree.column());
                if (tree.noRowIsNull()) {
                    value = value.withNullability(value.nullability().or(Nullability.nullable(
                            "SELECT INTO sets " + name + " to NULL without a row")));
                }
                merged = merged == null ? value : analyzer.union(merged, value, scope.view(), source);
            }
            resolved.put(key, merged);
            return Optional.of(merged);
        } finally {
            resolving.remove(key);
        }
    }

    /** The probes of one rolled-back transaction, with the assignments of every function they come from. */
    private final class Batch {

        private final List<String> definitions = new ArrayList<>();
        private final Map<Long, FunctionBody> functions = new LinkedHashMap<>();
        private ProbeViews.Session session;

        int add(FunctionBody body, String definition) {
            functions.putIfAbsent(body.oid(), body);
            definitions.add(definition);
            return definitions.size() - 1;
        }

        ProbeViews.Result result(int index) {
            return session.results().get(index);
        }

        void run() {
            Map<String, List<Integer>> assignmentIndexes = new LinkedHashMap<>();
            Map<String, List<BodyStatements.Assignment>> assignments = new LinkedHashMap<>();
            for (FunctionBody body : functions.values()) {
                ProbeSql sql = new ProbeSql(body, analyzer);
                for (BodyStatements.Assignment assignment : new BodyStatements(body, analyzer).assignments()) {
                    String key = body.oid() + ":" + assignment.variable();
                    assignments.computeIfAbsent(key, k -> new ArrayList<>()).add(assignment);
                    List<Integer> indexes = assignmentIndexes.computeIfAbsent(key, k -> new ArrayList<>());
                    if (assignment.query().isPresent()) {
                        definitions.add(sql.view(assignment.query().get()));
                        indexes.add(definitions.size() - 1);
                    } else {
                        indexes.add(-1);
                    }
                }
            }
            session = ProbeViews.analyse(connection, analyzer.options().schemas(), definitions);
            placeholders.add(session.placeholderOid());
            resolved.clear();
            for (FunctionBody body : functions.values()) {
                for (FunctionBody.Variable variable : new LinkedHashSet<>(body.variables().values())) {
                    String key = ProbeSql.key(body.oid(), variable);
                    List<BodyStatements.Assignment> list = assignments.getOrDefault(key, List.of());
                    List<Integer> indexes = assignmentIndexes.getOrDefault(key, List.of());
                    List<Tree> trees = new ArrayList<>();
                    boolean opaque = false;
                    for (int i = 0; i < list.size(); i++) {
                        ProbeViews.Result result = indexes.get(i) < 0 ? null : session.results().get(indexes.get(i));
                        if (result == null || !result.analysed()) {
                            opaque = true;
                        } else {
                            trees.add(new Tree(result.query(), list.get(i).column(), list.get(i).noRowIsNull(),
                                    body.label()));
                        }
                    }
                    variables.put(key, new Assigned(body, variable, trees, opaque));
                }
            }
        }
    }
}
