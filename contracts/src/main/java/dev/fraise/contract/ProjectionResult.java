package dev.fraise.contract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the checker did with one {@code tv_} table, so that no projection is skipped silently.
 *
 * @param table         the table, schema-qualified outside the first checked schema
 * @param source        the view it is materialised from ({@code tv_x ← v_x}, or configured), when that exists
 * @param syncFunctions the sync functions found: {@code sync_tv_x()} and/or {@code fn_sync_tv_x(id)}
 * @param compared      whether each sync function was run (rolled back) and the table compared with the source
 */
public record ProjectionResult(String table, Optional<String> source, List<String> syncFunctions, boolean compared) {

    public ProjectionResult {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(source, "source");
        syncFunctions = List.copyOf(syncFunctions);
    }
}
