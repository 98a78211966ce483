package dev.fraise.drift;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.SourceLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding of a drift gate.
 *
 * @param code       {@code DRIFT_MISSING_IN_MIGRATED}, {@code DRIFT_EXTRA_IN_MIGRATED},
 *                   {@code DRIFT_DEFINITION_DIFFERS}, {@code MIGRATION_NOT_REVERSIBLE},
 *                   {@code MIGRATION_CHECKSUM_MISMATCH} or {@code MIGRATION_FILE_MISSING}
 * @param objectKind the kind of object, e.g. {@code view} or {@code column}; {@code migration} for integrity
 *                   findings
 * @param objectName the object's qualified name, e.g. {@code public.v_post}, or the migration's
 *                   {@code version_name}
 * @param message    one line saying what is wrong
 * @param expected   the definition the schema files give (DDL gate) or the one before {@code up}
 *                   (reversibility); empty when the object should not exist
 * @param actual     the definition the migrations give (DDL gate) or the one after {@code up} and {@code down}
 *                   (reversibility); empty when the object is missing
 * @param location   where to look: the file and line that define the object (the schema files', else the
 *                   migrations'), the migration file of a reversibility or integrity finding
 */
public record DriftFinding(ErrorCode code, String objectKind, String objectName, String message,
                           Optional<String> expected, Optional<String> actual, Optional<SourceLocation> location) {

    public DriftFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(objectKind, "objectKind");
        Objects.requireNonNull(objectName, "objectName");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(location, "location");
    }

    /** The finding with both definitions, indented, on the lines after {@code CODE: location: message}. */
    public String render() {
        StringBuilder text = new StringBuilder(toString());
        expected.ifPresent(d -> text.append("\n    expected: ").append(d.replace("\n", "\n              ")));
        actual.ifPresent(d -> text.append("\n    actual:   ").append(d.replace("\n", "\n              ")));
        return text.toString();
    }

    /** {@code CODE: location: message}, one line. */
    @Override
    public String toString() {
        return code.name() + ": " + location.map(l -> l + ": ").orElse("") + message;
    }
}
