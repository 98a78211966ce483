package dev.fraise.inference;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.shape.UnknownShape;
import dev.fraise.shape.ViewShape;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Infers the JSON shape and nullability of views' {@code data} columns from PostgreSQL's own analysis of each
 * view ({@code pg_rewrite.ev_action}), with no rows. The catalog is read once, in seven queries; child views are
 * inferred once and reused by every view that embeds them. A {@code tv_} table without a source view takes the
 * shape its writer functions' statements give it ({@code INSERT … SELECT}, {@code ON CONFLICT DO UPDATE},
 * {@code UPDATE … SET data}), which PostgreSQL analyses as temporary views in a transaction that is rolled back.
 *
 * <pre>{@code
 * ShapeInference inference = ShapeInference.load(connection);
 * System.out.println(inference.infer("v_post").toTree());
 * }</pre>
 */
public final class ShapeInference {

    private static final String DATA = "data";

    private final Analyzer analyzer;
    private final InferenceOptions options;

    private ShapeInference(Analyzer analyzer, InferenceOptions options) {
        this.analyzer = analyzer;
        this.options = options;
    }

    /** Reads the catalog of the {@code public} schema. */
    public static ShapeInference load(Connection connection) {
        return load(connection, InferenceOptions.DEFAULT);
    }

    /** Reads the catalog of the configured schemas. */
    public static ShapeInference load(Connection connection, InferenceOptions options) {
        return new ShapeInference(new Analyzer(CatalogReader.read(connection, options.schemas()), options,
                connection), options);
    }

    /**
     * The shape of one relation's {@code data} column: a view, a materialised view, or a {@code tv_} table
     * (traced to its source view).
     *
     * @throws FraiseException {@code INFERENCE_RELATION_MISSING} when there is no such relation or it has no
     *                         {@code data} column
     */
    public ViewShape infer(String relation) {
        return infer(relation, DATA);
    }

    /**
     * The shape of one relation's JSON column {@code column} ({@code data} by FraiseQL's convention; FraiseQL's
     * {@code jsonb_column} names another).
     *
     * @throws FraiseException {@code INFERENCE_RELATION_MISSING} when there is no such relation or column
     */
    public ViewShape infer(String relation, String column) {
        Catalog.Relation found = analyzer.relationByName(relation, options.schemas().get(0))
                .orElseThrow(() -> new FraiseException(ErrorCode.INFERENCE_RELATION_MISSING,
                        "no view or table " + relation + " in schemas " + options.schemas()));
        if (found.column(column).isEmpty()) {
            throw new FraiseException(ErrorCode.INFERENCE_RELATION_MISSING,
                    relation + " has no " + column + " column");
        }
        return infer(found, column);
    }

    /** The shapes of every view and table with a {@code data} column, by name. */
    public List<ViewShape> inferAll() {
        List<ViewShape> shapes = new ArrayList<>();
        analyzer.catalog().relations().values().stream()
                .filter(r -> r.isView() || r.isTable())
                .filter(r -> r.column(DATA).isPresent())
                .sorted(Comparator.comparing(Catalog.Relation::displayName))
                .forEach(r -> shapes.add(infer(r, DATA)));
        return shapes;
    }

    private ViewShape infer(Catalog.Relation relation, String column) {
        Catalog.Column data = relation.column(column).orElseThrow();
        Inferred inferred = analyzer.column(relation, data.attnum());
        if (relation.isView()) {
            return new ViewShape(relation.displayName(), inferred.shape(), inferred.nullability(), "view definition");
        }
        Optional<String> sourceName = options.projectionSource(relation.displayName());
        Optional<Catalog.Relation> source = analyzer.projectionSource(relation);
        if (source.isPresent() && source.get().column(column).isPresent()) {
            String rule = options.configured(relation.displayName()) ? "configured" : "tv_x ← v_x";
            return new ViewShape(relation.displayName(), inferred.shape(), inferred.nullability(),
                    relation.displayName() + "." + column + " is materialised from " + source.get().displayName()
                            + " (" + rule + ")");
        }
        Optional<FunctionShapes.Written> written = Analyzer.isProjection(relation)
                ? analyzer.functions().written(relation, data) : Optional.empty();
        if (written.isPresent() && !(written.get().value().shape() instanceof UnknownShape)) {
            return new ViewShape(relation.displayName(), inferred.shape(), inferred.nullability(),
                    written.get().origin());
        }
        String reason = written.map(FunctionShapes.Written::origin).orElseGet(() -> sourceName
                .map(s -> "a table's data column has no static shape, its source view " + s
                        + " does not exist and no function writes it")
                .orElse("a table's data column has no static shape"));
        return new ViewShape(relation.displayName(), new UnknownShape(reason,
                analyzer.types().provenance(relation.displayName(), data.typeOid(), relation.displayName() + "."
                        + column)),
                inferred.nullability(), reason);
    }

    /**
     * The shape of one column of the row a PL/pgSQL or SQL function returns, from the queries of its body that
     * build it ({@code RETURN ROW(…)}, {@code RETURN QUERY SELECT}, a SQL function's last {@code SELECT}, a helper
     * function passing a parameter through), merged over its returns; returns where the column is NULL are left
     * out. Each query is analysed by PostgreSQL as a temporary view in a transaction that is rolled back. The
     * shape is an {@link UnknownShape} with the reason when no return can be analysed.
     */
    public ViewShape returned(FunctionColumn request) {
        FunctionShapes.Written written = analyzer.functions().returned(request);
        return new ViewShape(request.function() + "." + request.column(), written.value().shape(),
                written.value().nullability(), written.origin());
    }

    /** The columns of a relation, empty when it does not exist among the inferred schemas. */
    public Optional<List<String>> columns(String relation) {
        return analyzer.relationByName(relation, options.schemas().get(0))
                .map(r -> r.columns().stream().map(Catalog.Column::name).toList());
    }

    /**
     * The SQL type of each column of a relation, by column name in order, as {@code format_type} prints it
     * ({@code integer}, {@code text}, {@code uuid}, an enum's name); a domain is its base type. Empty when the
     * relation does not exist among the inferred schemas.
     */
    public Optional<Map<String, String>> columnTypes(String relation) {
        return analyzer.relationByName(relation, options.schemas().get(0)).map(r -> {
            Map<String, String> types = new LinkedHashMap<>();
            for (Catalog.Column column : r.columns()) {
                long oid = column.typeOid();
                Catalog.TypeInfo type = analyzer.catalog().types().get(oid);
                while (type != null && type.typtype() == 'd' && type.baseType() != 0) {
                    oid = type.baseType();
                    type = analyzer.catalog().types().get(oid);
                }
                types.put(column.name(), analyzer.catalog().typeName(oid));
            }
            return types;
        });
    }

    /** The labels of an enum type named as {@code format_type} prints it ({@code post_status}), in order. */
    public Optional<List<String>> enumLabels(String typeName) {
        return analyzer.catalog().types().values().stream().filter(t -> t.typtype() == 'e' && t.name().equals(typeName))
                .findFirst().map(t -> analyzer.catalog().enumLabels().getOrDefault(t.oid(), List.of()));
    }

    /**
     * The values a {@code CHECK (column IN (...))} constraint allows a table column, empty when there is none.
     *
     * @param source a table column as shapes name it, {@code tb_post.status} (a trailing cast is ignored)
     */
    public Optional<List<String>> allowedValues(String source) {
        String bare = source.contains("::") ? source.substring(0, source.indexOf("::")) : source;
        int dot = bare.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return analyzer.relationByName(bare.substring(0, dot), options.schemas().get(0))
                .flatMap(r -> r.column(bare.substring(dot + 1)))
                .map(Catalog.Column::allowedValues).filter(values -> !values.isEmpty());
    }

    /** Whether a relation of that name exists among the inferred schemas. */
    public boolean exists(String relation) {
        return analyzer.relationByName(relation, options.schemas().get(0)).isPresent();
    }
}
