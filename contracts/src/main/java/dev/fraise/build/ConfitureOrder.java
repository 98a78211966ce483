package dev.fraise.build;

import dev.fraise.config.SortMode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Orders schema files exactly as Confiture does. */
final class ConfitureOrder {

    /** Python's {@code PurePath} order: components compared one by one, by code point. */
    static final Comparator<Path> PATH_COMPONENTS = ConfitureOrder::compareComponents;

    private ConfitureOrder() {
    }

    /** Returns {@code files} sorted by one global sort, as Confiture's builder does. */
    static List<Path> sort(List<Path> files, SortMode mode) {
        List<Path> sorted = new ArrayList<>(files);
        if (mode == SortMode.HEX && sorted.stream().anyMatch(f -> hexPrefix(stem(f)) != null)) {
            sorted.sort(Comparator.comparing(ConfitureOrder::hexKey).thenComparing(PATH_COMPONENTS));
        } else {
            sorted.sort(PATH_COMPONENTS);
        }
        return sorted;
    }

    private static HexKey hexKey(Path file) {
        String stem = stem(file);
        BigInteger number = hexPrefix(stem);
        if (number != null) {
            return new HexKey(false, number, stem.substring(stem.indexOf('_') + 1));
        }
        return new HexKey(true, BigInteger.ZERO, stem);
    }

    /**
     * Confiture's {@code _is_hex_prefix} and {@code int(prefix, 16)}: the part of the stem before the first
     * {@code _} must be upper-case letters or digits and parse as hex. Python's {@code int} also accepts a
     * {@code 0X} radix prefix and any Unicode decimal digit; lower-case letters (so {@code 0x0A}) are rejected.
     *
     * @return the prefix's value, or {@code null} when the stem has no hex prefix
     */
    static BigInteger hexPrefix(String stem) {
        int underscore = stem.indexOf('_');
        if (underscore < 0) {
            return null;
        }
        String digits = stem.substring(0, underscore);
        if (digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        if (digits.isEmpty()) {
            return null;
        }
        BigInteger value = BigInteger.ZERO;
        for (int cp : digits.codePoints().toArray()) {
            int digit = cp >= 'A' && cp <= 'F' ? cp - 'A' + 10 : Character.isDigit(cp) ? Character.digit(cp, 10) : -1;
            if (digit < 0) {
                return null;
            }
            value = value.shiftLeft(4).add(BigInteger.valueOf(digit));
        }
        return value;
    }

    /** Python's {@code PurePath.stem}: the name without its last suffix; a leading or trailing dot is no suffix. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1 ? name.substring(0, dot) : name;
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
