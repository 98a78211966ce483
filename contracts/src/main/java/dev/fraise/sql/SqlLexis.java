package dev.fraise.sql;

/** Lexical rules of PostgreSQL's SQL that more than one reader of SQL text needs. */
public final class SqlLexis {

    private SqlLexis() {
    }

    /**
     * The end (exclusive) of the block comment starting at {@code start}; PostgreSQL nests block comments, so
     * {@code /* a /* b *}{@code / c *}{@code /} is one comment. The text's end when it is never closed.
     */
    public static int blockCommentEnd(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }
}
