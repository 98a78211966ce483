package dev.fraise.junit;

import org.json.JSONException;
import org.opentest4j.AssertionFailedError;
import org.skyscreamer.jsonassert.JSONCompare;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.skyscreamer.jsonassert.JSONCompareResult;

/** JSONAssert comparison that fails with the subject (view and row) in the message. */
final class JsonMatch {

    private JsonMatch() {
    }

    static void assertMatches(String subject, String expected, String actual, JSONCompareMode mode) {
        if (actual == null) {
            throw new AssertionFailedError(subject + ": data is NULL", expected, null);
        }
        JSONCompareResult result;
        try {
            result = JSONCompare.compareJSON(expected, actual, mode);
        } catch (JSONException e) {
            throw new IllegalArgumentException(subject + ": the expected JSON does not parse: " + e.getMessage(), e);
        }
        if (result.failed()) {
            throw new AssertionFailedError(subject + " (" + mode + "): " + result.getMessage(), expected, actual);
        }
    }
}
