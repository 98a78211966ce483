package dev.fraise.graphql;

import java.util.List;

/** Positions in SDL text: the first token after a description string. */
final class SdlText {

    private SdlText() {
    }

    /**
     * The 0-based line and column of the first token after the string literal (plain or block) that starts at
     * {@code line}, {@code column}, skipping whitespace, commas and comments; the start itself when the text
     * there is not a string.
     */
    static int[] afterDescription(List<String> lines, int line, int column) {
        if (line >= lines.size() || column >= lines.get(line).length() || lines.get(line).charAt(column) != '"') {
            return new int[] {line, column};
        }
        int[] end = lines.get(line).startsWith("\"\"\"", column) ? blockEnd(lines, line, column + 3)
                : plainEnd(lines.get(line), line, column + 1);
        return nextToken(lines, end[0], end[1]);
    }

    private static int[] blockEnd(List<String> lines, int line, int column) {
        for (int l = line; l < lines.size(); l++) {
            String text = lines.get(l);
            for (int c = l == line ? column : 0; c < text.length(); c++) {
                if (text.startsWith("\\\"\"\"", c)) {
                    c += 3;
                } else if (text.startsWith("\"\"\"", c)) {
                    return new int[] {l, c + 3};
                }
            }
        }
        return new int[] {line, column};
    }

    private static int[] plainEnd(String text, int line, int column) {
        for (int c = column; c < text.length(); c++) {
            if (text.charAt(c) == '\\') {
                c++;
            } else if (text.charAt(c) == '"') {
                return new int[] {line, c + 1};
            }
        }
        return new int[] {line, column};
    }

    private static int[] nextToken(List<String> lines, int line, int column) {
        for (int l = line; l < lines.size(); l++) {
            String text = lines.get(l);
            for (int c = l == line ? column : 0; c < text.length(); c++) {
                char ch = text.charAt(c);
                if (ch == '#') {
                    break;
                }
                if (!Character.isWhitespace(ch) && ch != ',') {
                    return new int[] {l, c};
                }
            }
        }
        return new int[] {line, column};
    }
}
