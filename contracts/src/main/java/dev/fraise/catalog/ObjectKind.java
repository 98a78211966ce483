package dev.fraise.catalog;

import java.util.Locale;

/** The kinds of database objects a {@link CatalogSnapshot} records, in the order differences are listed. */
public enum ObjectKind {
    SCHEMA,
    EXTENSION,
    ENUM,
    COMPOSITE_TYPE,
    DOMAIN,
    RANGE_TYPE,
    SEQUENCE,
    TABLE,
    COLUMN,
    CONSTRAINT,
    INDEX,
    VIEW,
    MATERIALIZED_VIEW,
    FUNCTION,
    PROCEDURE,
    AGGREGATE,
    TRIGGER;

    /** The kind in words, e.g. {@code materialized view}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
