package dev.fraise.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Confiture's {@code build.two_pass} ({@code core/fk_extractor.py}): the foreign keys of a top-level
 * {@code CREATE TABLE [IF NOT EXISTS] name (...)} statement are taken out of it and become
 * {@code ALTER TABLE name ADD CONSTRAINT ... FOREIGN KEY ...} statements that run after every file. Table-level
 * {@code [CONSTRAINT c] FOREIGN KEY (...) REFERENCES ...} elements and inline column
 * {@code [CONSTRAINT c] REFERENCES t [(cols)] [ON DELETE|ON UPDATE|MATCH|DEFERRABLE...]} clauses both move; an
 * unnamed key is named {@code <table>_<columns>_fkey}, as Confiture and PostgreSQL name it.
 *
 * <p>The text taken out is blanked, not removed, so PostgreSQL's error positions in the remaining statement still
 * point into the file.
 */
final class ForeignKeys {

    private static final String IDENT = "(?:\"[^\"]+\"|[A-Za-z_][\\w$]*)";
    private static final String QUALIFIED = IDENT + "(?:\\s*\\.\\s*" + IDENT + ")*";
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?is)^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + QUALIFIED + ")\\s*\\(");
    private static final Pattern TABLE_KEY = Pattern.compile(
            "(?is)^\\s*(?:CONSTRAINT\\s+(" + IDENT + ")\\s+)?FOREIGN\\s+KEY\\s*\\(([^)]*)\\)");
    private static final Pattern TABLE_CONSTRAINT = Pattern.compile(
            "(?is)^\\s*(?:CONSTRAINT|PRIMARY|UNIQUE|CHECK|EXCLUDE|LIKE)\\b");
    private static final String ACTION = "(?:CASCADE|RESTRICT|NO\\s+ACTION|SET\\s+(?:NULL|DEFAULT)(?:\\s*\\([^)]*\\))?)";
    private static final Pattern INLINE = Pattern.compile("(?is)(?:\\bCONSTRAINT\\s+(" + IDENT + ")\\s+)?"
            + "\\bREFERENCES\\s+(" + QUALIFIED + ")(?:\\s*\\(([^)]*)\\))?"
            + "((?:\\s+(?:ON\\s+(?:DELETE|UPDATE)\\s+" + ACTION + "|MATCH\\s+(?:FULL|PARTIAL|SIMPLE)"
            + "|NOT\\s+DEFERRABLE|DEFERRABLE|INITIALLY\\s+(?:DEFERRED|IMMEDIATE)))*)");
    private static final Pattern COLUMN = Pattern.compile("^\\s*(" + IDENT + ")");

    private ForeignKeys() {
    }

    /**
     * A deferred foreign key.
     *
     * @param sql      the {@code ALTER TABLE ... ADD CONSTRAINT} statement
     * @param position 1-based character position in the {@code CREATE TABLE} statement it was taken from
     */
    record Deferred(String sql, int position) {
    }

    /**
     * {@code statement} without its foreign keys, and the keys.
     *
     * @param table the statement, keys blanked (the statement itself when it has none)
     * @param keys  the keys, in the order they appear
     */
    record Split(SqlStatement table, List<Deferred> keys) {

        Split {
            keys = List.copyOf(keys);
        }
    }

    /** Takes the foreign keys out of {@code statement} when it is a {@code CREATE TABLE}. */
    static Split split(SqlStatement statement) {
        String sql = statement.sql();
        String masked = SqlMask.mask(sql, false);
        Matcher create = CREATE_TABLE.matcher(masked);
        if (!create.find()) {
            return new Split(statement, List.of());
        }
        String table = sql.substring(create.start(1), create.end(1));
        List<int[]> elements = elements(masked, create.end() - 1);
        char[] out = sql.toCharArray();
        List<Deferred> keys = new ArrayList<>();
        boolean keptBefore = false;
        for (int e = 0; e < elements.size(); e++) {
            int start = elements.get(e)[0];
            int end = elements.get(e)[1];
            String element = masked.substring(start, end);
            Matcher key = TABLE_KEY.matcher(element);
            if (key.find()) {
                String name = key.group(1) != null ? "" : "CONSTRAINT " + name(table, key.group(2)) + " ";
                keys.add(new Deferred("ALTER TABLE " + table + " ADD " + name + sql.substring(start, end).strip(),
                        start + key.start() + leading(element.substring(key.start())) + 1));
                // the comma before it when an element before stays, else the comma after it
                boolean last = e == elements.size() - 1;
                blank(out, keptBefore ? elements.get(e - 1)[1] : start,
                        keptBefore || last ? end : elements.get(e + 1)[0]);
                continue;
            }
            keptBefore = true;
            if (TABLE_CONSTRAINT.matcher(element).find()) {
                continue;
            }
            Matcher column = COLUMN.matcher(element);
            Matcher inline = INLINE.matcher(element);
            while (column.find(0) && inline.find()) {
                String source = column.group(1);
                String name = inline.group(1) != null ? inline.group(1) : name(table, source);
                String target = sql.substring(start + inline.start(2), start + inline.end(2));
                String columns = inline.group(3) == null ? ""
                        : " (" + sql.substring(start + inline.start(3), start + inline.end(3)).strip() + ")";
                String actions = inline.group(4).strip().replaceAll("\\s+", " ");
                keys.add(new Deferred("ALTER TABLE " + table + " ADD CONSTRAINT " + name + " FOREIGN KEY (" + source
                        + ") REFERENCES " + target + columns + (actions.isEmpty() ? "" : " " + actions),
                        start + inline.start() + leading(inline.group()) + 1));
                blank(out, start + inline.start(), start + inline.end());
            }
        }
        if (keys.isEmpty()) {
            return new Split(statement, List.of());
        }
        return new Split(new SqlStatement(new String(out), statement.line(), statement.column()), keys);
    }

    /** The {@code [start, end)} ranges of the top-level elements between the parenthesis at {@code open} and its match. */
    private static List<int[]> elements(String masked, int open) {
        List<int[]> elements = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c == '"') {
                int close = masked.indexOf('"', i + 1);
                i = close < 0 ? masked.length() : close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                elements.add(new int[] {start, i});
                break;
            } else if (c == ',' && depth == 1) {
                elements.add(new int[] {start, i});
                start = i + 1;
            }
        }
        return elements;
    }

    /** {@code <table>_<col>[_<col>...]_fkey}, schema and quotes removed. */
    private static String name(String table, String columns) {
        String bare = unquote(table.substring(table.lastIndexOf('.') + 1));
        String cols = List.of(columns.split(",")).stream().map(c -> unquote(c.strip()))
                .collect(Collectors.joining("_"));
        return bare + "_" + cols + "_fkey";
    }

    private static String unquote(String name) {
        String stripped = name.strip();
        return stripped.startsWith("\"") && stripped.endsWith("\"") && stripped.length() > 1
                ? stripped.substring(1, stripped.length() - 1) : stripped.toLowerCase(Locale.ROOT);
    }

    private static int leading(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void blank(char[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            if (out[i] != '\n' && out[i] != '\r') {
                out[i] = ' ';
            }
        }
    }
}
