package dev.fraise.contract;

import dev.fraise.error.SourceLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * One mismatch between a GraphQL type and its view.
 *
 * @param code        what kind of mismatch
 * @param path        from the root type, e.g. {@code Post.author.email}
 * @param graphqlType the GraphQL type owning the field
 * @param field       the GraphQL field, empty for type-level findings
 * @param sdlLocation the SDL file, line and column of the field (or type); for a projection finding, the SQL file and
 *                    line where its {@code tv_} relation (or failing sync function) is created
 * @param view        the view whose {@code data} was checked
 * @param jsonPath    where in {@code data}, e.g. {@code $.author.email}
 * @param message     a one-line explanation
 * @param provenance  why the shape is what it is, e.g. {@code "nullable: LEFT JOIN v_user vu in v_post"}
 * @param suppressed  the reason, when a {@code @fraiseIgnore} directive or the baseline suppresses it
 * @param severity    {@code code().severity()}, except for lint findings, which take the configured
 *                    {@link LintOptions#severity()}
 */
public record Finding(FindingCode code, String path, String graphqlType, Optional<String> field,
        Optional<SourceLocation> sdlLocation, String view, String jsonPath, String message, String provenance,
        Optional<String> suppressed, Severity severity) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(graphqlType, "graphqlType");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(sdlLocation, "sdlLocation");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(jsonPath, "jsonPath");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(suppressed, "suppressed");
        Objects.requireNonNull(severity, "severity");
    }

    /** A finding with its code's severity. */
    public Finding(FindingCode code, String path, String graphqlType, Optional<String> field,
            Optional<SourceLocation> sdlLocation, String view, String jsonPath, String message, String provenance,
            Optional<String> suppressed) {
        this(code, path, graphqlType, field, sdlLocation, view, jsonPath, message, provenance, suppressed,
                code.severity());
    }

    /** Whether this finding counts: not suppressed. */
    public boolean active() {
        return suppressed.isEmpty();
    }

    /** This finding, suppressed for {@code reason}. */
    public Finding suppress(String reason) {
        return new Finding(code, path, graphqlType, field, sdlLocation, view, jsonPath, message, provenance,
                Optional.of(reason), severity);
    }

    /**
     * Where it is: {@code schema.graphql:12:3, v_post $.author}, leaving out what it lacks, and the relation when
     * the finding is about that relation as a whole (its path is the relation and its JSON path {@code $} or empty,
     * as for {@code tv_post} or {@code tb_post}), so that a line names it once.
     */
    public String where() {
        StringBuilder where = new StringBuilder(sdlLocation.map(SourceLocation::toString).orElse(""));
        boolean wholeRelation = view.equals(path) && (jsonPath.isEmpty() || jsonPath.equals("$"));
        String relation = (view + " " + jsonPath).strip();
        if (!wholeRelation && !relation.isEmpty()) {
            where.append(where.length() == 0 ? "" : ", ").append(relation);
        }
        return where.toString();
    }

    /** {@code ERROR FIELD_NULLABLE Post.author (schema.graphql:12:3, v_post $.author): message [provenance]}. */
    @Override
    public String toString() {
        String where = where();
        return severity() + " " + code + (path.isEmpty() ? "" : " " + path) + (where.isEmpty() ? "" : " (" + where
                + ")") + ": " + message + (provenance.isEmpty() ? "" : " [" + provenance + "]")
                + suppressed.map(r -> " (suppressed: " + r + ")").orElse("");
    }
}
