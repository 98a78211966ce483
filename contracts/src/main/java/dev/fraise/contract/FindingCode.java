package dev.fraise.contract;

/** Stable codes of contract findings, documented in {@code docs/contracts.md}. Codes never change meaning. */
public enum FindingCode {
    /** The view a type is bound to does not exist. */
    VIEW_MISSING(Severity.ERROR),
    /** The bound view has no {@code data} column. */
    DATA_COLUMN_MISSING(Severity.ERROR),
    /** The bound view has no {@code id} column, which FraiseQL filters on. */
    ID_COLUMN_MISSING(Severity.WARNING),
    /** A GraphQL field has no key in the view's {@code data}. */
    FIELD_MISSING(Severity.ERROR),
    /** The JSON kind of a key does not match the GraphQL field's type. */
    FIELD_TYPE_MISMATCH(Severity.ERROR),
    /** A non-null GraphQL field over a value that can be null or a key that can be absent. */
    FIELD_NULLABLE(Severity.ERROR),
    /** A list of non-null items over an array whose items can be null. */
    LIST_ITEM_NULLABLE(Severity.ERROR),
    /** The SQL enum has values the GraphQL enum lacks. */
    ENUM_VALUE_MISMATCH(Severity.ERROR),
    /** A key of {@code data} no GraphQL field reads. */
    KEY_NOT_IN_TYPE(Severity.WARNING),
    /** The shape of a value cannot be inferred statically, so its field is not checked. */
    SHAPE_UNKNOWN(Severity.WARNING),
    /** A custom scalar without a configured SQL type mapping; strings are accepted. */
    SCALAR_UNMAPPED(Severity.WARNING),
    /** A real row contradicts the GraphQL type (sample mode). */
    SAMPLE_VIOLATION(Severity.ERROR),
    /** A Query field's {@code @sqlSource} names a view that does not exist. */
    QUERY_SOURCE_MISSING(Severity.ERROR),
    /** The GraphQL schema does not parse. */
    SDL_PARSE_ERROR(Severity.ERROR),
    /** A non-null field over a NOT NULL json/jsonb value, which may still hold a JSON {@code null}. */
    FIELD_MAY_BE_JSON_NULL(Severity.WARNING);

    private final Severity severity;

    FindingCode(Severity severity) {
        this.severity = severity;
    }

    /** The severity every finding of this code has. */
    public Severity severity() {
        return severity;
    }
}
