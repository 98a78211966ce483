package dev.fraise.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic FraiseQL-style schema for the inference benchmark: one table and one view per entity, the views
 * mixing ten patterns (plain object, parent view embedded by INNER or LEFT JOIN, child views aggregated with
 * ORDER BY/FILTER/COALESCE over GROUP BY, scalar sub-selects, LATERAL, CTE, UNION ALL, {@code ||} with
 * {@code to_jsonb(row)}, nested {@code json_build_object} with {@code json_agg}). A view embeds only views of depth
 * 3 or less, so views nest at most 4 deep. No rows: inference needs none.
 */
final class InferenceSchema {

    static final int MAX_DEPTH = 4;
    private static final String[] PATTERNS = {"plain object", "parent view (JOIN)",
            "parent view (LEFT JOIN) + strip_nulls + CASE", "child views aggregated (GROUP BY)", "scalar sub-selects",
            "LATERAL", "CTE", "UNION ALL", "|| and to_jsonb(row)", "json_build_object + json_agg"};
    private static final int RECENT = 25;

    private final Random random;
    private final List<String> statements = new ArrayList<>();
    private final int[] depth;
    private final Map<String, Integer> patterns = new LinkedHashMap<>();

    private InferenceSchema(int views, long seed) {
        this.random = new Random(seed);
        this.depth = new int[views];
        for (String pattern : PATTERNS) {
            patterns.put(pattern, 0);
        }
    }

    /** The schema of {@code views} entities; the same seed gives the same schema. */
    static InferenceSchema generate(int views, long seed) {
        InferenceSchema schema = new InferenceSchema(views, seed);
        for (int i = 0; i < views; i++) {
            schema.entity(i);
        }
        return schema;
    }

    List<String> statements() {
        return statements;
    }

    /** How many views have each nesting depth, index 1 to {@link #MAX_DEPTH}. */
    int[] depthHistogram() {
        int[] histogram = new int[MAX_DEPTH + 1];
        for (int d : depth) {
            histogram[d]++;
        }
        return histogram;
    }

    /** How many views follow each pattern. */
    Map<String, Integer> patternCounts() {
        return patterns;
    }

    private void entity(int i) {
        int parent = i == 0 ? -1 : Math.max(0, i - RECENT) + random.nextInt(Math.min(i, RECENT));
        statements.add("CREATE TABLE tb_" + i + " (pk integer PRIMARY KEY, id uuid NOT NULL DEFAULT gen_random_uuid(),"
                + (parent < 0 ? "" : " fk_parent integer" + (random.nextBoolean() ? " NOT NULL" : "")
                + " REFERENCES tb_" + parent + " (pk),")
                + " name text NOT NULL, description text, amount numeric, qty integer NOT NULL,"
                + " active boolean NOT NULL, created_at timestamptz NOT NULL, tags text[], meta jsonb)");
        int pattern = i % PATTERNS.length;
        boolean needsParent = pattern == 1 || pattern == 2 || pattern == 6 || pattern == 7 || pattern == 8;
        boolean needsChild = pattern == 3 || pattern == 4 || pattern == 5 || pattern == 9;
        int target = needsParent ? embeddable(i, parent) : needsChild ? embeddable(i, -1) : -1;
        if (i == 0 || target < 0) {
            pattern = 0;
        }
        String t = "tb_" + i + " t";
        String v = "v_" + i;
        String owner = "owner_" + i;
        if (pattern != 0 && needsChild) {
            statements.add("ALTER TABLE tb_" + target + " ADD COLUMN " + owner + " integer REFERENCES tb_" + i
                    + " (pk)");
        }
        String child = "tb_" + target + " c";
        String childView = "v_" + target;
        String parentKey = parent < 0 ? "NULL::integer" : "t.fk_parent";
        String view = switch (pattern) {
            case 1 -> "SELECT t.pk AS id, jsonb_build_object('id', t.id::text, 'name', t.name, 'qty', t.qty,"
                    + " 'parent', vp.data) AS data FROM " + t + " JOIN " + childView + " vp ON vp.id = " + parentKey;
            case 2 -> "SELECT t.pk AS id, jsonb_strip_nulls(jsonb_build_object('id', t.id::text, 'description',"
                    + " t.description, 'parent', vp.data, 'status', CASE WHEN t.active THEN 'active' ELSE 'inactive'"
                    + " END)) AS data FROM " + t + " LEFT JOIN " + childView + " vp ON vp.id = " + parentKey;
            case 3 -> "SELECT t.pk AS id, jsonb_build_object('id', t.id::text, 'name', t.name, 'items',"
                    + " COALESCE(jsonb_agg(vc.data ORDER BY c.created_at DESC) FILTER (WHERE vc.id IS NOT NULL),"
                    + " '[]'::jsonb), 'count', count(c.pk), 'total', COALESCE(sum(c.amount), 0)) AS data FROM " + t
                    + " LEFT JOIN " + child + " ON c." + owner + " = t.pk LEFT JOIN " + childView
                    + " vc ON vc.id = c.pk GROUP BY t.pk";
            case 4 -> "SELECT t.pk AS id, jsonb_build_object('id', t.id::text, 'children', (SELECT count(*) FROM "
                    + child + " WHERE c." + owner + " = t.pk), 'latest', (SELECT vc.data FROM " + childView
                    + " vc JOIN " + child + " ON c.pk = vc.id WHERE c." + owner + " = t.pk ORDER BY c.created_at DESC"
                    + " LIMIT 1), 'names', ARRAY(SELECT c.name FROM " + child + " WHERE c." + owner + " = t.pk"
                    + " ORDER BY c.name)) AS data FROM " + t;
            case 5 -> "SELECT t.pk AS id, jsonb_build_object('id', t.id::text, 'stats', jsonb_build_object('n', s.n,"
                    + " 'max', s.max_amount), 'first', f.data) AS data FROM " + t + " CROSS JOIN LATERAL (SELECT"
                    + " count(*) AS n, max(c.amount) AS max_amount FROM " + child + " WHERE c." + owner + " = t.pk) s"
                    + " LEFT JOIN LATERAL (SELECT vc.data FROM " + childView + " vc JOIN " + child + " ON c.pk = vc.id"
                    + " WHERE c." + owner + " = t.pk ORDER BY c.pk LIMIT 1) f ON true";
            case 6 -> "WITH base AS (SELECT t.pk, t.id, t.name, " + parentKey + " AS fk_parent, COALESCE(t.description,"
                    + " t.name) AS label FROM " + t + " WHERE t.active) SELECT b.pk AS id, jsonb_build_object('id',"
                    + " b.id::text, 'label', b.label, 'parent', vp.data) AS data FROM base b LEFT JOIN " + childView
                    + " vp ON vp.id = b.fk_parent";
            case 7 -> "SELECT u.id, jsonb_build_object('id', u.uid, 'kind', u.kind, 'value', u.value, 'parent',"
                    + " vp.data) AS data FROM (SELECT t.pk AS id, t.id::text AS uid, 'active'::text AS kind, t.amount"
                    + " AS value, " + parentKey + " AS fk_parent FROM " + t + " WHERE t.active UNION ALL SELECT t.pk,"
                    + " t.id::text, 'inactive', NULL, " + parentKey + " FROM " + t + " WHERE NOT t.active) u"
                    + " LEFT JOIN " + childView + " vp ON vp.id = u.fk_parent";
            case 8 -> "SELECT t.pk AS id, jsonb_build_object('id', t.id::text, 'name', t.name, 'parentRow',"
                    + " to_jsonb(vp)) || COALESCE(vp.data::jsonb, '{}'::jsonb) AS data FROM " + t + " LEFT JOIN "
                    + childView + " vp ON vp.id = " + parentKey;
            case 9 -> "SELECT t.pk AS id, json_build_object('id', t.id, 'info', json_build_object('qty', t.qty,"
                    + " 'amount', t.amount, 'tags', t.tags), 'children', json_agg(json_build_object('id', c.id,"
                    + " 'name', c.name)) FILTER (WHERE c.pk IS NOT NULL)) AS data FROM " + t + " LEFT JOIN " + child
                    + " ON c." + owner + " = t.pk GROUP BY t.pk";
            default -> "SELECT t.pk AS id, jsonb_build_object('id', t.id::text, 'name', t.name, 'description',"
                    + " t.description, 'amount', t.amount, 'qty', t.qty, 'active', t.active, 'createdAt',"
                    + " t.created_at, 'tags', COALESCE(t.tags, '{}'), 'meta', t.meta) AS data FROM " + t;
        };
        statements.add("CREATE VIEW " + v + " AS " + view);
        boolean embedsView = pattern != 0 && pattern != 9;
        depth[i] = embedsView ? depth[target] + 1 : 1;
        patterns.merge(PATTERNS[pattern], 1, Integer::sum);
    }

    /**
     * An earlier entity whose view may be embedded (depth below the maximum): the parent when it qualifies,
     * else a random recent one; -1 when there is none.
     */
    private int embeddable(int current, int parent) {
        if (parent >= 0 && depth[parent] < MAX_DEPTH) {
            return parent;
        }
        List<Integer> candidates = new ArrayList<>();
        for (int j = Math.max(0, current - RECENT); j < current; j++) {
            if (depth[j] < MAX_DEPTH) {
                candidates.add(j);
            }
        }
        return candidates.isEmpty() ? -1 : candidates.get(random.nextInt(candidates.size()));
    }
}
