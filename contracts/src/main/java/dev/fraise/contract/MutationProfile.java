package dev.fraise.contract;

/** Which FraiseQL generation's calling convention and {@code mutation_response} the mutation functions follow. */
public enum MutationProfile {
    /**
     * {@link #V2} when the schema comes from FraiseQL v2 schema files ({@code schema.json},
     * {@code schema.compiled.json}), {@link #V1} otherwise.
     */
    AUTO,
    /**
     * FraiseQL v1: one {@code jsonb} input after the context parameters, returning the 8-column
     * {@code mutation_response} (status, message, entity_id, entity_type, entity, updated_fields, cascade,
     * metadata).
     */
    V1,
    /**
     * FraiseQL v2: one positional parameter per input field (or one {@code jsonb} payload), context (inject)
     * parameters last, returning the 13-column {@code mutation_response} (succeeded, state_changed, error_class, …).
     */
    V2
}
