package dev.fraise.report;

/** Escaping for the JUnit XML reports. */
final class Xml {

    private Xml() {
    }

    /** An attribute value: {@link #text} with quotes and line breaks as character references. */
    static String attribute(String value) {
        return text(value).replace("\"", "&quot;").replace("\n", "&#10;").replace("\r", "&#13;")
                .replace("\t", "&#9;");
    }

    /** Escapes markup and drops the characters XML 1.0 cannot hold. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF
                            || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000) {
                        out.appendCodePoint(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        });
        return out.toString();
    }
}
