package dev.fraise.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Python's {@code pathlib} pattern semantics, which Confiture's file discovery inherits:
 * {@code Path.glob}/{@code Path.rglob} for include patterns and {@code PurePath.match} for exclude patterns.
 *
 * <ul>
 *   <li>Components are matched with {@code fnmatch} rules: {@code *}, {@code ?}, {@code [seq]}, {@code [!seq]};
 *       there are no braces and no backslash escapes. Matching is case-sensitive (POSIX).</li>
 *   <li>In a glob, a {@code **} component matches zero or more directories; {@code rglob(p)} is
 *       {@code glob("**}{@code /" + p)}.</li>
 *   <li>In {@code PurePath.match} (Python 3.11–3.14) a relative pattern is matched against the path's last
 *       components ("from the right") and {@code **} is an ordinary one-component {@code *}.</li>
 * </ul>
 */
final class PythonGlob {

    /** Marker for a recursive {@code **} glob component. */
    private static final Pattern RECURSIVE = Pattern.compile("");

    /** Compiled components; configs hold few distinct patterns, and each is tried against every file. */
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private PythonGlob() {
    }

    /** Whether {@code Path(dir).glob(pattern)} yields the file at {@code relative} (its components below dir). */
    static boolean glob(String pattern, List<String> relative) {
        List<Pattern> parts = globParts(pattern);
        return parts != null && globMatches(parts, 0, relative, 0);
    }

    /** Whether {@code Path(dir).rglob(pattern)} yields the file at {@code relative}. */
    static boolean rglob(String pattern, List<String> relative) {
        List<Pattern> parts = globParts(pattern);
        if (parts == null) {
            return false;
        }
        List<Pattern> recursive = new ArrayList<>(parts.size() + 1);
        recursive.add(RECURSIVE);
        recursive.addAll(parts);
        return globMatches(recursive, 0, relative, 0);
    }

    /** Python's {@code PurePath(relative).match(pattern)} for a relative path. */
    static boolean match(String pattern, List<String> relative) {
        if (pattern.startsWith("/")) {
            return false; // an absolute pattern needs an absolute path
        }
        List<String> parts = components(pattern);
        if (parts.isEmpty() || parts.size() > relative.size()) {
            return false;
        }
        int offset = relative.size() - parts.size();
        for (int i = 0; i < parts.size(); i++) {
            if (!fnmatch(parts.get(i)).matcher(relative.get(offset + i)).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The compiled components of a glob pattern, or {@code null} when it can match no file. */
    private static List<Pattern> globParts(String pattern) {
        if (pattern.startsWith("/") || pattern.endsWith("/")) {
            return null; // absolute patterns are unsupported; a trailing slash selects directories only
        }
        List<String> parts = components(pattern);
        if (parts.isEmpty()) {
            return null;
        }
        List<Pattern> compiled = new ArrayList<>(parts.size());
        for (String part : parts) {
            compiled.add(part.equals("**") ? RECURSIVE : fnmatch(part));
        }
        return compiled;
    }

    private static boolean globMatches(List<Pattern> parts, int pi, List<String> path, int qi) {
        if (pi == parts.size()) {
            return qi == path.size();
        }
        Pattern part = parts.get(pi);
        if (part == RECURSIVE) {
            if (pi == parts.size() - 1) {
                return qi < path.size(); // a trailing ** yields everything below (Python 3.13+)
            }
            // ** consumes zero or more directories, never the file itself
            for (int k = qi; k < path.size(); k++) {
                if (globMatches(parts, pi + 1, path, k)) {
                    return true;
                }
            }
            return false;
        }
        return qi < path.size() && part.matcher(path.get(qi)).matches() && globMatches(parts, pi + 1, path, qi + 1);
    }

    /** Splits like {@code PurePosixPath}: empty and {@code .} components are dropped. */
    private static List<String> components(String pattern) {
        List<String> parts = new ArrayList<>();
        for (String part : pattern.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** Python's {@code fnmatch.translate} for one path component, as a Java regex. */
    static Pattern fnmatch(String pat) {
        return COMPILED.computeIfAbsent(pat, PythonGlob::translate);
    }

    private static Pattern translate(String pat) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        int n = pat.length();
        while (i < n) {
            int c = pat.codePointAt(i);
            i += Character.charCount(c);
            if (c == '*') {
                while (i < n && pat.charAt(i) == '*') {
                    i++;
                }
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pat.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pat.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pat.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    re.append("\\[");
                } else {
                    re.append(charClass(pat.substring(i, j)));
                    i = j + 1;
                }
            } else {
                re.append(literal(c));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** A {@code [...]} set: {@code !} negates, {@code a-z} is a range, reversed ranges are dropped. */
    private static String charClass(String stuff) {
        boolean negate = stuff.startsWith("!");
        int[] cps = (negate ? stuff.substring(1) : stuff).codePoints().toArray();
        StringBuilder items = new StringBuilder();
        for (int k = 0; k < cps.length; k++) {
            if (k + 2 < cps.length && cps[k + 1] == '-') {
                if (cps[k] <= cps[k + 2]) {
                    items.append(literal(cps[k])).append('-').append(literal(cps[k + 2]));
                }
                k += 2;
            } else {
                items.append(literal(cps[k]));
            }
        }
        if (items.isEmpty()) {
            return negate ? "." : "(?!)";
        }
        return (negate ? "[^" : "[") + items + "]";
    }

    private static String literal(int codePoint) {
        return "\\x{" + Integer.toHexString(codePoint) + "}";
    }
}
