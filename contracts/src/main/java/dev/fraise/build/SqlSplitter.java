package dev.fraise.build;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits SQL text into top-level statements the way psql does: semicolons inside quotes, quoted identifiers,
 * dollar-quoted bodies, comments (nested block comments included) and SQL-standard {@code BEGIN ATOMIC}
 * function bodies do not end a statement.
 */
final class SqlSplitter {

    private static final Pattern ROUTINE_START = Pattern.compile(
            "(?is)^create\\s+(or\\s+replace\\s+)?(function|procedure)\\b.*");
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_\\u0080-\\uffff][A-Za-z_0-9\\u0080-\\uffff]*)?\\$");

    private final String text;
    private final Path file;
    private final List<SqlStatement> statements = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int col = 1;

    private SqlSplitter(String text, Path file) {
        this.text = text;
        this.file = file;
    }

    /**
     * Splits {@code text}, read from {@code file} (used only in error locations).
     *
     * @throws FraiseException {@code BUILD_UNCLOSED_COMMENT} or {@code BUILD_UNTERMINATED_LITERAL}
     */
    static List<SqlStatement> split(String text, Path file) {
        SqlSplitter splitter = new SqlSplitter(text, file);
        splitter.run();
        return List.copyOf(splitter.statements);
    }

    private void run() {
        int start = -1;
        int startLine = 0;
        int startCol = 0;
        int blockDepth = 0;
        int parenDepth = 0;
        StringBuilder words = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '-' && peek(1) == '-') {
                skipLineComment();
                continue;
            }
            if (c == '/' && peek(1) == '*') {
                skipBlockComment();
                continue;
            }
            if (Character.isWhitespace(c)) {
                advance(1);
                continue;
            }
            if (c == ';' && blockDepth == 0 && parenDepth == 0) {
                if (start >= 0) {
                    statements.add(new SqlStatement(text.substring(start, pos), startLine, startCol));
                    start = -1;
                    words.setLength(0);
                }
                advance(1);
                continue;
            }
            if (start < 0) {
                start = pos;
                startLine = line;
                startCol = col;
            }
            if (c == '\'') {
                skipQuoted('\'', isEscapeString(start));
            } else if (c == '"') {
                skipQuoted('"', false);
            } else if (c == '$' && skipDollarQuote()) {
                continue;
            } else if (isWordStart(c)) {
                String word = readWord();
                if (words.length() < 200) {
                    words.append(word).append(' ');
                }
                if (parenDepth == 0) {
                    blockDepth = trackAtomicBlocks(word, words, blockDepth);
                }
            } else {
                if (c == '(') {
                    parenDepth++;
                } else if (c == ')' && parenDepth > 0) {
                    parenDepth--;
                }
                advance(1);
            }
        }
        if (start >= 0 && !text.substring(start).isBlank()) {
            statements.add(new SqlStatement(text.substring(start).stripTrailing(), startLine, startCol));
        }
    }

    /**
     * Tracks {@code BEGIN ATOMIC ... END} bodies of SQL-standard routines, as psql does: only words outside
     * parentheses count, and a semicolon inside parentheses (a multi-action {@code CREATE RULE}) never ends
     * a statement.
     */
    private static int trackAtomicBlocks(String word, CharSequence words, int depth) {
        String w = word.toLowerCase(Locale.ROOT);
        if (!ROUTINE_START.matcher(words).matches()) {
            return depth;
        }
        if (w.equals("begin") || (w.equals("case") && depth > 0)) {
            return depth + 1;
        }
        if (w.equals("end") && depth > 0) {
            return depth - 1;
        }
        return depth;
    }

    private boolean isEscapeString(int statementStart) {
        return pos > statementStart && (text.charAt(pos - 1) == 'E' || text.charAt(pos - 1) == 'e')
                && (pos - 1 == statementStart || !isWordPart(text.charAt(pos - 2)));
    }

    private void skipLineComment() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            advance(1);
        }
    }

    private void skipBlockComment() {
        int openLine = line;
        int openCol = col;
        int depth = 0;
        while (pos < text.length()) {
            if (text.startsWith("/*", pos)) {
                depth++;
                advance(2);
            } else if (text.startsWith("*/", pos)) {
                depth--;
                advance(2);
                if (depth == 0) {
                    return;
                }
            } else {
                advance(1);
            }
        }
        throw new FraiseException(ErrorCode.BUILD_UNCLOSED_COMMENT, "block comment opened here is never closed",
                new SourceLocation(file, openLine, openCol));
    }

    private void skipQuoted(char quote, boolean backslashEscapes) {
        int openLine = line;
        int openCol = col;
        advance(1);
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (backslashEscapes && c == '\\') {
                advance(Math.min(2, text.length() - pos));
            } else if (c == quote) {
                if (peek(1) == quote) {
                    advance(2);
                } else {
                    advance(1);
                    return;
                }
            } else {
                advance(1);
            }
        }
        String what = quote == '"' ? "quoted identifier" : "string literal";
        throw new FraiseException(ErrorCode.BUILD_UNTERMINATED_LITERAL, what + " opened here is never closed",
                new SourceLocation(file, openLine, openCol));
    }

    private boolean skipDollarQuote() {
        if (pos > 0 && isWordPart(text.charAt(pos - 1))) {
            return false;
        }
        var m = DOLLAR_TAG.matcher(text).region(pos, text.length());
        if (!m.lookingAt()) {
            return false;
        }
        String tag = m.group();
        int openLine = line;
        int openCol = col;
        int close = text.indexOf(tag, pos + tag.length());
        if (close < 0) {
            throw new FraiseException(ErrorCode.BUILD_UNTERMINATED_LITERAL,
                    "dollar-quoted string " + tag + " opened here is never closed",
                    new SourceLocation(file, openLine, openCol));
        }
        advance(close + tag.length() - pos);
        return true;
    }

    private String readWord() {
        int begin = pos;
        while (pos < text.length() && isWordPart(text.charAt(pos))) {
            advance(1);
        }
        return text.substring(begin, pos);
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private char peek(int offset) {
        int i = pos + offset;
        return i < text.length() ? text.charAt(i) : '\0';
    }

    /** Moves {@code n} UTF-16 units on; columns count characters (code points), as PostgreSQL positions do. */
    private void advance(int n) {
        for (int i = 0; i < n; i++) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                col = 1;
            } else if (!Character.isLowSurrogate(c) || pos == 0 || !Character.isHighSurrogate(text.charAt(pos - 1))) {
                col++;
            }
            pos++;
        }
    }
}
