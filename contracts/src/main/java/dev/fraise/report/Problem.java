package dev.fraise.report;

import dev.fraise.error.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding of any gate — contract, drift, reversibility, breaking change, migration status — in the one shape
 * every report format is written from. Built with {@link #builder}:
 *
 * <pre>{@code
 * Problem problem = Problem.builder("FIELD_NULLABLE", Level.ERROR)
 *         .path("Post.author.bio").group("Post")
 *         .at(new SourceLocation(Path.of("schema.graphql"), 16, 3)).object("v_post").jsonPath("$.author.bio")
 *         .message("Post.author.bio is String! but its value can be null")
 *         .why("nullable: tb_user.bio has no NOT NULL")
 *         .build();
 * }</pre>
 *
 * @param code        the gate's stable code: a {@code FindingCode}, an {@code ErrorCode} or a {@code ChangeCode} name
 * @param level       error, warning or note
 * @param group       what a test report counts it under: a GraphQL type, a gate part ({@code DDL = migrations}),
 *                    a migration; never empty
 * @param path        what it is about: a GraphQL path ({@code Post.author.bio}), a catalog object's qualified name
 *                    ({@code public.v_post}), a migration ({@code 002_add_tags}); empty for the schema as a whole
 * @param location    where to look
 * @param message     one line
 * @param why         why it is so (a contract finding's provenance); empty when there is nothing to add
 * @param suppression why it does not count, when it is suppressed
 * @param details     labelled definitions to compare ({@code expected}/{@code actual}, {@code before}/{@code after})
 * @param status      against a baseline: new, existing or fixed; empty when no baseline was compared
 */
public record Problem(String code, Level level, String group, String path, Location location, String message,
        String why, Optional<Suppression> suppression, List<Detail> details, Optional<Status> status) {

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(suppression, "suppression");
        details = List.copyOf(details);
        Objects.requireNonNull(status, "status");
        if (code.isBlank() || group.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("a problem needs a code, a group and a message: " + code);
        }
    }

    /** A builder for a problem of {@code code} at {@code level}. */
    public static Builder builder(String code, Level level) {
        return new Builder(code, level);
    }

    /** Whether it counts: not suppressed, and not fixed. */
    public boolean active() {
        return suppression.isEmpty() && status.map(s -> s != Status.FIXED).orElse(true);
    }

    /**
     * Whether it fails its gate at {@code level} or worse: active, at least that level (errors, or errors and
     * warnings), and not a problem the baseline already had ({@link Status#EXISTING}).
     */
    public boolean fails(Level worst) {
        return active() && level.compareTo(worst) <= 0 && status.map(s -> s != Status.EXISTING).orElse(true);
    }

    /**
     * What identifies it across builds, whatever lines moved: {@code code:path:jsonPath} (for a contract finding,
     * the SARIF fingerprint {@code fraiseFinding/v1}); a ratchet matches a baseline's problems with it.
     */
    public String fingerprint() {
        return code + ":" + path + ":" + location.jsonPath();
    }

    /** This problem with its status against a baseline. */
    public Problem withStatus(Status status) {
        return new Problem(code, level, group, path, location, message, why, suppression, details,
                Optional.of(status));
    }

    /**
     * Where a problem is.
     *
     * @param source   the file, line and column (and JSON pointer) to look at, when known
     * @param object   the view or catalog object concerned ({@code v_post}, {@code view public.v_post}), or empty
     * @param jsonPath where in the object's JSON ({@code $.author.bio}), or empty
     */
    public record Location(Optional<SourceLocation> source, String object, String jsonPath) {

        /** Nowhere in particular. */
        public static final Location NONE = new Location(Optional.empty(), "", "");

        public Location {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(jsonPath, "jsonPath");
        }

        /** {@code schema.graphql:16:3, v_post $.author.bio}, leaving out what it lacks. */
        @Override
        public String toString() {
            String inObject = (object + " " + jsonPath).strip();
            String file = source.map(SourceLocation::toString).orElse("");
            return file.isEmpty() || inObject.isEmpty() ? file + inObject : file + ", " + inObject;
        }
    }

    /**
     * Why a problem does not count.
     *
     * @param kind   where the suppression is written
     * @param reason the reason given
     */
    public record Suppression(Kind kind, String reason) {

        public Suppression {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }

        /** Where a suppression is written, as SARIF names it. */
        public enum Kind {
            /** Next to the code: {@code @fraiseIgnore} in the GraphQL schema. */
            IN_SOURCE,
            /** In a file of its own: a baseline. */
            EXTERNAL
        }
    }

    /**
     * A labelled definition: {@code expected}, {@code actual}, {@code before}, {@code after}.
     *
     * @param label what it is
     * @param text  the definition, possibly on several lines
     */
    public record Detail(String label, String text) {

        public Detail {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(text, "text");
        }
    }

    /** A problem against a baseline (the base branch's problems). */
    public enum Status {
        /** Not in the baseline: this change brought it. */
        NEW,
        /** In the baseline too: drift the project already had. */
        EXISTING,
        /** In the baseline only: this change fixed it. */
        FIXED
    }

    /** Builds a {@link Problem}; everything but the code, level, group and message is optional. */
    public static final class Builder {

        private final String code;
        private final Level level;
        private String group = "";
        private String path = "";
        private Optional<SourceLocation> source = Optional.empty();
        private String object = "";
        private String jsonPath = "";
        private String message = "";
        private String why = "";
        private Optional<Suppression> suppression = Optional.empty();
        private final List<Detail> details = new ArrayList<>();
        private Optional<Status> status = Optional.empty();

        private Builder(String code, Level level) {
            this.code = Objects.requireNonNull(code, "code");
            this.level = Objects.requireNonNull(level, "level");
        }

        /** The group; by default the path, else the code. */
        public Builder group(String group) {
            this.group = Objects.requireNonNull(group, "group");
            return this;
        }

        /** What it is about: a GraphQL path, a catalog object's qualified name, a migration. */
        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /** The file, line and column. */
        public Builder at(SourceLocation source) {
            return at(Optional.of(source));
        }

        /** The file, line and column, when known. */
        public Builder at(Optional<SourceLocation> source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** The view or catalog object. */
        public Builder object(String object) {
            this.object = Objects.requireNonNull(object, "object");
            return this;
        }

        /** Where in the object's JSON: {@code $.author.bio}. */
        public Builder jsonPath(String jsonPath) {
            this.jsonPath = Objects.requireNonNull(jsonPath, "jsonPath");
            return this;
        }

        /** The one-line message; required. */
        public Builder message(String message) {
            this.message = Objects.requireNonNull(message, "message");
            return this;
        }

        /** Why it is so: a contract finding's provenance. */
        public Builder why(String why) {
            this.why = Objects.requireNonNull(why, "why");
            return this;
        }

        /** Suppressed for {@code reason}, written where {@code kind} says. */
        public Builder suppressed(Suppression.Kind kind, String reason) {
            this.suppression = Optional.of(new Suppression(kind, reason));
            return this;
        }

        /** A labelled definition, when there is one. */
        public Builder detail(String label, Optional<String> text) {
            text.ifPresent(t -> details.add(new Detail(label, t)));
            return this;
        }

        /** Its status against a baseline. */
        public Builder status(Status status) {
            this.status = Optional.of(status);
            return this;
        }

        /**
         * The problem.
         *
         * @throws IllegalArgumentException without a message
         */
        public Problem build() {
            String groupOrDefault = !group.isEmpty() ? group : !path.isEmpty() ? path : code;
            return new Problem(code, level, groupOrDefault, path, new Location(source, object, jsonPath), message,
                    why, suppression, details, status);
        }
    }
}
