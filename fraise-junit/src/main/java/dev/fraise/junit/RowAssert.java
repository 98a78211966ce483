package dev.fraise.junit;

import org.skyscreamer.jsonassert.JSONCompareMode;

/** Assertions on the {@code data} of one view row; see {@link ViewAssertions}. */
public final class RowAssert {

    private final String subject;
    private final String json;
    private final JSONCompareMode mode;

    RowAssert(String subject, String json, JSONCompareMode mode) {
        this.subject = subject;
        this.json = json;
        this.mode = mode;
    }

    /** These assertions with {@link JSONCompareMode#STRICT}: no extra keys, arrays in order. */
    public RowAssert strictly() {
        return new RowAssert(subject, json, JSONCompareMode.STRICT);
    }

    /** Asserts that the row's {@code data} matches {@code expected} (LENIENT unless {@link #strictly()}). */
    public RowAssert matches(String expected) {
        JsonMatch.assertMatches(subject, expected, json, mode);
        return this;
    }

    /** The row's {@code data} as JSON text, {@code null} when it is SQL NULL. */
    public String json() {
        return json;
    }
}
