package dev.fraise.breaking;

/** How a change affects existing clients, in graphql-inspector's terms. */
public enum ChangeSeverity {
    /** Existing queries can fail or receive data they do not accept. */
    BREAKING,
    /** Existing clients may misbehave (an enum value they do not handle, a changed default). */
    DANGEROUS,
    /** Existing clients are not affected. */
    SAFE
}
