package dev.fraise.shape;

import java.util.Objects;

/**
 * Where a shape comes from.
 *
 * @param view    the view (or table) whose definition produced it
 * @param sqlType the SQL type of the value, as {@code format_type} prints it
 * @param source  the source column ({@code tb_user.email}) or expression ({@code jsonb_agg(...)})
 */
public record Provenance(String view, String sqlType, String source) {

    public Provenance {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(sqlType, "sqlType");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return sqlType + " ← " + source + " in " + view;
    }
}
