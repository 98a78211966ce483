package dev.fraise.inference;

import dev.fraise.inference.SqlTokens.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A PL/pgSQL or SQL function body read as statements: its parameters, its {@code DECLARE}d variables and the
 * statements between them, each as tokens. Control-flow words in front of a statement ({@code BEGIN},
 * {@code IF … THEN}, {@code ELSE}, {@code LOOP}) stay in its tokens; readers look for the keyword they need.
 *
 * @param oid        {@code pg_proc.oid}
 * @param schema     the function's schema
 * @param name       the function's name
 * @param label      how messages name it: {@code fn_sync_tv_user(uuid)}, schema-qualified outside {@code public}
 * @param language   {@code plpgsql} or {@code sql}
 * @param strict     whether it is STRICT (its parameters are then never NULL inside)
 * @param variables  parameters and declared variables, by lower-case name ({@code $1} for the first parameter)
 * @param statements the statements, in order
 * @param problem    why the body could not be read, empty when it was
 */
record FunctionBody(long oid, String schema, String name, String label, String language, boolean strict,
        Map<String, Variable> variables, List<List<Token>> statements, Optional<String> problem) {

    /**
     * A parameter or declared variable.
     *
     * @param name    its name as written ({@code p_id}), or {@code $n}
     * @param type    its type as SQL text ({@code uuid}, {@code tb_user%ROWTYPE} already resolved)
     * @param notNull whether it can never be NULL (a parameter of a STRICT function, {@code NOT NULL})
     * @param origin  {@code parameter} or {@code variable}
     */
    record Variable(String name, String type, boolean notNull, String origin) {
    }

    /** Reads one function's source; {@code argNames} and {@code argTypes} are its IN parameters in order. */
    static FunctionBody parse(long oid, String schema, String name, String language, boolean strict, String source,
            List<String> argNames, List<String> argTypes) {
        String label = ("public".equals(schema) ? "" : schema + ".") + name + "(" + String.join(", ", argTypes) + ")";
        Map<String, Variable> variables = new LinkedHashMap<>();
        for (int i = 0; i < argTypes.size(); i++) {
            Variable parameter = new Variable(i < argNames.size() && !argNames.get(i).isEmpty() ? argNames.get(i)
                    : "$" + (i + 1), argTypes.get(i), strict, "parameter");
            variables.put("$" + (i + 1), parameter);
            if (i < argNames.size() && !argNames.get(i).isEmpty()) {
                variables.put(argNames.get(i).toLowerCase(Locale.ROOT), parameter);
            }
        }
        List<List<Token>> split = SqlTokens.statements(SqlTokens.of(source == null ? "" : source));
        List<List<Token>> statements = new ArrayList<>();
        boolean declaring = false;
        for (List<Token> statement : split) {
            List<Token> tokens = new ArrayList<>(statement);
            if (!"plpgsql".equals(language)) {
                statements.add(tokens);
                continue;
            }
            int declare = SqlTokens.find(tokens, 0, "DECLARE");
            if (declare >= 0 && declare == firstWord(tokens)) {
                declaring = true;
                tokens = new ArrayList<>(tokens.subList(declare + 1, tokens.size()));
            }
            if (declaring) {
                int begin = SqlTokens.find(tokens, 0, "BEGIN");
                List<Token> declaration = begin < 0 ? tokens : tokens.subList(0, begin);
                declare(declaration, variables);
                if (begin < 0) {
                    continue;
                }
                declaring = false;
                tokens = new ArrayList<>(tokens.subList(begin, tokens.size()));
            }
            statements.add(tokens);
        }
        Optional<String> problem = source == null || source.isBlank()
                ? Optional.of("its body is not stored as source text (prosrc)") : Optional.empty();
        return new FunctionBody(oid, schema, name, label, language, strict, variables, statements, problem);
    }

    /** The index of the first token that is not a block label ({@code <<name>>}). */
    private static int firstWord(List<Token> tokens) {
        int i = 0;
        while (i + 2 < tokens.size() && tokens.get(i).isSymbol("<<") && tokens.get(i + 2).isSymbol(">>")) {
            i += 3;
        }
        return i;
    }

    /** {@code name [CONSTANT] type [COLLATE c] [NOT NULL] [{DEFAULT | := | =} expr]}; ALIAS and cursors skipped. */
    private static void declare(List<Token> tokens, Map<String, Variable> variables) {
        if (tokens.size() < 2 || !tokens.get(0).isIdentifier()) {
            return;
        }
        int i = 1;
        if (tokens.get(i).is("CONSTANT")) {
            i++;
        }
        if (i >= tokens.size() || tokens.get(i).is("ALIAS") || tokens.get(i).is("CURSOR")
                || tokens.get(i).is("NO") || tokens.get(i).is("SCROLL")) {
            return;
        }
        int end = i;
        while (end < tokens.size() && !tokens.get(end).is("COLLATE") && !tokens.get(end).is("NOT")
                && !tokens.get(end).is("DEFAULT") && !tokens.get(end).isSymbol(":=")
                && !tokens.get(end).isSymbol("=")) {
            end++;
        }
        boolean notNull = false;
        for (int k = end; k + 1 < tokens.size(); k++) {
            if (tokens.get(k).is("NOT") && tokens.get(k + 1).is("NULL")) {
                notNull = true;
            }
        }
        String name = tokens.get(0).identifier();
        variables.put(name, new Variable(tokens.get(0).text(), SqlTokens.text(tokens.subList(i, end)), notNull,
                "variable"));
    }

    /** The variable a token names, if it is a bare reference to one (not a qualified name's part, not a call). */
    Optional<Variable> variable(List<Token> tokens, int index) {
        Token token = tokens.get(index);
        if (token.kind() == SqlTokens.Kind.PARAMETER) {
            return Optional.ofNullable(variables.get(token.text()));
        }
        if (!token.isIdentifier()) {
            return Optional.empty();
        }
        boolean qualified = index > 0 && tokens.get(index - 1).isSymbol(".");
        boolean call = index + 1 < tokens.size() && tokens.get(index + 1).isSymbol("(");
        if (qualified || call) {
            return Optional.empty();
        }
        return Optional.ofNullable(variables.get(token.identifier()));
    }

    /** The number of a parameter a single-token expression names ({@code p_entity}, {@code $4}), 1-based. */
    Optional<Integer> parameterNumber(List<Token> expression) {
        if (expression.size() != 1) {
            return Optional.empty();
        }
        Optional<Variable> variable = variable(expression, 0);
        if (variable.isEmpty() || !variable.get().origin().equals("parameter")) {
            return Optional.empty();
        }
        for (Map.Entry<String, Variable> entry : variables.entrySet()) {
            if (entry.getKey().startsWith("$") && entry.getValue() == variable.get()) {
                return Optional.of(Integer.parseInt(entry.getKey().substring(1)));
            }
        }
        return Optional.empty();
    }
}
