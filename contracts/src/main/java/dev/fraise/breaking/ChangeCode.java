package dev.fraise.breaking;

/**
 * Stable codes of the changes the breaking-change gate reports, documented in {@code docs/contracts.md}
 * ("Breaking changes"). SDL codes have a fixed severity; a view code's severity depends on whether a GraphQL
 * field reads the key and whether that field is non-null.
 */
public enum ChangeCode {
    /** A type of the base schema is gone (breaking). */
    TYPE_REMOVED,
    /** A new type (safe). */
    TYPE_ADDED,
    /** A type changed kind, e.g. from object to interface (breaking). */
    TYPE_KIND_CHANGED,
    /** A field of an object or interface type is gone (breaking). */
    FIELD_REMOVED,
    /** A new field of an object or interface type (safe). */
    FIELD_ADDED,
    /** An output field's type changed other than in nullability (breaking). */
    FIELD_TYPE_CHANGED,
    /** An output field, or its list items, became nullable: {@code String!} to {@code String} (breaking). */
    FIELD_NOW_NULLABLE,
    /** An output field, or its list items, became non-null: {@code String} to {@code String!} (safe). */
    FIELD_NOW_NON_NULL,
    /** A field was marked {@code @deprecated} (safe). */
    FIELD_DEPRECATED,
    /** An argument of a field is gone (breaking). */
    ARGUMENT_REMOVED,
    /** A new non-null argument without a default value: existing queries lack it (breaking). */
    ARGUMENT_ADDED_REQUIRED,
    /** A new optional argument (safe). */
    ARGUMENT_ADDED,
    /** An argument's type changed in a way existing queries may not satisfy (breaking). */
    ARGUMENT_TYPE_CHANGED,
    /** An argument's type was relaxed: {@code Int!} to {@code Int} (safe). */
    ARGUMENT_NOW_OPTIONAL,
    /** An argument's default value changed (dangerous). */
    ARGUMENT_DEFAULT_CHANGED,
    /** A field of an input type is gone (breaking). */
    INPUT_FIELD_REMOVED,
    /** A new non-null input field without a default value (breaking). */
    INPUT_FIELD_ADDED_REQUIRED,
    /** A new optional input field (safe). */
    INPUT_FIELD_ADDED,
    /** An input field's type changed in a way existing inputs may not satisfy (breaking). */
    INPUT_FIELD_TYPE_CHANGED,
    /** An input field's type was relaxed: {@code Int!} to {@code Int} (safe). */
    INPUT_FIELD_NOW_OPTIONAL,
    /** A value of an enum is gone (breaking). */
    ENUM_VALUE_REMOVED,
    /** A new enum value: clients that switch over the enum may not handle it (dangerous). */
    ENUM_VALUE_ADDED,
    /** A member of a union is gone (breaking). */
    UNION_MEMBER_REMOVED,
    /** A new member of a union (dangerous). */
    UNION_MEMBER_ADDED,
    /** A type no longer implements an interface (breaking). */
    INTERFACE_REMOVED,
    /** A type implements a new interface (dangerous). */
    INTERFACE_ADDED,
    /** The view a GraphQL type reads at HEAD existed at the base and is gone (breaking). */
    VIEW_REMOVED,
    /** A key of a view's {@code data} is no longer emitted (breaking when a field reads it, else safe). */
    VIEW_KEY_REMOVED,
    /** A key (or an array's items) that was never null can now be null (breaking for a non-null field). */
    VIEW_KEY_NOW_NULLABLE,
    /** A key that was always emitted can now be absent (breaking for a non-null field). */
    VIEW_KEY_MAYBE_ABSENT,
    /** A key's JSON kind changed, e.g. from string to number or object to array (breaking when read). */
    VIEW_KEY_TYPE_CHANGED,
    /** A view emits a new key (safe). */
    VIEW_KEY_ADDED
}
