package dev.fraise.catalog;

import dev.fraise.catalog.CatalogDifference.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Compares two {@link CatalogSnapshot}s. */
public final class CatalogDiff {

    private CatalogDiff() {
    }

    /**
     * The differences between {@code expected} and {@code actual}, ordered by kind and name; empty when they are
     * equal. Objects are matched by {@link ObjectId}. An object whose owner (table, schema) is itself missing or
     * extra is folded into its owner's difference. A generated-name constraint or index that is missing on one
     * side and extra on the other under the same name is one {@link Type#DEFINITION_DIFFERS}.
     */
    public static List<CatalogDifference> between(CatalogSnapshot expected, CatalogSnapshot actual) {
        List<CatalogObject> missing = new ArrayList<>();
        List<CatalogObject> extra = new ArrayList<>();
        List<CatalogDifference> result = new ArrayList<>();
        for (CatalogObject object : expected.objects()) {
            Optional<CatalogObject> other = actual.get(object.id());
            if (other.isEmpty()) {
                missing.add(object);
            } else if (!other.get().definition().equals(object.definition())) {
                result.add(new CatalogDifference(Type.DEFINITION_DIFFERS, object.kind(), object.name(),
                        Optional.of(object.definition()), Optional.of(other.get().definition())));
            }
        }
        for (CatalogObject object : actual.objects()) {
            if (expected.get(object.id()).isEmpty()) {
                extra.add(object);
            }
        }
        pairByName(missing, extra, result);
        for (CatalogObject object : missing) {
            if (!ownerAbsent(object, expected, actual)) {
                result.add(new CatalogDifference(Type.MISSING_IN_ACTUAL, object.kind(), object.name(),
                        Optional.of(expected.describe(object)), Optional.empty()));
            }
        }
        for (CatalogObject object : extra) {
            if (!ownerAbsent(object, actual, expected)) {
                result.add(new CatalogDifference(Type.EXTRA_IN_ACTUAL, object.kind(), object.name(),
                        Optional.empty(), Optional.of(actual.describe(object))));
            }
        }
        result.sort(Comparator.comparing(CatalogDifference::kind).thenComparing(CatalogDifference::name)
                .thenComparing(CatalogDifference::type));
        return List.copyOf(result);
    }

    /** Generated-name objects match by definition; one missing and one extra under one name changed definition. */
    private static void pairByName(List<CatalogObject> missing, List<CatalogObject> extra,
                                   List<CatalogDifference> result) {
        for (Iterator<CatalogObject> it = missing.iterator(); it.hasNext(); ) {
            CatalogObject lost = it.next();
            Optional<CatalogObject> found = extra.stream()
                    .filter(e -> e.kind() == lost.kind() && e.name().equals(lost.name())).findFirst();
            if (found.isPresent()) {
                extra.remove(found.get());
                it.remove();
                result.add(new CatalogDifference(Type.DEFINITION_DIFFERS, lost.kind(), lost.name(),
                        Optional.of(lost.definition()), Optional.of(found.get().definition())));
            }
        }
    }

    /** Whether the object's owner is absent from {@code other} too, so the owner's difference covers it. */
    private static boolean ownerAbsent(CatalogObject object, CatalogSnapshot own, CatalogSnapshot other) {
        return object.parent().filter(p -> own.get(p).isPresent() && other.get(p).isEmpty()).isPresent();
    }
}
