package dev.fraise.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.config.SortMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConfitureOrderTest {

    private static List<Path> paths(String... names) {
        return Stream.of(names).map(Path::of).toList();
    }

    /** Sorts every permutation-ish shuffle of {@code expected} and checks the result is {@code expected}. */
    private static void assertOrder(SortMode mode, String... expected) {
        List<Path> want = paths(expected);
        List<Path> reversed = new ArrayList<>(want);
        Collections.reverse(reversed);
        assertEquals(want, ConfitureOrder.sort(reversed, mode), "from reversed input");
        for (int seed = 0; seed < 5; seed++) {
            List<Path> shuffled = new ArrayList<>(want);
            Collections.shuffle(shuffled, new java.util.Random(seed));
            assertEquals(want, ConfitureOrder.sort(shuffled, mode), "from shuffled input " + shuffled);
        }
    }

    @Test
    void comparesPathComponentsNotStrings() {
        // as a string "a-b/x.sql" < "a/x.sql" because '-' < '/'; Python compares components
        assertTrue("a-b/x.sql".compareTo("a/x.sql") < 0);
        assertOrder(SortMode.ALPHABETICAL, "a/x.sql", "a-b/x.sql", "a.b/x.sql", "a_b/x.sql");
    }

    @Test
    void numberedDirectoriesSortBeforeTheirSuccessorsWhateverTheFileNames() {
        assertOrder(SortMode.ALPHABETICAL,
                "db/schema/00_common/zz_extensions.sql",
                "db/schema/10_tables/0211_users.sql",
                "db/schema/10_tables/0212_posts.sql",
                "db/schema/20_views/a_view.sql",
                "db/seeds/01_users.sql");
    }

    @Test
    void orderIsByCodePointAndCaseSensitive() {
        assertOrder(SortMode.ALPHABETICAL, "B.sql", "Z.sql", "_x.sql", "a.sql", "b.sql");
    }

    @Test
    void shorterComponentSortsFirst() {
        // components "y" < "y.sql", so the directory's files come before the sibling file
        assertOrder(SortMode.ALPHABETICAL, "x/y/z.sql", "x/y.sql", "x/y_z.sql");
    }

    @Test
    void supplementaryCharactersCompareByCodePointNotUtf16Unit() {
        // U+FF5A (fullwidth z) < U+1F600 (emoji) as code points, but not as UTF-16 units (0xD83D < 0xFF5A)
        assertOrder(SortMode.ALPHABETICAL, "\uFF5A.sql", "\uD83D\uDE00.sql");
        assertEquals(-1, Integer.signum(ConfitureOrder.compareCodePoints("\uFF5A", "\uD83D\uDE00")));
        assertEquals(-1, Integer.signum(ConfitureOrder.compareCodePoints("ab", "abc")));
        assertEquals(0, ConfitureOrder.compareCodePoints("abc", "abc"));
    }

    @Test
    void alphabeticalModeIgnoresHexPrefixes() {
        assertOrder(SortMode.ALPHABETICAL, "0A_b.sql", "10_a.sql", "9_c.sql");
    }

    @Test
    void hexModeSortsByHexValueOfTheFileNameOnlyThenNonHexByStem() {
        assertOrder(SortMode.HEX,
                "zz/09_c.sql",          // 9
                "yy/0A_b.sql",          // 10
                "aa/10_x.sql",          // 16
                "bb/sub/1F_a.sql",      // 31
                "012A31_x.sql",         // 76337
                "db/0x0A_lower.sql",    // not hex (lowercase x): last, by stem
                "a/ff_lower.sql",       // not hex (lowercase letters)
                "readme.sql",
                "0a/z_last.sql");
    }

    @Test
    void hexModeBreaksValueTiesOnTheRestOfTheStem() {
        assertOrder(SortMode.HEX, "b/1_a.sql", "a/01_b.sql", "0001_c.sql");
    }

    @Test
    void hexPrefixAcceptsPythonsUppercaseRadixPrefix() {
        // Confiture checks the prefix with int(prefix, 16), which accepts "0X"; "0X1A" is 26
        assertOrder(SortMode.HEX, "19_a.sql", "0X1A_b.sql", "1B_c.sql");
    }

    @Test
    void hexPrefixNeedsAnUnderscoreAndAtLeastOneDigit() {
        assertOrder(SortMode.HEX, "0A_x.sql", "ABC.sql", "_1.sql", "zz.sql");
    }

    @Test
    void hexModeWithoutHexFilesFallsBackToPathOrder() {
        assertOrder(SortMode.HEX, "a/z.sql", "b/a.sql", "b/c/a.sql", "c.sql");
    }

    @Test
    void hexModeUsesTheStemSoDotsInNamesCount() {
        // stem of "0B_a.b.sql" is "0B_a.b"; of ".sql" it is ".sql" (not hex)
        assertOrder(SortMode.HEX, "0B_a.b.sql", "0B_a.c.sql", ".sql", "x.sql");
    }

    @Test
    void duplicatesAreKept() {
        List<Path> sorted = ConfitureOrder.sort(paths("b.sql", "a.sql", "b.sql"), SortMode.ALPHABETICAL);
        assertEquals(paths("a.sql", "b.sql", "b.sql"), sorted);
    }
}
