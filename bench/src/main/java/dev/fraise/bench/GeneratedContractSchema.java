package dev.fraise.bench;

import java.util.Locale;

/**
 * A generated project of {@code n} GraphQL types, each bound to a view (or {@code tv_} table) of its own, cycling
 * through FraiseQL's composition patterns: a plain entity, an inner-joined embedded parent, a COALESCE/FILTER
 * one-to-many aggregate, a conditional object under {@code jsonb_strip_nulls}, and a {@code tv_} projection. Bindings
 * cycle through {@code @sqlSource} on the type, on a Query field, and the default {@code v_<snake>}. The schema
 * matches its views: a check reports nothing.
 *
 * @param sql the DDL: {@code n} tables and the views and projections
 * @param sdl the GraphQL schema
 * @param n   the number of types (and of their sources)
 */
record GeneratedContractSchema(String sql, String sdl, int n) {

    private static final int PATTERNS = 5;

    static GeneratedContractSchema of(int n) {
        StringBuilder sql = new StringBuilder();
        StringBuilder sdl = new StringBuilder("scalar DateTime\n\n"
                + "type Detail {\n  label: String!\n  amount: Float!\n}\n\n");
        StringBuilder query = new StringBuilder("type Query {\n");
        for (int i = 1; i <= n; i++) {
            String e = String.format(Locale.ROOT, "e%04d", i);
            String p = String.format(Locale.ROOT, "e%04d", i - 1);
            int pattern = (i - 1) % PATTERNS;
            sql.append("CREATE TABLE tb_").append(e).append(" (pk_").append(e)
                    .append(" integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE, identifier text NOT NULL UNIQUE,"
                    + " name text NOT NULL, amount numeric(12,2) NOT NULL DEFAULT 0, note text,"
                    + " created_at timestamptz NOT NULL DEFAULT now()");
            if (i > 1) {
                sql.append(", fk_").append(p).append(" integer ").append(pattern == 1 ? "NOT NULL " : "")
                        .append("REFERENCES tb_").append(p).append(" (pk_").append(p).append(")");
            }
            sql.append(");\n");
            String type = e.toUpperCase(Locale.ROOT);
            String source = "v_" + e;
            String fields;
            switch (pattern) {
                case 1 -> {
                    sql.append(view(e, "'id', t.id::text, 'name', t.name, 'created_at', t.created_at, 'parent', vp.data",
                            "tb_" + e + " t JOIN tb_" + p + " p ON p.pk_" + p + " = t.fk_" + p + " JOIN v_" + p
                                    + " vp ON vp.id = p.id"));
                    fields = "  id: ID!\n  name: String!\n  createdAt: DateTime!\n  parent: " + p.toUpperCase(Locale.ROOT)
                            + "!\n";
                }
                case 2 -> {
                    sql.append(view(e, "'id', t.id::text, 'name', t.name, 'children', COALESCE(jsonb_agg(vc.data"
                            + " ORDER BY vc.data->>'name') FILTER (WHERE vc.id IS NOT NULL), '[]'::jsonb)",
                            "tb_" + e + " t LEFT JOIN tb_" + p + " c ON c.name = t.name LEFT JOIN v_" + p
                                    + " vc ON vc.id = c.id GROUP BY t.id, t.name"));
                    fields = "  id: ID!\n  name: String!\n  children: [" + p.toUpperCase(Locale.ROOT) + "!]!\n";
                }
                case 3 -> {
                    sql.append("CREATE VIEW v_").append(e).append(" AS SELECT t.id, jsonb_strip_nulls(jsonb_build_object("
                            + "'id', t.id::text, 'name', t.name, 'note', t.note, 'detail', CASE WHEN p.pk_" + p + " IS NOT NULL"
                            + " THEN jsonb_build_object('label', p.name, 'amount', p.amount) ELSE NULL END)) AS data"
                            + " FROM tb_").append(e).append(" t LEFT JOIN tb_").append(p)
                            .append(" p ON p.pk_").append(p).append(" = t.fk_").append(p).append(";\n");
                    fields = "  id: ID!\n  name: String!\n  note: String\n  detail: Detail\n";
                }
                default -> {
                    sql.append(view(e, "'id', t.id::text, 'name', t.name, 'amount', t.amount, 'note', t.note,"
                            + " 'created_at', t.created_at", "tb_" + e + " t"));
                    fields = "  id: ID!\n  name: String!\n  amount: Float!\n  note: String\n  createdAt: DateTime!\n";
                    if (pattern == 4) {
                        sql.append("CREATE TABLE tv_").append(e).append(" (id uuid PRIMARY KEY, data jsonb NOT NULL);\n")
                                .append("CREATE FUNCTION sync_tv_").append(e).append("() RETURNS void LANGUAGE sql AS $$")
                                .append(" TRUNCATE tv_").append(e).append("; INSERT INTO tv_").append(e)
                                .append(" SELECT id, data FROM v_").append(e).append(" $$;\n");
                        source = "tv_" + e;
                    }
                }
            }
            sdl.append("type ").append(type);
            if (pattern == 4 || i % 3 == 0) {
                sdl.append(" @sqlSource(name: \"").append(source).append("\")");
            } else if (i % 3 == 1) {
                query.append("  ").append(e).append("s: [").append(type).append("!]! @sqlSource(name: \"")
                        .append(source).append("\")\n");
            }
            sdl.append(" {\n").append(fields).append("}\n\n");
        }
        sdl.append(query).append("}\n");
        return new GeneratedContractSchema(sql.toString(), sdl.toString(), n);
    }

    private static String view(String e, String keys, String from) {
        return "CREATE VIEW v_" + e + " AS SELECT t.id, jsonb_build_object(" + keys + ") AS data FROM " + from + ";\n";
    }
}
