package dev.fraise.shape;

/**
 * Renders shapes as indented trees, one line per node, with nullability, presence and provenance; an open object's
 * other keys are one line {@code *: any other key}.
 */
public final class ShapePrinter {

    private ShapePrinter() {
    }

    /** The tree of a view's {@code data} column. */
    public static String print(ViewShape view) {
        StringBuilder out = new StringBuilder();
        out.append(view.relation()).append(".data (").append(view.origin()).append(")\n");
        line(out, 1, "data", view.data(), view.nullability(), Presence.ALWAYS);
        return out.toString();
    }

    /** The tree of one shape, its root labelled {@code label}. */
    public static String print(String label, Shape shape, Nullability nullability) {
        StringBuilder out = new StringBuilder();
        line(out, 0, label, shape, nullability, Presence.ALWAYS);
        return out.toString();
    }

    private static void line(StringBuilder out, int depth, String label, Shape shape, Nullability nullability,
            Presence presence) {
        out.append("  ".repeat(depth)).append(label).append(": ").append(shape.kind());
        if (shape instanceof ObjectShape object && object.open()) {
            out.append(" (open)");
        }
        out.append(nullability.nullable() ? ", nullable (" + nullability.reason() + ")" : ", non-null");
        if (presence == Presence.MAYBE_ABSENT) {
            out.append(", may be absent");
        }
        if (shape instanceof UnknownShape unknown) {
            out.append(" [").append(unknown.reason()).append(']');
        }
        provenance(out, shape.provenance());
        if (shape instanceof ObjectShape object) {
            for (Field field : object.fields().values()) {
                line(out, depth + 1, field.key(), field.shape(), field.nullability(), field.presence());
            }
            object.remainder().ifPresent(rest -> {
                out.append("  ".repeat(depth + 1)).append("*: any other key, any value, may be absent [")
                        .append(rest.reason()).append(']');
                provenance(out, rest.provenance());
            });
        } else if (shape instanceof ArrayShape array) {
            line(out, depth + 1, "[]", array.items(), array.itemNullability(), Presence.ALWAYS);
        }
    }

    private static void provenance(StringBuilder out, Provenance p) {
        out.append("  ← ").append(p.source()).append(" :: ").append(p.sqlType()).append(" in ").append(p.view());
        out.append('\n');
    }
}
