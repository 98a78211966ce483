package dev.fraise.shape;

/** Renders shapes as indented trees, one line per node, with nullability, presence and provenance. */
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
        out.append(nullability.nullable() ? ", nullable (" + nullability.reason() + ")" : ", non-null");
        if (presence == Presence.MAYBE_ABSENT) {
            out.append(", may be absent");
        }
        if (shape instanceof UnknownShape unknown) {
            out.append(" [").append(unknown.reason()).append(']');
        }
        Provenance p = shape.provenance();
        out.append("  ← ").append(p.source()).append(" :: ").append(p.sqlType()).append(" in ").append(p.view());
        out.append('\n');
        if (shape instanceof ObjectShape object) {
            for (Field field : object.fields().values()) {
                line(out, depth + 1, field.key(), field.shape(), field.nullability(), field.presence());
            }
        } else if (shape instanceof ArrayShape array) {
            line(out, depth + 1, "[]", array.items(), array.itemNullability(), Presence.ALWAYS);
        }
    }
}
