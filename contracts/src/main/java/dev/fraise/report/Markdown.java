package dev.fraise.report;

/** Escaping for the Markdown reports' table cells. */
final class Markdown {

    private Markdown() {
    }

    /** A code span inside a table cell. */
    static String code(String value) {
        String cell = value.replace("|", "\\|").replaceAll("\\s+", " ");
        return cell.contains("`") ? "`` " + cell + " ``" : "`" + cell + "`";
    }

    /** Plain text inside a table cell: Markdown and HTML characters escaped, on one line. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.replaceAll("\\s+", " ").toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '|', '*', '_', '`', '[', ']', '#', '~' -> out.append('\\').append(c);
                default -> out.append(Character.isISOControl(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
