package dev.fraise.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two definitions, as a {@code diff} code block shows it: {@code -} lines only in the first,
 * {@code +} lines only in the second, and unchanged runs longer than six lines cut to three on each side.
 */
final class LineDiff {

    private static final int CONTEXT = 3;

    private LineDiff() {
    }

    /** The diff of {@code before} and {@code after}, headed {@code --- label} and {@code +++ label}. */
    static String of(Problem.Detail before, Problem.Detail after) {
        String[] a = before.text().split("\n", -1);
        String[] b = after.text().split("\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        List<String> same = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                same.add(" " + a[i]);
                i++;
                j++;
                continue;
            }
            flush(same, lines, !lines.isEmpty(), true);
            if (j < b.length && (i == a.length || common[i][j + 1] > common[i + 1][j])) {
                lines.add("+" + b[j++]);
            } else {
                lines.add("-" + a[i++]);
            }
        }
        flush(same, lines, !lines.isEmpty(), false);
        return "--- " + before.label() + "\n+++ " + after.label() + "\n" + String.join("\n", lines);
    }

    /** Adds an unchanged run, cut to the context next to the changes it touches. */
    private static void flush(List<String> same, List<String> lines, boolean afterChange, boolean beforeChange) {
        int head = afterChange ? CONTEXT : 0;
        int tail = beforeChange ? CONTEXT : 0;
        if (same.size() <= head + tail + 1) {
            lines.addAll(same);
        } else {
            lines.addAll(same.subList(0, head));
            lines.add(" …");
            lines.addAll(same.subList(same.size() - tail, same.size()));
        }
        same.clear();
    }
}
