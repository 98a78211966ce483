package dev.fraise.build;

import java.util.Objects;

/**
 * One top-level SQL statement of a file, as {@link SqlScripts#split} finds it.
 *
 * @param sql    the statement text, without its terminating semicolon
 * @param line   1-based line of its first character in the file
 * @param column 1-based column of its first character
 */
public record SqlStatement(String sql, int line, int column) {

    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
    }

    /** The first line of the statement, for messages. */
    public String firstLine() {
        int nl = sql.indexOf('\n');
        String first = (nl < 0 ? sql : sql.substring(0, nl)).strip();
        return first.length() > 80 ? first.substring(0, 77) + "..." : first;
    }

    /**
     * The 1-based line and column in the file of the 1-based character {@code position} in this statement.
     * PostgreSQL counts positions in characters (code points), not bytes or UTF-16 units.
     *
     * @return {@code {line, column}}
     */
    public int[] fileLocationOf(int position) {
        int lineInFile = line;
        int col = column;
        int i = 0;
        for (int seen = 1; seen < position && i < sql.length(); seen++) {
            int cp = sql.codePointAt(i);
            if (cp == '\n') {
                lineInFile++;
                col = 1;
            } else {
                col++;
            }
            i += Character.charCount(cp);
        }
        return new int[] {lineInFile, col};
    }
}
