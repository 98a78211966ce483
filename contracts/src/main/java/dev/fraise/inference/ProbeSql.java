package dev.fraise.inference;

import dev.fraise.inference.SqlTokens.Token;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a query of a function body into the text of a probe view: each parameter or variable becomes a typed
 * placeholder, {@code (pg_temp.fraise_probe_value(NULL::uuid, '16412:p_id'))}, which inference recognises and
 * gives the variable's shape (see {@link FunctionShapes}); output columns are named {@code c1…cn} so that two
 * placeholders never clash.
 */
final class ProbeSql {

    /** The polymorphic function placeholders call; it only exists inside the rolled-back probe transaction. */
    static final String PLACEHOLDER = "pg_temp.fraise_probe_value";

    private static final List<String> SELECT_LIST_END = List.of("FROM", "WHERE", "GROUP", "HAVING", "WINDOW",
            "ORDER", "LIMIT", "OFFSET", "UNION", "INTERSECT", "EXCEPT", "FETCH", "FOR", "INTO");

    private final FunctionBody body;
    private final Catalog catalog;
    private final Analyzer analyzer;

    ProbeSql(FunctionBody body, Analyzer analyzer) {
        this.body = body;
        this.catalog = analyzer.catalog();
        this.analyzer = analyzer;
    }

    /** The placeholder key of a variable: the function's oid and the variable's name. */
    static String key(long functionOid, FunctionBody.Variable variable) {
        return functionOid + ":" + variable.name().toLowerCase(Locale.ROOT);
    }

    /** The query text with every variable replaced by its placeholder. */
    String substitute(List<Token> query) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < query.size(); i++) {
            if (!sql.isEmpty()) {
                sql.append(' ');
            }
            Optional<FunctionBody.Variable> variable = body.variable(query, i);
            if (variable.isPresent()) {
                sql.append('(').append(PLACEHOLDER).append("(NULL::").append(type(variable.get().type()))
                        .append(", '").append(key(body.oid(), variable.get()).replace("'", "''")).append("'))");
            } else {
                sql.append(query.get(i).text());
            }
        }
        return sql.toString();
    }

    /** A probe view's definition: its column names, then {@code AS} and the query. */
    String view(List<Token> query) {
        int columns = selectListSize(query);
        String names = columns <= 0 ? "" : " (" + String.join(", ", java.util.stream.IntStream.rangeClosed(1, columns)
                .mapToObj(i -> "c" + i).toList()) + ")";
        return names + " AS " + substitute(query);
    }

    /** How many columns the query's first SELECT list has; 0 when it has a {@code *} or no SELECT. */
    static int selectListSize(List<Token> query) {
        int select = SqlTokens.find(query, 0, "SELECT");
        if (select < 0) {
            return 0;
        }
        int start = select + 1;
        if (start < query.size() && (query.get(start).is("DISTINCT") || query.get(start).is("ALL"))) {
            start++;
            if (start < query.size() && query.get(start).is("ON")) {
                start = SqlTokens.closing(query, start + 1) + 1;
            }
        }
        int end = SqlTokens.find(query, start, SELECT_LIST_END.toArray(String[]::new));
        List<List<Token>> items = SqlTokens.splitCommas(query, start, end < 0 ? query.size() : end);
        for (List<Token> item : items) {
            if (item.isEmpty() || item.get(item.size() - 1).isSymbol("*")) {
                return 0;
            }
        }
        return items.size();
    }

    /** A declared type as SQL: {@code tb_user%ROWTYPE} is the table's row type, {@code t.c%TYPE} the column's. */
    private String type(String declared) {
        String compact = declared.replace(" ", "");
        String upper = compact.toUpperCase(Locale.ROOT);
        if (upper.endsWith("%ROWTYPE")) {
            return compact.substring(0, compact.length() - "%ROWTYPE".length());
        }
        if (upper.endsWith("%TYPE")) {
            String target = compact.substring(0, compact.length() - "%TYPE".length());
            int dot = target.lastIndexOf('.');
            if (dot > 0) {
                return analyzer.relationByName(target.substring(0, dot).toLowerCase(Locale.ROOT), body.schema())
                        .flatMap(r -> r.column(target.substring(dot + 1).toLowerCase(Locale.ROOT)))
                        .map(c -> catalog.typeName(c.typeOid())).orElse("text");
            }
            Optional<FunctionBody.Variable> other = Optional.ofNullable(body.variables()
                    .get(target.toLowerCase(Locale.ROOT)));
            return other.map(v -> type(v.type())).orElse("text");
        }
        return declared;
    }
}
