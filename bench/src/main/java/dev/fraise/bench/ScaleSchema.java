package dev.fraise.bench;

import java.util.Locale;

/**
 * A generated FraiseQL-style project of {@code n} entities and 1.5·{@code n} views and GraphQL types, for the scale
 * benchmark. Every entity has a trinity table {@code tb_eNNNN} and a view {@code v_eNNNN} whose {@code data} embeds
 * its parent entity's {@code data} (a LEFT JOIN, so {@code parent} is nullable); every second entity also has a
 * list view {@code v_eNNNN_with_children} aggregating its children's {@code data} with {@code jsonb_agg}. How deep
 * the embedding goes is the {@link Nesting}: {@link Nesting#BOUNDED} starts a new chain every six entities,
 * {@link Nesting#CHAINED} lets every entity embed the previous one, so the last view nests {@code n} levels deep
 * (as {@code author → organisation → …} chains do in real schemas). The GraphQL schema matches the views: a check
 * reports no error.
 *
 * @param sql     the DDL
 * @param sdl     the GraphQL schema
 * @param n       the number of entities
 * @param nesting how deep views embed each other
 */
record ScaleSchema(String sql, String sdl, int n, Nesting nesting) {

    /** How deep the generated views embed each other. */
    enum Nesting {
        /** Chains of at most six entities. */
        BOUNDED,
        /** One chain through every entity. */
        CHAINED
    }

    private static final int BOUND = 6;

    /** The number of GraphQL object types bound to views (the Query type aside). */
    int types() {
        return n + (n + 1) / 2;
    }

    static ScaleSchema of(int n, Nesting nesting) {
        StringBuilder sql = new StringBuilder();
        StringBuilder sdl = new StringBuilder("scalar DateTime\n\n");
        StringBuilder query = new StringBuilder("type Query {\n");
        for (int i = 0; i < n; i++) {
            String e = entity(i);
            String type = e.toUpperCase(Locale.ROOT);
            boolean embeds = i > 0 && (nesting == Nesting.CHAINED || i % BOUND != 0);
            String parent = i > 0 ? entity(i - 1) : null;
            sql.append("CREATE TABLE tb_").append(e).append(" (pk_").append(e)
                    .append(" integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id uuid NOT NULL DEFAULT"
                            + " gen_random_uuid() UNIQUE, identifier text NOT NULL UNIQUE, name text NOT NULL,"
                            + " amount numeric(12,2) NOT NULL DEFAULT 0, note text, created_at timestamptz NOT NULL"
                            + " DEFAULT now()");
            if (parent != null) {
                sql.append(", fk_").append(parent).append(" integer REFERENCES tb_").append(parent)
                        .append(" (pk_").append(parent).append(")");
            }
            sql.append(");\n");
            sql.append("CREATE VIEW v_").append(e).append(" AS SELECT t.id, jsonb_build_object('id', t.id::text,"
                    + " 'identifier', t.identifier, 'name', t.name, 'amount', t.amount, 'note', t.note,"
                    + " 'created_at', t.created_at");
            if (embeds) {
                sql.append(", 'parent', vp.data");
            }
            sql.append(") AS data FROM tb_").append(e).append(" t");
            if (embeds) {
                sql.append(" LEFT JOIN tb_").append(parent).append(" p ON p.pk_").append(parent).append(" = t.fk_")
                        .append(parent).append(" LEFT JOIN v_").append(parent).append(" vp ON vp.id = p.id");
            }
            sql.append(";\n");
            sdl.append("type ").append(type).append(" {\n  id: ID!\n  identifier: String!\n  name: String!\n"
                    + "  amount: Float!\n  note: String\n  createdAt: DateTime!\n");
            if (embeds) {
                sdl.append("  parent: ").append(parent.toUpperCase(Locale.ROOT)).append('\n');
            }
            sdl.append("}\n\n");
            query.append("  ").append(e).append("s: [").append(type).append("!]!\n");
        }
        for (int i = 0; i < n; i += 2) {
            String e = entity(i);
            String type = e.toUpperCase(Locale.ROOT) + "WithChildren";
            sdl.append("type ").append(type).append(" {\n  id: ID!\n  name: String!\n  children: [");
            if (i + 1 < n) {
                String child = entity(i + 1);
                sql.append("CREATE VIEW v_").append(e).append("_with_children AS SELECT t.id, jsonb_build_object("
                        + "'id', t.id::text, 'name', t.name, 'children', COALESCE(jsonb_agg(vc.data ORDER BY"
                        + " c.pk_").append(child).append(") FILTER (WHERE vc.id IS NOT NULL), '[]'::jsonb)) AS data FROM tb_").append(e).append(" t LEFT JOIN tb_")
                        .append(child).append(" c ON c.fk_").append(e).append(" = t.pk_").append(e)
                        .append(" LEFT JOIN v_").append(child).append(" vc ON vc.id = c.id GROUP BY t.id, t.name;\n");
                sdl.append(child.toUpperCase(Locale.ROOT));
            } else {
                sql.append("CREATE VIEW v_").append(e).append("_with_children AS SELECT t.id, jsonb_build_object("
                        + "'id', t.id::text, 'name', t.name, 'children', '[]'::jsonb) AS data FROM tb_").append(e)
                        .append(" t;\n");
                sdl.append(e.toUpperCase(Locale.ROOT));
            }
            sdl.append("!]!\n}\n\n");
            query.append("  ").append(e).append("sWithChildren: [").append(type).append("!]!\n");
        }
        sdl.append(query).append("}\n");
        return new ScaleSchema(sql.toString(), sdl.toString(), n, nesting);
    }

    /** The name of the {@code i}-th entity: {@code eNNNN}, its table {@code tb_eNNNN}, its view {@code v_eNNNN}. */
    static String entity(int i) {
        return String.format(Locale.ROOT, "e%04d", i);
    }
}
