package dev.fraise.catalog;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link CatalogSnapshot} reads.
 *
 * @param schemas       the schemas to read; empty for every schema except {@code pg_catalog},
 *                      {@code information_schema} and the {@code pg_toast}/{@code pg_temp} schemas
 * @param trackingTable the migration tracking table, left out with its columns, constraints and indexes:
 *                      a bare name in any schema, or {@code schema.table}
 */
public record CatalogScope(List<String> schemas, String trackingTable) {

    /** Confiture's default tracking table. */
    public static final String DEFAULT_TRACKING_TABLE = "tb_confiture";

    public CatalogScope {
        schemas = List.copyOf(schemas);
        Objects.requireNonNull(trackingTable, "trackingTable");
        if (trackingTable.isBlank()) {
            throw new IllegalArgumentException("trackingTable must not be blank");
        }
    }

    /** Every user schema, without {@code tb_confiture}. */
    public static CatalogScope allSchemas() {
        return new CatalogScope(List.of(), DEFAULT_TRACKING_TABLE);
    }

    /** The given schemas, without {@code tb_confiture}. */
    public static CatalogScope of(List<String> schemas) {
        return new CatalogScope(schemas, DEFAULT_TRACKING_TABLE);
    }

    /** A copy that leaves out another tracking table. */
    public CatalogScope withTrackingTable(String table) {
        return new CatalogScope(schemas, table);
    }

    String trackingSchema() {
        int dot = trackingTable.indexOf('.');
        return dot < 0 ? null : trackingTable.substring(0, dot);
    }

    String trackingName() {
        int dot = trackingTable.indexOf('.');
        return dot < 0 ? trackingTable : trackingTable.substring(dot + 1);
    }
}
