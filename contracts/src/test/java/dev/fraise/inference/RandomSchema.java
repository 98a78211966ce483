package dev.fraise.inference;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated schema for the shape-inference property test: tables with rows, then views (each with an integer
 * {@code id} and a {@code data} column) and {@code tv_} projections of some of them, in creation order.
 */
final class RandomSchema {

    /**
     * A column of a generated table.
     *
     * @param jsonCheck for a jsonb column, the CHECK on its {@code jsonb_typeof}: {@code "= 'object'"},
     *                  {@code "<> 'null'"}, or empty
     */
    record Column(String name, String type, boolean notNull, String jsonCheck) {

        Column(String name, String type, boolean notNull) {
            this(name, type, notNull, "");
        }

        /** Whether a CHECK proves every non-null value a JSON object. */
        boolean object() {
            return jsonCheck.equals("= 'object'");
        }
    }

    /**
     * A generated table: an integer primary key {@code pk}, an optional foreign key {@code fk} to {@code parent}
     * ({@code pk} of the parent), then the other columns.
     */
    record Table(String name, List<Column> columns, Table parent) {

        boolean hasParent() {
            return parent != null;
        }
    }

    /**
     * A generated view.
     *
     * @param root     the table whose primary key is the view's {@code id}
     * @param unique   whether the view has at most one row per non-null {@code id}, so joining it on {@code id}
     *                 does not multiply rows
     * @param dataType {@code json} or {@code jsonb}
     */
    record View(String name, Table root, boolean unique, String dataType, String sql) {
    }

    private final List<Table> tables = new ArrayList<>();
    private final List<View> views = new ArrayList<>();
    private final List<String> statements = new ArrayList<>();
    private final List<String> projections = new ArrayList<>();
    private int rows;

    void addTable(Table table, String ddl, String insert, int rowCount) {
        tables.add(table);
        statements.add(ddl);
        if (insert != null) {
            statements.add(insert);
        }
        rows += rowCount;
    }

    void addView(View view) {
        views.add(view);
        statements.add(view.sql());
    }

    void addProjection(String name, String ddl, String... fill) {
        projections.add(name);
        statements.add(ddl);
        statements.addAll(List.of(fill));
    }

    List<Table> tables() {
        return tables;
    }

    List<View> views() {
        return views;
    }

    /** The {@code tv_} tables, filled from their views. */
    List<String> projections() {
        return projections;
    }

    /** Rows inserted into the tables. */
    int tableRows() {
        return rows;
    }

    /** The tables whose parent is {@code table}. */
    List<Table> children(Table table) {
        return tables.stream().filter(t -> t.parent() == table).toList();
    }

    /** The views so far rooted at {@code table}, unique ones only if asked. */
    List<View> viewsOf(Table table, boolean uniqueOnly) {
        return views.stream().filter(v -> v.root() == table && (v.unique() || !uniqueOnly)).toList();
    }

    /** Every statement, in order. */
    List<String> statements() {
        return statements;
    }

    /** The whole schema as one SQL script, to reproduce a failure in psql. */
    String script() {
        return String.join(";\n", statements) + ";\n";
    }

    @Override
    public String toString() {
        return tables.size() + " tables, " + views.size() + " views:\n" + script();
    }
}
