package dev.fraise.contract;

/**
 * Field coverage: the fields of the schema's object types (root types left out), each counted once whatever the
 * number of views that reach it.
 *
 * @param total        fields of the object types that are not root types (nor synthesized for relay)
 * @param checked      fields compared against an inferred shape at least once (a missing key is compared too)
 * @param shapeUnknown fields reached only over a shape that cannot be inferred ({@code SHAPE_UNKNOWN})
 */
public record FieldCounts(int total, int checked, int shapeUnknown) {

    /** No fields: the counts of a report that has none (a schema that does not parse). */
    public static final FieldCounts NONE = new FieldCounts(0, 0, 0);

    public FieldCounts {
        if (checked < 0 || shapeUnknown < 0 || checked + shapeUnknown > total) {
            throw new IllegalArgumentException("field counts " + checked + " + " + shapeUnknown + " > " + total);
        }
    }

    /** Fields no view reached: their type is not checked, or nothing embeds them where a view emits them. */
    public int notReached() {
        return total - checked - shapeUnknown;
    }
}
