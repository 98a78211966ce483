package dev.fraise.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * One difference between an expected and an actual catalog.
 *
 * @param type     missing in the actual catalog, extra in it, or defined differently
 * @param kind     the object's kind
 * @param name     the object's qualified name, e.g. {@code public.v_post}
 * @param expected the expected definition; empty when the object is extra. A missing table's definition lists
 *                 its columns, constraints, indexes and triggers, which are then not reported separately
 * @param actual   the actual definition; empty when the object is missing
 */
public record CatalogDifference(Type type, ObjectKind kind, String name, Optional<String> expected,
                                Optional<String> actual) {

    /** How an object differs. */
    public enum Type {
        /** In the expected catalog only. */
        MISSING_IN_ACTUAL,
        /** In the actual catalog only. */
        EXTRA_IN_ACTUAL,
        /** In both, defined differently. */
        DEFINITION_DIFFERS
    }

    public CatalogDifference {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
    }

    /** {@code kind name}, e.g. {@code view public.v_post}. */
    public String object() {
        return kind.label() + " " + name;
    }

    @Override
    public String toString() {
        return switch (type) {
            case MISSING_IN_ACTUAL -> object() + " is missing: " + expected.orElse("");
            case EXTRA_IN_ACTUAL -> object() + " is extra: " + actual.orElse("");
            case DEFINITION_DIFFERS -> object() + " differs: expected " + expected.orElse("") + " but was "
                    + actual.orElse("");
        };
    }
}
