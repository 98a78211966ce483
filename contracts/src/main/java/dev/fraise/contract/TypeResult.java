package dev.fraise.contract;

import dev.fraise.error.SourceLocation;
import java.util.Optional;

/**
 * What the checker did with one GraphQL type, so that nothing is skipped silently.
 *
 * @param type        the GraphQL type name
 * @param status      checked against its view, checked only through the types embedding it, or not checked
 * @param view        the bound view, when there is one
 * @param reason      how the view was bound, or why the type was not checked
 * @param sdlLocation where the type is defined
 */
public record TypeResult(String type, Status status, Optional<String> view, String reason,
        Optional<SourceLocation> sdlLocation) {

    /** What happened to a type. */
    public enum Status {
        /** Checked against its own view. */
        CHECKED,
        /**
         * Not bound to a view of its own; checked through every type that embeds it, or, for a Mutation field's
         * payload, by its function's return check.
         */
        CHECKED_THROUGH_PARENT,
        /**
         * Not checked (root, input, enum, scalar, interface, union, or no source); {@code reason} says why. An object
         * type not checked also has a {@code TYPE_NOT_CHECKED} finding.
         */
        NOT_CHECKED
    }
}
