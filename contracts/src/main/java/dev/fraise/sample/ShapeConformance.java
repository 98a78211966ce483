package dev.fraise.sample;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fraise.shape.ArrayShape;
import dev.fraise.shape.Field;
import dev.fraise.shape.NeverShape;
import dev.fraise.shape.NullShape;
import dev.fraise.shape.Nullability;
import dev.fraise.shape.ObjectShape;
import dev.fraise.shape.ScalarShape;
import dev.fraise.shape.Shape;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Checks one JSON value against a shape, depth first, reporting every violation. Two PostgreSQL conversions are
 * part of the model: a {@code real}, {@code double precision} or {@code numeric} value may be the string
 * {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}, and a SQL array (a type ending in {@code []}) may be
 * multi-dimensional, so its items may be arrays of items. A key an open object does not know is no violation.
 */
public final class ShapeConformance {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** PostgreSQL writes these float and numeric values as JSON strings. */
    private static final java.util.Set<String> SPECIAL_NUMBERS = java.util.Set.of("NaN", "Infinity", "-Infinity");
    private static final java.util.Set<String> FLOATING_TYPES = java.util.Set.of("real", "double precision",
            "numeric");

    private ShapeConformance() {
    }

    /**
     * Checks {@code value} ({@code null} for SQL NULL) against {@code shape} and reports each violation.
     *
     * @param rowId the row's id, carried into each violation
     */
    public static void check(String rowId, JsonNode value, Shape shape, Nullability nullability,
            Consumer<Violation> violations) {
        check(rowId, value, shape, nullability, "$", violations);
    }

    /** The violations of one value, collected into a list. */
    public static List<Violation> violations(String rowId, JsonNode value, Shape shape, Nullability nullability) {
        java.util.ArrayList<Violation> found = new java.util.ArrayList<>();
        check(rowId, value, shape, nullability, found::add);
        return found;
    }

    private static void check(String rowId, JsonNode value, Shape shape, Nullability nullability, String path,
            Consumer<Violation> out) {
        if (value == null || value.isNull()) {
            if (!nullability.nullable() && !(shape instanceof NullShape)) {
                out.accept(new Violation(rowId, path, ViolationKind.UNEXPECTED_NULL,
                        "null, but inferred non-null (" + nullability.reason() + ")"));
            }
            return;
        }
        if (shape instanceof ObjectShape object) {
            checkObject(rowId, value, object, path, out);
        } else if (shape instanceof ArrayShape array) {
            if (!value.isArray()) {
                out.accept(wrongType(rowId, path, "array", value));
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (item != null && item.isArray() && isSqlArray(array)) {
                    check(rowId, item, array, Nullability.nonNull("a dimension of a SQL array"), path + "[" + i + "]",
                            out);
                } else {
                    check(rowId, item, array.items(), array.itemNullability(), path + "[" + i + "]", out);
                }
            }
        } else if (shape instanceof ScalarShape scalar) {
            checkScalar(rowId, value, scalar, path, out);
        } else if (shape instanceof NullShape) {
            out.accept(wrongType(rowId, path, "null", value));
        } else if (shape instanceof NeverShape) {
            out.accept(new Violation(rowId, path, ViolationKind.WRONG_TYPE, "a value where none was expected"));
        }
    }

    /** A SQL array (its type, or one of a merge's, ends in {@code []}) may be multi-dimensional: its JSON nests arrays. */
    private static boolean isSqlArray(ArrayShape array) {
        return java.util.Arrays.stream(array.provenance().sqlType().split(" \\| ")).anyMatch(t -> t.endsWith("[]"));
    }

    private static void checkObject(String rowId, JsonNode value, ObjectShape object, String path,
            Consumer<Violation> out) {
        if (!value.isObject()) {
            out.accept(wrongType(rowId, path, "object", value));
            return;
        }
        for (Field field : object.fields().values()) {
            JsonNode child = value.get(field.key());
            String childPath = path(path, field.key());
            if (child == null) {
                if (!field.maybeAbsent()) {
                    out.accept(new Violation(rowId, childPath, ViolationKind.MISSING_KEY, "key missing, but"
                            + " inferred always present"));
                }
            } else {
                check(rowId, child, field.shape(), field.nullability(), childPath, out);
            }
        }
        Iterator<String> keys = value.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!object.fields().containsKey(key) && !object.open()) {
                out.accept(new Violation(rowId, path(path, key), ViolationKind.UNEXPECTED_KEY, "key not in the"
                        + " shape"));
            }
        }
    }

    private static void checkScalar(String rowId, JsonNode value, ScalarShape scalar, String path,
            Consumer<Violation> out) {
        switch (scalar.scalarKind()) {
            case STRING:
                if (!value.isTextual()) {
                    out.accept(wrongType(rowId, path, "string", value));
                }
                break;
            case BOOLEAN:
                if (!value.isBoolean()) {
                    out.accept(wrongType(rowId, path, "boolean", value));
                }
                break;
            case NUMBER:
                if (value.isTextual() && !scalar.integer() && SPECIAL_NUMBERS.contains(value.textValue())
                        && java.util.Arrays.stream(scalar.provenance().sqlType().split(" \\| "))
                        .anyMatch(FLOATING_TYPES::contains)) {
                    break;
                }
                if (!value.isNumber()) {
                    out.accept(wrongType(rowId, path, scalar.integer() ? "integer" : "number", value));
                } else if (scalar.integer() && !value.isIntegralNumber()
                        && value.decimalValue().stripTrailingZeros().scale() > 0) {
                    out.accept(new Violation(rowId, path, ViolationKind.NOT_AN_INTEGER, value.asText()
                            + " is not an integer"));
                }
                break;
            default:
                break;
        }
    }

    private static Violation wrongType(String rowId, String path, String expected, JsonNode value) {
        return new Violation(rowId, path, ViolationKind.WRONG_TYPE, "expected " + expected + " but found "
                + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static String path(String parent, String key) {
        return PLAIN_KEY.matcher(key).matches() ? parent + "." + key
                : parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }
}
