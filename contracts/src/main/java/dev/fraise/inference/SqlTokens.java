package dev.fraise.inference;

import dev.fraise.sql.SqlLexis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of a piece of SQL or PL/pgSQL, comments dropped: words, quoted identifiers, string and dollar-quoted
 * literals, positional parameters ({@code $1}), numbers and punctuation ({@code :=} and {@code ::} as one token).
 * Function bodies are read with it to find the statements that write a {@code tv_} table or build an entity
 * (quotes, dollar quotes and nested comments as {@code dev.fraise.build}'s splitter reads them, which the
 * inference layer does not depend on).
 */
final class SqlTokens {

    /** What a token is. */
    enum Kind { WORD, QUOTED_IDENTIFIER, LITERAL, PARAMETER, NUMBER, PUNCTUATION }

    /** One token: its kind and its text as written. */
    record Token(Kind kind, String text) {

        /** Whether this is the keyword or bare identifier {@code word}, in any letter case. */
        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        /** Whether this is the punctuation {@code symbol}. */
        boolean isSymbol(String symbol) {
            return kind == Kind.PUNCTUATION && text.equals(symbol);
        }

        /** An identifier as PostgreSQL folds it: a bare word lower-cased, a quoted one unquoted. */
        String identifier() {
            if (kind == Kind.QUOTED_IDENTIFIER) {
                return text.substring(1, text.length() - 1).replace("\"\"", "\"");
            }
            return text.toLowerCase(Locale.ROOT);
        }

        boolean isIdentifier() {
            return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
        }
    }

    /** The characters PostgreSQL's lexer builds operators from: {@code ->>}, {@code #>}, {@code @>} are one token. */
    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

    private SqlTokens() {
    }

    static List<Token> of(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = SqlLexis.blockCommentEnd(sql, i);
            } else if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'')) {
                int start = i;
                i = quoteEnd(sql, c == '\'' ? i : i + 1, '\'', c != '\'');
                tokens.add(new Token(Kind.LITERAL, sql.substring(start, i)));
            } else if (c == '"') {
                int start = i;
                i = quoteEnd(sql, i, '"', false);
                tokens.add(new Token(Kind.QUOTED_IDENTIFIER, sql.substring(start, i)));
            } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                int start = i++;
                while (i < n && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.PARAMETER, sql.substring(start, i)));
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                int end = close < 0 ? n : close + tag.length();
                tokens.add(new Token(Kind.LITERAL, sql.substring(i, end)));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(start, i)));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, sql.substring(start, i)));
            } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                int start = i;
                while (i < n && OPERATOR_CHARS.indexOf(sql.charAt(i)) >= 0 && !sql.startsWith("--", i)
                        && !sql.startsWith("/*", i)) {
                    i++;
                }
                tokens.add(new Token(Kind.PUNCTUATION, sql.substring(start, i)));
            } else {
                String two = i + 1 < n ? sql.substring(i, i + 2) : "";
                boolean pair = two.equals(":=") || two.equals("::");
                tokens.add(new Token(Kind.PUNCTUATION, pair ? two : String.valueOf(c)));
                i += pair ? 2 : 1;
            }
        }
        return tokens;
    }

    /** The tokens split into statements at the semicolons outside parentheses, empty statements dropped. */
    static List<List<Token>> statements(List<Token> tokens) {
        List<List<Token>> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (Token token : tokens) {
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            }
            if (depth == 0 && token.isSymbol(";")) {
                if (!current.isEmpty()) {
                    statements.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        if (!current.isEmpty()) {
            statements.add(current);
        }
        return statements;
    }

    /** The tokens as SQL text again, one space apart (comments are gone). */
    static String text(List<Token> tokens) {
        StringBuilder sql = new StringBuilder();
        for (Token token : tokens) {
            if (!sql.isEmpty()) {
                sql.append(' ');
            }
            sql.append(token.text());
        }
        return sql.toString();
    }

    /** The index of the first token at parenthesis depth 0 from {@code from} that is the keyword, or -1. */
    static int find(List<Token> tokens, int from, String... keywords) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(") || token.isSymbol("[")) {
                depth++;
            } else if (token.isSymbol(")") || token.isSymbol("]")) {
                depth--;
            } else if (depth == 0) {
                for (String keyword : keywords) {
                    if (token.is(keyword) || token.isSymbol(keyword)) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** The tokens from {@code from} to {@code to} split at the commas of parenthesis depth 0. */
    static List<List<Token>> splitCommas(List<Token> tokens, int from, int to) {
        List<List<Token>> parts = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(") || token.isSymbol("[")) {
                depth++;
            } else if (token.isSymbol(")") || token.isSymbol("]")) {
                depth--;
            }
            if (depth == 0 && token.isSymbol(",")) {
                parts.add(current);
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        parts.add(current);
        return parts;
    }

    /** The index of the parenthesis closing the one at {@code open}, or the size when it is not closed. */
    static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
                return i;
            }
        }
        return tokens.size();
    }

    private static int quoteEnd(String sql, int open, char quote, boolean backslashEscapes) {
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static String dollarTag(String sql, int start) {
        int i = start + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '$' && (i == start + 1 || !Character.isDigit(sql.charAt(start + 1)))) {
            return sql.substring(start, i + 1);
        }
        return null;
    }
}
