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
    /** An explicit argument of a view-backed Query field names neither a column nor a data key of the view. */
    QUERY_ARGUMENT_UNFILTERABLE(Severity.ERROR),
    /** An explicit argument of a view-backed Query field has a type its column or data key cannot be compared with. */
    QUERY_ARGUMENT_TYPE_MISMATCH(Severity.ERROR),
    /** An input-object argument of a view-backed Query field (other than FraiseQL's where) is not checked. */
    QUERY_ARGUMENT_UNCHECKED(Severity.WARNING),
    /** An inject param of a Query field's @sqlSource names a column the view does not have. */
    QUERY_INJECT_COLUMN_MISSING(Severity.ERROR),
    /** The GraphQL schema does not parse. */
    SDL_PARSE_ERROR(Severity.ERROR),
    /** A non-null field over a NOT NULL json/jsonb value, which may still hold a JSON {@code null}. */
    FIELD_MAY_BE_JSON_NULL(Severity.WARNING),
    /** Naming lint: a {@code tb_x} table has no {@code pk_x} integer identity primary key. */
    LINT_TRINITY_PK(Severity.WARNING),
    /** Naming lint: a {@code tb_x} table has no {@code id uuid NOT NULL UNIQUE} column. */
    LINT_TRINITY_ID(Severity.WARNING),
    /** Naming lint: a {@code tb_x} table has no text {@code identifier} column. */
    LINT_TRINITY_IDENTIFIER(Severity.WARNING),
    /**
     * Naming lint: an {@code fk_} column does not reference the {@code pk_} column of a {@code tb_} table
     * ({@code tb_x.pk_x}, or the entity of a role name: {@code fk_author} to {@code tb_user.pk_user}).
     */
    LINT_FK_TARGET(Severity.WARNING),
    /** Naming lint: a {@code v_x} view lacks an {@code id} column or a JSON {@code data} column. */
    LINT_VIEW_COLUMNS(Severity.WARNING),
    /** Naming lint: a {@code pk_} value (a key named {@code pk_*} or a {@code pk_} column) is in a view's data. */
    LINT_PK_LEAK(Severity.WARNING),
    /** A Mutation field has no function: not its {@code @sqlSource}, {@code fn_<snake>} nor {@code <snake>}. */
    MUTATION_FUNCTION_MISSING(Severity.ERROR),
    /** A mutation function takes another number of parameters than the profile's call passes. */
    MUTATION_ARITY(Severity.ERROR),
    /** A mutation function's parameter type (or context parameter name) does not match the GraphQL argument. */
    MUTATION_PARAM_TYPE(Severity.ERROR),
    /** A flattened input field reaches a parameter named after another input field: two fields are swapped. */
    MUTATION_PARAM_ORDER(Severity.ERROR),
    /** A mutation function returns neither the profile's {@code mutation_response} nor a row of the payload's view. */
    MUTATION_RETURN_SHAPE(Severity.ERROR),
    /**
     * Sample mode: called with a generated valid input (rolled back), a mutation function returned an entity its
     * payload's entity type does not accept.
     */
    MUTATION_SAMPLE_ENTITY_MISMATCH(Severity.ERROR),
    /** Sample mode: called with a generated input, a mutation function raised or returned a failure status. */
    MUTATION_SAMPLE_FAILED(Severity.WARNING),
    /** Sample mode: no valid input could be generated for a mutation function, so its entity was not checked. */
    MUTATION_SAMPLE_SKIPPED(Severity.WARNING),
    /** A {@code tv_} table lacks its {@code id uuid} primary key or its {@code data jsonb NOT NULL} column. */
    TV_SHAPE_INVALID(Severity.ERROR),
    /** A {@code tv_} table has neither {@code sync_tv_x()} nor {@code fn_sync_tv_x(id)}. */
    TV_SYNC_FUNCTION_MISSING(Severity.ERROR),
    /** After its sync function ran, a {@code tv_} table differs from its source view. */
    TV_OUT_OF_SYNC(Severity.ERROR),
    /**
     * Coverage: an object type nothing checked (no view, not embedded in a checked type, not a checked mutation
     * payload), so a passing check says nothing about it.
     */
    TYPE_NOT_CHECKED(Severity.WARNING),
    /** A {@code tv_} relation is a view or materialised view, which a sync function cannot fill. */
    TV_NOT_A_TABLE(Severity.ERROR),
    /** A {@code tv_} sync function fails when it runs (rolled back), with PostgreSQL's message and SQLSTATE. */
    TV_SYNC_FAILED(Severity.ERROR),
    /**
     * Coverage: a {@code tv_} table has no source view to compare with ({@code v_x}, or its configured source), so
     * its rows are never compared and its shape is unknown.
     */
    TV_SOURCE_MISSING(Severity.WARNING),
    /**
     * The entity a mutation function returns could not be analysed statically (no return builds it in a way that
     * is read, or PostgreSQL rejects the query that builds it), so the payload's entity type is not checked
     * against it.
     */
    MUTATION_ENTITY_UNKNOWN(Severity.WARNING);

    private final Severity severity;

    FindingCode(Severity severity) {
        this.severity = severity;
    }

    /**
     * The severity findings of this code have by default; lint findings ({@code LINT_*}) take the configured
     * {@link LintOptions#severity()} instead.
     */
    public Severity severity() {
        return severity;
    }
}
