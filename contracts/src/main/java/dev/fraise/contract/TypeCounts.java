package dev.fraise.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happened to the GraphQL types of a report, counted by status: the one-line summary of a check.
 *
 * @param total         every type of the schema
 * @param checked       checked against their own view
 * @param throughParent checked only through the types that embed them
 * @param notChecked    not checked, by reason in schema order: the reason's head ({@code root type},
 *                      {@code enum type}, {@code no source}, …), {@code view missing} for a type bound to a view
 *                      that does not exist, or {@code shape unknown} for one whose view's data is of unknown shape
 */
public record TypeCounts(int total, int checked, int throughParent, Map<String, Integer> notChecked) {

    /** The reason counted for a type bound to a view that does not exist. */
    public static final String VIEW_MISSING = "view missing";
    /** The reason counted for a type whose view's data is of unknown shape as a whole: none of its fields is read. */
    public static final String SHAPE_UNKNOWN = "shape unknown";

    public TypeCounts {
        notChecked = Collections.unmodifiableMap(new LinkedHashMap<>(notChecked));
    }

    /** The counts of {@code report}'s types. */
    static TypeCounts of(ContractReport report) {
        int checked = 0;
        int throughParent = 0;
        Map<String, Integer> notChecked = new LinkedHashMap<>();
        for (TypeResult type : report.types()) {
            if (report.viewMissing(type)) {
                notChecked.merge(VIEW_MISSING, 1, Integer::sum);
            } else if (type.status() == TypeResult.Status.CHECKED) {
                checked++;
            } else if (type.status() == TypeResult.Status.CHECKED_THROUGH_PARENT) {
                throughParent++;
            } else {
                int colon = type.reason().indexOf(':');
                notChecked.merge(colon < 0 ? type.reason() : type.reason().substring(0, colon), 1, Integer::sum);
            }
        }
        return new TypeCounts(report.types().size(), checked, throughParent, notChecked);
    }

    /** Types not checked, whatever the reason. */
    public int notCheckedTotal() {
        return notChecked.values().stream().mapToInt(Integer::intValue).sum();
    }
}
