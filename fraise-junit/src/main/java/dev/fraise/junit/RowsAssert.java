package dev.fraise.junit;

import java.util.List;
import org.opentest4j.AssertionFailedError;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** Assertions on all rows of a view; see {@link ViewAssertions}. */
public final class RowsAssert {

    private final String view;
    private final List<String> rows;
    private final JSONCompareMode mode;

    RowsAssert(String view, List<String> rows, JSONCompareMode mode) {
        this.view = view;
        this.rows = rows;
        this.mode = mode;
    }

    /** These assertions with {@link JSONCompareMode#STRICT}: no extra keys, rows and arrays in order. */
    public RowsAssert strictly() {
        return new RowsAssert(view, rows, JSONCompareMode.STRICT);
    }

    /** Asserts the number of rows. */
    public RowsAssert hasSize(int expected) {
        if (rows.size() != expected) {
            throw new AssertionFailedError(view + " has " + rows.size() + (rows.size() == 1 ? " row" : " rows")
                    + ", expected " + expected, expected, rows.size());
        }
        return this;
    }

    /**
     * Asserts that the array of every row's {@code data}, ordered by {@code id}, matches {@code expected}
     * (LENIENT, so in any order, unless {@link #strictly()}).
     */
    public RowsAssert matches(String expected) {
        JsonMatch.assertMatches(view + " rows", expected, json(), mode);
        return this;
    }

    /** The rows' {@code data} as one JSON array, ordered by {@code id}. */
    public String json() {
        return "[" + String.join(", ", rows.stream().map(r -> r == null ? "null" : r).toList()) + "]";
    }
}
