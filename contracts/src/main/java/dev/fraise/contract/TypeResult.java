package dev.fraise.contract;

import dev.fraise.error.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the checker did with one GraphQL type, so that nothing is skipped silently.
 *
 * @param type        the GraphQL type name
 * @param status      checked against its view, checked only through the types embedding it, or not checked
 * @param view        the bound view, when there is one: the type's own binding, the first of {@code sources}
 * @param reason      how the view was bound, or why the type was not checked
 * @param sdlLocation where the type is defined
 * @param sources     every source the type was checked against, its own binding first, then each other view (or
 *                    JSON column) a Query field returning it reads; empty unless {@link Status#CHECKED}
 */
public record TypeResult(String type, Status status, Optional<String> view, String reason,
        Optional<SourceLocation> sdlLocation, List<Source> sources) {

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

    /**
     * One source a type was checked against.
     *
     * @param view   the view or table, as findings name it ({@code v_post}, {@code app.v_post})
     * @param column the JSON column read ({@code data}, or the binding's {@code jsonbColumn})
     * @param reason how it was bound: {@code @sqlSource on Post}, {@code @sqlSource of Query.publishedPosts}, …
     */
    public record Source(String view, String column, String reason) {

        public Source {
            Objects.requireNonNull(view, "view");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public TypeResult {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(sdlLocation, "sdlLocation");
        sources = List.copyOf(sources);
    }

    /** A result with at most one source: {@code view} read through its {@code data} column. */
    public TypeResult(String type, Status status, Optional<String> view, String reason,
            Optional<SourceLocation> sdlLocation) {
        this(type, status, view, reason, sdlLocation, status == Status.CHECKED
                ? view.map(v -> List.of(new Source(v, "data", reason))).orElse(List.of()) : List.of());
    }

    /** The views of {@link #sources()}, in order, each once: {@code [v_post, v_published_post, tv_post]}. */
    public List<String> views() {
        return sources.stream().map(Source::view).distinct().toList();
    }
}
