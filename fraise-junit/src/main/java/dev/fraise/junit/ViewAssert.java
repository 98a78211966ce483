package dev.fraise.junit;

import dev.fraise.database.Database;
import java.util.List;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** Assertions on one view; see {@link ViewAssertions}. */
public final class ViewAssert {

    private final Database database;
    private final String view;

    ViewAssert(Database database, String view) {
        this.database = database;
        this.view = view;
    }

    /**
     * The row whose {@code id} equals {@code id} (compared as text, so a {@code UUID}, a string or a number all
     * work). Fails when there is no such row, or more than one.
     */
    public RowAssert row(Object id) {
        Objects.requireNonNull(id, "id");
        List<String> rows = ViewRows.withId(database, view, id.toString());
        if (rows.isEmpty()) {
            throw new AssertionFailedError(view + " has no row with id " + id);
        }
        if (rows.size() > 1) {
            throw new AssertionFailedError(view + " has " + rows.size() + " rows with id " + id);
        }
        return new RowAssert(view + " row id " + id, rows.get(0), JSONCompareMode.LENIENT);
    }

    /** Every row's {@code data}, ordered by {@code id}. */
    public RowsAssert rows() {
        return new RowsAssert(view, ViewRows.all(database, view), JSONCompareMode.LENIENT);
    }
}
