package dev.fraise.build;

import dev.fraise.config.SortMode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orders schema files exactly as Confiture does. */
final class ConfitureOrder {

    private static final Pattern HEX_PREFIX = Pattern.compile("^([0-9A-F]+)_(.*)$");

    /** Python's {@code PurePath} order: components compared one by one, by code point. */
    static final Comparator<Path> PATH_COMPONENTS = ConfitureOrder::compareComponents;

    private ConfitureOrder() {
    }

    /** Returns {@code files} sorted by one global sort, as Confiture's builder does. */
    static List<Path> sort(List<Path> files, SortMode mode) {
        List<Path> sorted = new ArrayList<>(files);
        if (mode == SortMode.HEX && sorted.stream().anyMatch(f -> HEX_PREFIX.matcher(stem(f)).matches())) {
            sorted.sort(Comparator.comparing(ConfitureOrder::hexKey).thenComparing(PATH_COMPONENTS));
        } else {
            sorted.sort(PATH_COMPONENTS);
        }
        return sorted;
    }

    private static HexKey hexKey(Path file) {
        String stem = stem(file);
        Matcher m = HEX_PREFIX.matcher(stem);
        if (m.matches()) {
            return new HexKey(false, new BigInteger(m.group(1), 16), m.group(2));
        }
        return new HexKey(true, BigInteger.ZERO, stem);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static int compareComponents(Path a, Path b) {
        int n = Math.min(a.getNameCount(), b.getNameCount());
        for (int i = 0; i < n; i++) {
            int c = compareCodePoints(a.getName(i).toString(), b.getName(i).toString());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.getNameCount(), b.getNameCount());
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Non-hex files sort last, by stem; hex files by number, then by the rest of the stem. */
    private record HexKey(boolean last, BigInteger number, String rest) implements Comparable<HexKey> {
        @Override
        public int compareTo(HexKey o) {
            int c = Boolean.compare(last, o.last);
            if (c == 0) {
                c = number.compareTo(o.number);
            }
            return c != 0 ? c : compareCodePoints(rest, o.rest);
        }
    }
}
