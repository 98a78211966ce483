package dev.fraise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Definitions compared line by line, long unchanged runs cut to the lines next to a change. */
class LineDiffTest {

    private static String diff(String expected, String actual) {
        return LineDiff.of(new Problem.Detail("expected", expected), new Problem.Detail("actual", actual));
    }

    @Test
    void aChangedLineIsRemovedThenAdded() {
        assertEquals("--- expected\n+++ actual\n SELECT c.id,\n-  LEFT JOIN v_user vu\n+  JOIN v_user vu\n FROM c",
                diff("SELECT c.id,\n  LEFT JOIN v_user vu\nFROM c", "SELECT c.id,\n  JOIN v_user vu\nFROM c"));
    }

    @Test
    void longUnchangedRunsKeepThreeLinesOfContext() {
        String body = "1\n2\n3\n4\n5\n6\n7\n8\n";
        assertEquals("--- expected\n+++ actual\n …\n 6\n 7\n 8\n-old\n+new\n 1\n 2\n 3\n …",
                diff(body + "old\n" + body.strip(), body + "new\n" + body.strip()));
    }

    @Test
    void aDefinitionThatOnlyGrewIsAllAdditions() {
        assertEquals("--- expected\n+++ actual\n a\n+b\n+c", diff("a", "a\nb\nc"));
    }
}
