package dev.fraise.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Python pathlib/fnmatch semantics used by Confiture's discovery. */
class PythonGlobTest {

    private static List<String> p(String relative) {
        return List.of(relative.split("/"));
    }

    private static boolean fn(String pattern, String name) {
        return PythonGlob.fnmatch(pattern).matcher(name).matches();
    }

    @Test
    void fnmatchWildcardsAndSets() {
        assertTrue(fn("*.sql", ".hidden.sql"));
        assertTrue(fn("?_x.sql", "1_x.sql"));
        assertFalse(fn("?_x.sql", "12_x.sql"));
        assertTrue(fn("[0-9][0-9]_*", "10_tables"));
        assertFalse(fn("[!0-9]*", "10_tables"));
        assertTrue(fn("[]]", "]"));
        assertTrue(fn("[!]]", "a"));
        assertTrue(fn("[a-]", "-"));
        assertTrue(fn("[--0]", "."), "'-'..'0' is a range");
        assertFalse(fn("[z-a]", "m"), "a reversed range matches nothing");
        assertTrue(fn("[", "["), "an unclosed [ is literal");
        assertTrue(fn("a[b", "a[b"));
        assertTrue(fn("{a,b}", "{a,b}"), "no brace expansion");
        assertFalse(fn("{a,b}", "a"));
        assertTrue(fn("\\*", "\\x"), "backslash is literal, * still a wildcard");
        assertTrue(fn("a.(b)+$", "a.(b)+$"), "regex metacharacters are literal");
        assertFalse(fn("*.SQL", "x.sql"), "case-sensitive");
    }

    @Test
    void globMatchesWholeRelativePathsWithRecursiveDoubleStar() {
        assertTrue(PythonGlob.glob("*.sql", p("a.sql")));
        assertFalse(PythonGlob.glob("*.sql", p("d/a.sql")));
        assertTrue(PythonGlob.glob("**/*.sql", p("a.sql")));
        assertTrue(PythonGlob.glob("**/*.sql", p("d/e/a.sql")));
        assertTrue(PythonGlob.glob("d/**/a.sql", p("d/a.sql")));
        assertTrue(PythonGlob.glob("d/**/a.sql", p("d/x/y/a.sql")));
        assertFalse(PythonGlob.glob("d/**/a.sql", p("e/d/a.sql")));
        assertTrue(PythonGlob.glob("./d//a.sql", p("d/a.sql")), "empty and . components are dropped");
        assertFalse(PythonGlob.glob("d/", p("d/a.sql")), "a trailing slash selects directories only");
        assertFalse(PythonGlob.glob("/abs/*.sql", p("abs/a.sql")));
    }

    @Test
    void rglobMatchesThePatternBelowAnyDirectory() {
        assertTrue(PythonGlob.rglob("*.sql", p("a/b/c.sql")));
        assertTrue(PythonGlob.rglob("b/*.sql", p("a/b/c.sql")));
        assertTrue(PythonGlob.rglob("b/*.sql", p("b/c.sql")));
        assertFalse(PythonGlob.rglob("a/*.sql", p("a/b/c.sql")));
    }

    @Test
    void pureMatchIsFromTheRightAndDoubleStarIsOneComponent() {
        assertTrue(PythonGlob.match("*.sql", p("a/b/c.sql")));
        assertTrue(PythonGlob.match("b/*.sql", p("a/b/c.sql")));
        assertFalse(PythonGlob.match("a/*.sql", p("a/b/c.sql")));
        assertTrue(PythonGlob.match("**/b/**", p("a/b/c.sql")));
        assertFalse(PythonGlob.match("**/b/**", p("b/c.sql")), "more pattern components than path components");
        assertFalse(PythonGlob.match("**/b/**", p("a/b/c/d.sql")), "** does not span directories");
        assertFalse(PythonGlob.match("/a/*.sql", p("a/c.sql")), "an absolute pattern never matches a relative path");
        assertFalse(PythonGlob.match("", p("a.sql")));
    }
}
