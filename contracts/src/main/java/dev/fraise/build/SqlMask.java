package dev.fraise.build;

import dev.fraise.sql.SqlLexis;

/**
 * A statement with its comments, string literals and dollar-quoted bodies blanked out: the same length and the same
 * line breaks, so an index into the mask is an index into the statement. Quoted identifiers are kept.
 */
final class SqlMask {

    private SqlMask() {
    }

    /** {@code sql} masked; with {@code keepBodies}, dollar-quoted bodies are kept and only their quotes blanked. */
    static String mask(String sql, boolean keepBodies) {
        char[] out = sql.toCharArray();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = blank(out, i, end < 0 ? n : end);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = blank(out, i, SqlLexis.blockCommentEnd(sql, i));
            } else if (c == '\'') {
                i = blank(out, i, quoteEnd(sql, i, '\''));
            } else if (c == '"') {
                i = quoteEnd(sql, i, '"');
            } else if (c == '$' && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                int tagEnd = dollarTagEnd(sql, i);
                if (tagEnd < 0) {
                    i++;
                    continue;
                }
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                int end = close < 0 ? n : close + tag.length();
                if (keepBodies) {
                    blank(out, i, tagEnd);
                    blank(out, Math.max(tagEnd, end - tag.length()), end);
                    i = end;
                } else {
                    i = blank(out, i, end);
                }
            } else {
                i++;
            }
        }
        return new String(out);
    }

    private static int blank(char[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            if (out[i] != '\n' && out[i] != '\r') {
                out[i] = ' ';
            }
        }
        return to;
    }

    private static int quoteEnd(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** The end (exclusive) of a {@code $tag$} starting at {@code start}, or -1 when none starts there. */
    private static int dollarTagEnd(String sql, int start) {
        int i = start + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '$' && (i == start + 1 || !Character.isDigit(sql.charAt(start + 1)))) {
            return i + 1;
        }
        return -1;
    }
}
