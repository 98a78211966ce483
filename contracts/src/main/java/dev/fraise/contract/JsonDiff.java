package dev.fraise.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;

/**
 * The first difference between two JSON values under strict comparison: the same keys, arrays in the same order,
 * numbers equal by value ({@code 1.0 = 1}, as jsonb compares them).
 */
final class JsonDiff {

    /** Where two values differ and what each side has there ({@code absent} for a missing key or element). */
    record Difference(String path, String expected, String actual) {
    }

    private static final int SHOWN = 60;

    private JsonDiff() {
    }

    static Optional<Difference> first(JsonNode expected, JsonNode actual) {
        return first(expected, actual, "$");
    }

    private static Optional<Difference> first(JsonNode expected, JsonNode actual, String path) {
        if (expected == null || actual == null) {
            return expected == actual ? Optional.empty() : Optional.of(difference(path, expected, actual));
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? Optional.empty()
                    : Optional.of(difference(path, expected, actual));
        }
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<String> keys = expected.fieldNames(); keys.hasNext();) {
                String key = keys.next();
                Optional<Difference> inner = first(expected.get(key), actual.get(key), path + "." + key);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            for (Iterator<String> keys = actual.fieldNames(); keys.hasNext();) {
                String key = keys.next();
                if (!expected.has(key)) {
                    return Optional.of(difference(path + "." + key, null, actual.get(key)));
                }
            }
            return Optional.empty();
        }
        if (expected.isArray() && actual.isArray()) {
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                Optional<Difference> inner = first(expected.get(i), actual.get(i), path + "[" + i + "]");
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        return expected.equals(actual) ? Optional.empty() : Optional.of(difference(path, expected, actual));
    }

    private static Difference difference(String path, JsonNode expected, JsonNode actual) {
        return new Difference(path, show(expected), show(actual));
    }

    private static String show(JsonNode node) {
        if (node == null) {
            return "absent";
        }
        String text = node.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN - 1) + "…";
    }
}
