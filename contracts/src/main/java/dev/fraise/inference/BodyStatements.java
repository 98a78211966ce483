package dev.fraise.inference;

import dev.fraise.inference.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the statements of a {@link FunctionBody} that matter to inference: those that write a table's JSON
 * column ({@code INSERT … SELECT}, {@code INSERT … VALUES}, {@code ON CONFLICT DO UPDATE}, {@code UPDATE … SET})
 * and those that assign a variable ({@code v := expr}, {@code SELECT … INTO v}), each as a query whose output
 * column holds the value written.
 */
final class BodyStatements {

    /** Words that may come before a statement inside a PL/pgSQL block. */
    private static final List<String> CONTROL = List.of("BEGIN", "THEN", "ELSE", "LOOP", "EXCEPTION");

    /**
     * One statement writing the column.
     *
     * @param number  the statement's 1-based number in the body
     * @param kind    {@code INSERT … SELECT}, {@code INSERT … VALUES}, {@code UPDATE … SET data}
     * @param query   the query whose output column {@code column} is the value written, empty with a problem
     * @param column  the 1-based output column
     * @param problem why the statement is not analysed
     */
    record Write(int number, String kind, Optional<List<Token>> query, int column, Optional<String> problem) {
    }

    /**
     * One assignment of a variable.
     *
     * @param variable  the variable's lower-case name
     * @param query     the query whose output column {@code column} is the value, empty when the assignment is
     *                  opaque ({@code RETURNING … INTO}, {@code EXECUTE … INTO}, {@code FOR v IN})
     * @param noRowIsNull whether the variable is NULL when the query has no row ({@code SELECT INTO} without STRICT)
     */
    record Assignment(String variable, Optional<List<Token>> query, int column, boolean noRowIsNull) {
    }

    private final FunctionBody body;
    private final Analyzer analyzer;

    BodyStatements(FunctionBody body, Analyzer analyzer) {
        this.body = body;
        this.analyzer = analyzer;
    }

    /** The statements writing {@code column} of {@code table}. */
    List<Write> writes(Catalog.Relation table, String column) {
        List<Write> writes = new ArrayList<>();
        for (int n = 0; n < body.statements().size(); n++) {
            List<Token> tokens = body.statements().get(n);
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).is("INSERT") && i + 1 < tokens.size() && tokens.get(i + 1).is("INTO")) {
                    int[] name = nameAt(tokens, i + 2, table);
                    if (name != null) {
                        insert(tokens, i, name[0], table, column, n + 1).ifPresent(writes::add);
                        break;
                    }
                } else if (tokens.get(i).is("UPDATE")) {
                    int at = i + 1 < tokens.size() && tokens.get(i + 1).is("ONLY") ? i + 2 : i + 1;
                    int[] name = nameAt(tokens, at, table);
                    if (name != null) {
                        update(tokens, at, name[0], column, n + 1).ifPresent(writes::add);
                        break;
                    }
                }
            }
        }
        return writes;
    }

    /** The end (exclusive) of a relation name at {@code at} when it names {@code table}, else null. */
    private int[] nameAt(List<Token> tokens, int at, Catalog.Relation table) {
        if (at >= tokens.size() || !tokens.get(at).isIdentifier()) {
            return null;
        }
        String name = tokens.get(at).identifier();
        int end = at + 1;
        if (end + 1 < tokens.size() && tokens.get(end).isSymbol(".") && tokens.get(end + 1).isIdentifier()) {
            name = name + "." + tokens.get(end + 1).identifier();
            end += 2;
        }
        Optional<Catalog.Relation> found = analyzer.relationByName(name, body.schema());
        return found.isPresent() && found.get().oid() == table.oid() ? new int[] {end} : null;
    }

    private Optional<Write> insert(List<Token> tokens, int insert, int afterName, Catalog.Relation table,
            String column, int number) {
        int i = afterName;
        if (i + 1 < tokens.size() && tokens.get(i).is("AS")) {
            i += 2;
        }
        int target = -1;
        if (i < tokens.size() && tokens.get(i).isSymbol("(")) {
            int close = SqlTokens.closing(tokens, i);
            List<List<Token>> columns = SqlTokens.splitCommas(tokens, i + 1, close);
            for (int k = 0; k < columns.size(); k++) {
                if (columns.get(k).size() == 1 && columns.get(k).get(0).identifier().equals(column)) {
                    target = k + 1;
                }
            }
            if (target < 0) {
                return Optional.empty();
            }
            i = close + 1;
        } else {
            List<Catalog.Column> all = table.columns();
            for (int k = 0; k < all.size(); k++) {
                if (all.get(k).name().equals(column)) {
                    target = k + 1;
                }
            }
        }
        if (i < tokens.size() && tokens.get(i).is("OVERRIDING")) {
            i += 3;
        }
        int end = tokens.size();
        Optional<String> problem = Optional.empty();
        for (int k = i; k < tokens.size(); k++) {
            int on = SqlTokens.find(tokens, k, "ON", "RETURNING");
            if (on < 0) {
                break;
            }
            if (tokens.get(on).is("RETURNING")) {
                end = Math.min(end, on);
                break;
            }
            if (on + 1 < tokens.size() && tokens.get(on + 1).is("CONFLICT")) {
                end = on;
                problem = onConflict(tokens, on, column);
                break;
            }
            k = on;
        }
        if (i < tokens.size() && tokens.get(i).is("DEFAULT")) {
            return Optional.of(new Write(number, "INSERT … DEFAULT VALUES", Optional.empty(), target,
                    Optional.of("DEFAULT VALUES writes the column's default")));
        }
        List<Token> query = new ArrayList<>(withPrefix(tokens, insert));
        List<Token> source = tokens.subList(i, end);
        String kind;
        if (!source.isEmpty() && source.get(0).is("VALUES")) {
            kind = "INSERT … VALUES";
            int close = SqlTokens.closing(source, 1);
            if (close == source.size() - 1) {
                query.add(new Token(SqlTokens.Kind.WORD, "SELECT"));
                query.addAll(source.subList(2, close));
            } else {
                query.addAll(source);
            }
        } else {
            kind = "INSERT … SELECT";
            query.addAll(source);
        }
        if (end < tokens.size() && tokens.get(end).is("ON")) {
            kind += " ON CONFLICT";
        }
        return Optional.of(problem.isPresent()
                ? new Write(number, kind, Optional.empty(), target, problem)
                : new Write(number, kind, Optional.of(query), target, Optional.empty()));
    }

    /** The {@code WITH} clause in front of an {@code INSERT}, which the probe query keeps. */
    private static List<Token> withPrefix(List<Token> tokens, int insert) {
        int with = SqlTokens.find(tokens, 0, "WITH");
        return with >= 0 && with < insert ? tokens.subList(with, insert) : List.of();
    }

    /** {@code DO NOTHING} and {@code DO UPDATE SET data = EXCLUDED.data} write what the insert does. */
    private static Optional<String> onConflict(List<Token> tokens, int on, String column) {
        int set = SqlTokens.find(tokens, on, "SET");
        if (set < 0) {
            return Optional.empty();
        }
        int end = SqlTokens.find(tokens, set + 1, "WHERE", "RETURNING");
        for (List<Token> assignment : SqlTokens.splitCommas(tokens, set + 1, end < 0 ? tokens.size() : end)) {
            if (assignment.size() >= 3 && assignment.get(0).isIdentifier()
                    && assignment.get(0).identifier().equals(column) && assignment.get(1).isSymbol("=")) {
                List<Token> value = assignment.subList(2, assignment.size());
                boolean excluded = value.size() == 3 && value.get(0).is("EXCLUDED") && value.get(1).isSymbol(".")
                        && value.get(2).isIdentifier() && value.get(2).identifier().equals(column);
                if (!excluded) {
                    return Optional.of("ON CONFLICT DO UPDATE SET " + column + " = " + SqlTokens.text(value)
                            + " is not analysed (only EXCLUDED." + column + " is)");
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Write> update(List<Token> tokens, int target, int afterName, String column, int number) {
        int set = SqlTokens.find(tokens, afterName, "SET");
        if (set < 0) {
            return Optional.empty();
        }
        int end = SqlTokens.find(tokens, set + 1, "FROM", "WHERE", "RETURNING");
        List<Token> value = null;
        for (List<Token> assignment : SqlTokens.splitCommas(tokens, set + 1, end < 0 ? tokens.size() : end)) {
            if (assignment.size() >= 3 && assignment.get(0).isIdentifier()
                    && assignment.get(0).identifier().equals(column) && assignment.get(1).isSymbol("=")) {
                value = assignment.subList(2, assignment.size());
            }
        }
        if (value == null) {
            return Optional.empty();
        }
        String kind = "UPDATE … SET " + column;
        int where = SqlTokens.find(tokens, set + 1, "WHERE");
        if (where >= 0 && where + 1 < tokens.size() && tokens.get(where + 1).is("CURRENT")) {
            return Optional.of(new Write(number, kind, Optional.empty(), 1,
                    Optional.of("WHERE CURRENT OF a cursor is not analysed")));
        }
        int returning = SqlTokens.find(tokens, set + 1, "RETURNING");
        int stop = returning < 0 ? tokens.size() : returning;
        List<Token> query = new ArrayList<>();
        query.add(new Token(SqlTokens.Kind.WORD, "SELECT"));
        query.addAll(value);
        query.add(new Token(SqlTokens.Kind.WORD, "FROM"));
        query.addAll(tokens.subList(target, set));
        if (end >= 0 && tokens.get(end).is("FROM")) {
            query.add(new Token(SqlTokens.Kind.PUNCTUATION, ","));
            query.addAll(tokens.subList(end + 1, where >= 0 ? where : stop));
        }
        if (where >= 0) {
            query.addAll(tokens.subList(where, stop));
        }
        return Optional.of(new Write(number, kind, Optional.of(query), 1, Optional.empty()));
    }

    /** Every assignment of a variable in the body, in order. */
    List<Assignment> assignments() {
        List<Assignment> assignments = new ArrayList<>();
        for (List<Token> tokens : body.statements()) {
            int start = statementStart(tokens);
            if (start >= tokens.size()) {
                continue;
            }
            Token first = tokens.get(start);
            if (first.is("SELECT") || first.is("WITH")) {
                selectInto(tokens, start, assignments);
            } else if (first.is("FOR") && start + 1 < tokens.size()) {
                opaque(tokens.get(start + 1), assignments);
            } else if (first.is("GET") || first.is("FETCH") || first.is("EXECUTE") || first.is("INSERT")
                    || first.is("UPDATE") || first.is("DELETE")) {
                boolean dml = first.is("INSERT") || first.is("UPDATE") || first.is("DELETE");
                int at = dml ? SqlTokens.find(tokens, start, "RETURNING") : start;
                int into = at < 0 ? -1 : SqlTokens.find(tokens, at, "INTO");
                if (first.is("GET")) {
                    tokens.stream().skip(start).filter(Token::isIdentifier)
                            .forEach(t -> opaque(t, assignments));
                } else if (into >= 0) {
                    int names = into + 1 < tokens.size() && tokens.get(into + 1).is("STRICT") ? into + 2 : into + 1;
                    targets(tokens, names).forEach(t -> opaque(t, assignments));
                }
            } else if (start + 2 < tokens.size() && tokens.get(start).isIdentifier()
                    && (tokens.get(start + 1).isSymbol(":=") || tokens.get(start + 1).isSymbol("="))) {
                Optional<FunctionBody.Variable> variable = body.variable(tokens, start);
                variable.ifPresent(v -> assignments.add(new Assignment(v.name().toLowerCase(Locale.ROOT),
                        Optional.of(select(tokens.subList(start + 2, tokens.size()))), 1, false)));
            } else if (start + 4 < tokens.size() && tokens.get(start + 1).isSymbol(".")
                    && (tokens.get(start + 3).isSymbol(":=") || tokens.get(start + 3).isSymbol("="))) {
                opaque(tokens.get(start), assignments);
            }
        }
        return assignments;
    }

    /** The first token after PL/pgSQL control words ({@code BEGIN}, {@code IF … THEN}, {@code ELSE}). */
    static int statementStart(List<Token> tokens) {
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean control = CONTROL.stream().anyMatch(token::is);
            if (control) {
                start = i + 1;
            } else if (token.is("IF") || token.is("ELSIF") || token.is("WHEN") || token.is("WHILE")) {
                int then = SqlTokens.find(tokens, i + 1, "THEN", "LOOP");
                if (then < 0) {
                    return start;
                }
                start = then + 1;
                i = then;
            } else {
                return start;
            }
        }
        return start;
    }

    private void selectInto(List<Token> tokens, int start, List<Assignment> assignments) {
        int into = SqlTokens.find(tokens, start, "INTO");
        if (into < 0) {
            return;
        }
        boolean strict = into + 1 < tokens.size() && tokens.get(into + 1).is("STRICT");
        int first = strict ? into + 2 : into + 1;
        List<Token> names = targets(tokens, first);
        List<Token> query = new ArrayList<>(tokens.subList(start, into));
        int after = first;
        for (int i = 0; i < names.size(); i++) {
            after += i == 0 ? 1 : 2;
        }
        query.addAll(tokens.subList(Math.min(after, tokens.size()), tokens.size()));
        int columns = ProbeSql.selectListSize(query);
        for (int k = 0; k < names.size(); k++) {
            Token name = names.get(k);
            Optional<FunctionBody.Variable> variable = body.variable(List.of(name), 0);
            if (variable.isEmpty()) {
                continue;
            }
            if (names.size() == 1 && columns != 1) {
                opaque(name, assignments);
            } else {
                assignments.add(new Assignment(variable.get().name().toLowerCase(Locale.ROOT), Optional.of(query),
                        k + 1, !strict));
            }
        }
    }

    /** The identifiers {@code a, b} of an {@code INTO a, b} list starting at {@code first}. */
    private static List<Token> targets(List<Token> tokens, int first) {
        List<Token> names = new ArrayList<>();
        int i = first;
        while (i < tokens.size() && tokens.get(i).isIdentifier()) {
            names.add(tokens.get(i));
            if (i + 1 < tokens.size() && tokens.get(i + 1).isSymbol(",")) {
                i += 2;
            } else {
                break;
            }
        }
        return names;
    }

    private void opaque(Token name, List<Assignment> assignments) {
        body.variable(List.of(name), 0).ifPresent(v -> assignments.add(new Assignment(
                v.name().toLowerCase(Locale.ROOT), Optional.empty(), 1, true)));
    }

    /** {@code SELECT expr}, as PL/pgSQL evaluates an expression. */
    static List<Token> select(List<Token> expression) {
        List<Token> query = new ArrayList<>();
        query.add(new Token(SqlTokens.Kind.WORD, "SELECT"));
        query.addAll(expression);
        return query;
    }
}
