package dev.fraise.inference;

import dev.fraise.inference.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the expressions that build one column of the composite row a function returns (a
 * {@code mutation_response}'s {@code entity}): in {@code RETURN ROW(…)::t}, {@code RETURN QUERY SELECT …}, a SQL
 * function's last {@code SELECT}, a row variable's {@code v.entity := …}, and through calls to helper functions
 * ({@code RETURN mutation_created(…, v_entity)}) whose own returns pass a parameter through.
 */
final class EntityReturns {

    private static final int MAX_DEPTH = 4;

    /** Where the column's value comes from. */
    sealed interface Source permits Probe, Parameter {
    }

    /** A query of {@code body} whose output column {@code column} is the value; {@code label} names the statement. */
    record Probe(FunctionBody body, List<Token> query, int column, String label) implements Source {
    }

    /** A helper's parameter passed through: the caller's argument {@code number} (1-based) is the value. */
    record Parameter(int number) implements Source {
    }

    /** The sources found, and the returns that could not be read. */
    record Found(List<Source> sources, List<String> problems) {
    }

    private final FunctionBodies bodies;
    private final List<String> schemas;
    private final String column;
    private final int position;

    /**
     * @param column   the column's name ({@code entity})
     * @param position its 1-based position in the returned row
     */
    EntityReturns(FunctionBodies bodies, List<String> schemas, String column, int position) {
        this.bodies = bodies;
        this.schemas = schemas;
        this.column = column;
        this.position = position;
    }

    Found find(FunctionBody body) {
        Found found = new Found(new ArrayList<>(), new ArrayList<>());
        returns(body, 0, found);
        return found;
    }

    private void returns(FunctionBody body, int depth, Found found) {
        List<List<Token>> statements = body.statements();
        if (!"plpgsql".equals(body.language())) {
            if (statements.isEmpty()) {
                found.problems().add(body.label() + " has no statement to read");
                return;
            }
            List<Token> last = statements.get(statements.size() - 1);
            query(last, body, body.label() + ", statement " + statements.size(), depth, found);
            return;
        }
        for (int n = 0; n < statements.size(); n++) {
            List<Token> tokens = statements.get(n);
            int start = BodyStatements.statementStart(tokens);
            if (start >= tokens.size() || !tokens.get(start).is("RETURN")) {
                continue;
            }
            String label = body.label() + ", statement " + (n + 1);
            List<Token> rest = tokens.subList(start + 1, tokens.size());
            if (!rest.isEmpty() && rest.get(0).is("QUERY")) {
                query(rest.subList(1, rest.size()), body, label, depth, found);
            } else if (!rest.isEmpty() && !rest.get(0).is("NEXT")) {
                row(rest, body, label, depth, found);
            }
        }
    }

    /**
     * A query returning the row: its column at the position, or, when its one column is a row constructor, that
     * constructor's element in the query's own FROM and WHERE; a one-column query of a call or variable without
     * FROM is that expression.
     */
    private void query(List<Token> query, FunctionBody body, String label, int depth, Found found) {
        int select = query.isEmpty() ? -1 : SqlTokens.find(query, 0, "SELECT");
        if (select < 0 || ProbeSql.selectListSize(query) != 1) {
            found.sources().add(new Probe(body, query, position, label));
            return;
        }
        int end = SqlTokens.find(query, select + 1, "FROM", "WHERE", "GROUP", "ORDER", "LIMIT", "UNION", "INTO");
        int stop = end < 0 ? query.size() : end;
        List<Token> item = query.subList(select + 1, stop);
        int alias = SqlTokens.find(item, 0, "AS");
        List<Token> expr = strip(alias < 0 ? item : item.subList(0, alias));
        int open = !expr.isEmpty() && expr.get(0).is("ROW") ? 1 : 0;
        if (open < expr.size() && expr.get(open).isSymbol("(") && SqlTokens.closing(expr, open) == expr.size() - 1) {
            List<List<Token>> items = SqlTokens.splitCommas(expr, open + 1, expr.size() - 1);
            if (items.size() >= position && (open == 1 || items.size() > 1)) {
                List<Token> element = items.get(position - 1);
                if (end < 0) {
                    value(element, body, label, depth, found);
                    return;
                }
                List<Token> strippedElement = strip(element);
                if (strippedElement.size() == 1 && strippedElement.get(0).is("NULL")) {
                    return;
                }
                List<Token> rewritten = new ArrayList<>(query.subList(0, select + 1));
                rewritten.addAll(element);
                rewritten.addAll(query.subList(stop, query.size()));
                found.sources().add(new Probe(body, rewritten, 1, label));
                return;
            }
        }
        if (end < 0) {
            row(alias < 0 ? item : item.subList(0, alias), body, label, depth, found);
        } else {
            found.sources().add(new Probe(body, query, position, label));
        }
    }

    /** An expression producing the whole returned row. */
    private void row(List<Token> expression, FunctionBody body, String label, int depth, Found found) {
        List<Token> expr = strip(expression);
        if (expr.isEmpty() || expr.size() == 1 && expr.get(0).is("NULL")) {
            return;
        }
        if (expr.get(0).is("SELECT") || expr.get(0).is("WITH")) {
            query(expr, body, label, depth, found);
            return;
        }
        int open = expr.get(0).is("ROW") ? 1 : 0;
        if (open < expr.size() && expr.get(open).isSymbol("(") && SqlTokens.closing(expr, open) == expr.size() - 1) {
            List<List<Token>> items = SqlTokens.splitCommas(expr, open + 1, expr.size() - 1);
            if (items.size() >= position && (open == 1 || items.size() > 1)) {
                value(items.get(position - 1), body, label, depth, found);
                return;
            }
        }
        if (expr.size() >= 3 && expr.get(0).isIdentifier() && callStart(expr) > 0) {
            call(expr, body, label, depth, found);
            return;
        }
        if (expr.size() == 1 && body.variable(expr, 0).isPresent()) {
            rowVariable(expr.get(0).identifier(), body, label, depth, found);
            return;
        }
        found.problems().add(label + ": RETURN " + SqlTokens.text(expression) + " is not read");
    }

    /** The index of the opening parenthesis of a call {@code f(…)} or {@code s.f(…)} spanning the expression. */
    private static int callStart(List<Token> expr) {
        int open = expr.get(1).isSymbol(".") && expr.size() > 3 ? 3 : 1;
        return expr.get(open).isSymbol("(") && SqlTokens.closing(expr, open) == expr.size() - 1 ? open : -1;
    }

    private void call(List<Token> expr, FunctionBody body, String label, int depth, Found found) {
        int open = callStart(expr);
        String name = open == 3 ? expr.get(0).identifier() + "." + expr.get(2).identifier() : expr.get(0).identifier();
        List<List<Token>> arguments = open + 1 == expr.size() - 1 ? List.of()
                : SqlTokens.splitCommas(expr, open + 1, expr.size() - 1);
        FunctionBody callee = bodies.callable(name, arguments.size(), schemas).orElse(null);
        if (callee == null || depth >= MAX_DEPTH) {
            found.problems().add(label + ": RETURN " + name + "(…) calls a function whose body is not read");
            return;
        }
        Found inner = new Found(new ArrayList<>(), found.problems());
        returns(callee, depth + 1, inner);
        for (Source source : inner.sources()) {
            if (source instanceof Parameter parameter && parameter.number() <= arguments.size()) {
                value(arguments.get(parameter.number() - 1), body, label, depth, found);
            } else {
                found.sources().add(source);
            }
        }
    }

    /** A row variable returned: its {@code v.column := …} and {@code v := …} assignments. */
    private void rowVariable(String variable, FunctionBody body, String label, int depth, Found found) {
        boolean assigned = false;
        for (int n = 0; n < body.statements().size(); n++) {
            List<Token> tokens = body.statements().get(n);
            int s = BodyStatements.statementStart(tokens);
            String at = body.label() + ", statement " + (n + 1);
            if (s + 4 < tokens.size() && tokens.get(s).isIdentifier() && tokens.get(s).identifier().equals(variable)
                    && tokens.get(s + 1).isSymbol(".") && tokens.get(s + 2).isIdentifier()
                    && tokens.get(s + 2).identifier().equals(column) && isAssign(tokens.get(s + 3))) {
                value(tokens.subList(s + 4, tokens.size()), body, at, depth, found);
                assigned = true;
            } else if (s + 2 < tokens.size() && tokens.get(s).isIdentifier()
                    && tokens.get(s).identifier().equals(variable) && isAssign(tokens.get(s + 1))) {
                row(tokens.subList(s + 2, tokens.size()), body, at, depth, found);
                assigned = true;
            }
        }
        if (!assigned) {
            found.problems().add(label + ": RETURN " + variable + " returns a row variable whose " + column
                    + " is never assigned (" + variable + "." + column + " := …)");
        }
    }

    /** The column's own value: NULL (a failure), a helper's parameter passed through, or an expression. */
    private void value(List<Token> item, FunctionBody body, String label, int depth, Found found) {
        List<Token> expr = strip(item);
        if (expr.isEmpty() || expr.size() == 1 && expr.get(0).is("NULL")) {
            return;
        }
        if (depth > 0 && body.parameterNumber(expr).isPresent()) {
            found.sources().add(new Parameter(body.parameterNumber(expr).get()));
            return;
        }
        found.sources().add(new Probe(body, BodyStatements.select(item), 1, label));
    }

    private static boolean isAssign(Token token) {
        return token.isSymbol(":=") || token.isSymbol("=");
    }

    /** The expression without enclosing parentheses and a trailing {@code ::type} cast. */
    private static List<Token> strip(List<Token> expression) {
        List<Token> expr = expression;
        boolean changed = true;
        while (changed && !expr.isEmpty()) {
            changed = false;
            int cast = trailingCast(expr);
            if (cast > 0) {
                expr = expr.subList(0, cast);
                changed = true;
            }
            if (expr.size() >= 2 && expr.get(0).isSymbol("(") && SqlTokens.closing(expr, 0) == expr.size() - 1) {
                List<List<Token>> items = SqlTokens.splitCommas(expr, 1, expr.size() - 1);
                if (items.size() == 1) {
                    expr = expr.subList(1, expr.size() - 1);
                    changed = true;
                }
            }
        }
        return expr;
    }

    /** The index of a {@code ::} whose type name ends the expression, or -1. */
    private static int trailingCast(List<Token> expr) {
        int cast = -1;
        for (int i = expr.size() - 1; i > 0; i--) {
            Token token = expr.get(i);
            if (token.isSymbol("::")) {
                cast = i;
                break;
            }
            if (!token.isIdentifier() && !token.isSymbol(".") && !token.isSymbol("[") && !token.isSymbol("]")) {
                return -1;
            }
        }
        return cast;
    }
}
