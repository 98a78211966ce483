package dev.fraise.report;

import dev.fraise.breaking.ChangeCode;
import dev.fraise.error.ErrorCode;

/**
 * What the drift, migration and breaking-change codes mean and how to fix them, for SARIF rules; the same texts as
 * {@code docs/error-codes.md} and {@code docs/contracts.md} ("Breaking changes"). The contract codes' are in
 * {@link CodeTexts}.
 */
final class RuleTexts {

    private static final String COORDINATE = "Restore what existing clients read, or make the change deliberately:"
            + " deprecate first, add before removing, and tell the API's clients.";

    private RuleTexts() {
    }

    /** A drift or migration code's rule; any other code points to {@code docs/error-codes.md}. */
    static Rule rule(ErrorCode code) {
        return switch (code) {
            case DRIFT_MISSING_IN_MIGRATED -> new Rule(code.name(), "An object the schema files create is missing"
                    + " from the database the base plus the new migrations produce.", "Add it to a migration.",
                    Level.ERROR);
            case DRIFT_EXTRA_IN_MIGRATED -> new Rule(code.name(), "The migrations create an object the schema files"
                    + " do not.", "Add it to the schema files, or drop it in the migration.", Level.ERROR);
            case DRIFT_DEFINITION_DIFFERS -> new Rule(code.name(), "An object the schema files and the migrations"
                    + " both create is defined differently.", "Make the migration recreate it as the schema files"
                    + " define it (e.g. CREATE OR REPLACE VIEW), or fix the schema file.", Level.ERROR);
            case MIGRATION_NOT_REVERSIBLE -> new Rule(code.name(), "A migration's .down.sql does not restore the"
                    + " catalog its .up.sql started from.", "Make the down undo exactly what the up does.",
                    Level.ERROR);
            case MIGRATION_CHECKSUM_MISMATCH -> new Rule(code.name(), "An applied migration's .up.sql changed since"
                    + " it was applied.", "Restore the file and put the change in a new migration.", Level.ERROR);
            case MIGRATION_FILE_MISSING -> new Rule(code.name(), "The tracking table records a migration whose file"
                    + " is gone.", "Restore it from version control.", Level.ERROR);
            default -> new Rule(code.name(), "Fraise code " + code.name() + ".", "See docs/error-codes.md.",
                    Level.WARNING);
        };
    }

    /** A breaking-change code's rule, at the level of its usual severity. */
    static Rule rule(ChangeCode code) {
        return switch (code) {
            case TYPE_REMOVED -> breaking(code, "A type of the base schema is gone.");
            case TYPE_ADDED -> safe(code, "A new type.");
            case TYPE_KIND_CHANGED -> breaking(code, "A type changed kind (object, interface, union, enum, input,"
                    + " scalar).");
            case FIELD_REMOVED -> breaking(code, "A field of an object or interface type is gone.");
            case FIELD_ADDED -> safe(code, "A new field.");
            case FIELD_TYPE_CHANGED -> breaking(code, "An output field's type changed other than in nullability.");
            case FIELD_NOW_NULLABLE -> breaking(code, "An output field, or its list items, became nullable.");
            case FIELD_NOW_NON_NULL -> safe(code, "An output field, or its list items, became non-null.");
            case FIELD_DEPRECATED -> safe(code, "A field was marked @deprecated.");
            case ARGUMENT_REMOVED -> breaking(code, "An argument of a field is gone: queries passing it fail.");
            case ARGUMENT_ADDED_REQUIRED -> breaking(code, "A new non-null argument without a default value:"
                    + " existing queries lack it.");
            case ARGUMENT_ADDED -> safe(code, "A new optional argument.");
            case ARGUMENT_TYPE_CHANGED -> breaking(code, "An argument's type changed in a way existing queries may"
                    + " not satisfy.");
            case ARGUMENT_NOW_OPTIONAL -> safe(code, "An argument's type was relaxed.");
            case ARGUMENT_DEFAULT_CHANGED -> dangerous(code, "An argument's or input field's default value"
                    + " changed.");
            case INPUT_FIELD_REMOVED -> breaking(code, "A field of an input type is gone.");
            case INPUT_FIELD_ADDED_REQUIRED -> breaking(code, "A new non-null input field without a default"
                    + " value.");
            case INPUT_FIELD_ADDED -> safe(code, "A new optional input field.");
            case INPUT_FIELD_TYPE_CHANGED -> breaking(code, "An input field's type changed in a way existing inputs"
                    + " may not satisfy.");
            case INPUT_FIELD_NOW_OPTIONAL -> safe(code, "An input field's type was relaxed.");
            case ENUM_VALUE_REMOVED -> breaking(code, "A value of an enum is gone.");
            case ENUM_VALUE_ADDED -> dangerous(code, "A new enum value: clients that switch over the enum may not"
                    + " handle it.");
            case UNION_MEMBER_REMOVED -> breaking(code, "A member of a union is gone.");
            case UNION_MEMBER_ADDED -> dangerous(code, "A new member of a union.");
            case INTERFACE_REMOVED -> breaking(code, "A type no longer implements an interface.");
            case INTERFACE_ADDED -> dangerous(code, "A type implements a new interface.");
            case VIEW_REMOVED -> breaking(code, "The view a GraphQL type reads existed at the base and is gone.");
            case VIEW_KEY_REMOVED -> breaking(code, "A key of a view's data is no longer emitted (breaking when a"
                    + " field reads it).");
            case VIEW_KEY_NOW_NULLABLE -> breaking(code, "A key that was never null can now be null (breaking for a"
                    + " non-null field).");
            case VIEW_KEY_MAYBE_ABSENT -> breaking(code, "A key that was always emitted can now be absent (breaking"
                    + " for a non-null field).");
            case VIEW_KEY_TYPE_CHANGED -> breaking(code, "A key's JSON kind changed (breaking when a field reads"
                    + " it).");
            case VIEW_KEY_ADDED -> safe(code, "A view emits a new key.");
        };
    }

    private static Rule breaking(ChangeCode code, String meaning) {
        return new Rule(code.name(), meaning, COORDINATE, Level.ERROR);
    }

    private static Rule dangerous(ChangeCode code, String meaning) {
        return new Rule(code.name(), meaning, COORDINATE, Level.WARNING);
    }

    private static Rule safe(ChangeCode code, String meaning) {
        return new Rule(code.name(), meaning, "Nothing to do: existing clients are not affected.", Level.NOTE);
    }
}
