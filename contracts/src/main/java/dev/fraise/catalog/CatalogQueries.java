package dev.fraise.catalog;

/**
 * The fixed set of {@code pg_catalog} queries a snapshot runs, one per kind of object (never one per object).
 * Each starts with the same scope CTEs, bound to three parameters: the schemas (a {@code text[]}, empty for all),
 * the tracking table's schema (or {@code NULL}) and its name.
 */
final class CatalogQueries {

    private static final String SCOPE = """
            WITH scope AS (SELECT ?::text[] AS schemas, ?::text AS tracking_schema, ?::text AS tracking_name),
            ns AS (
              SELECT n.oid, n.nspname FROM pg_namespace n, scope
              WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
                AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
                AND (cardinality(scope.schemas) = 0 OR n.nspname = ANY (scope.schemas))
                AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass
                                AND d.objid = n.oid AND d.deptype = 'e')
            ),
            tracked AS (
              SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, scope
              WHERE c.relname = scope.tracking_name AND c.relkind IN ('r', 'p')
                AND (scope.tracking_schema IS NULL OR n.nspname = scope.tracking_schema)
            ),
            rel AS (
              SELECT c.oid, c.relname, c.relkind, c.relnamespace, c.relpersistence, c.relispartition,
                     c.relpartbound, c.reloptions, c.relrowsecurity, c.relforcerowsecurity, ns.nspname
              FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
              WHERE c.oid NOT IN (SELECT oid FROM tracked)
                AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                AND d.objid = c.oid AND d.deptype = 'e')
            )
            """;

    static final String SCHEMAS = SCOPE + "SELECT quote_ident(nspname) FROM ns ORDER BY 1";

    static final String EXTENSIONS = SCOPE + """
            SELECT quote_ident(e.extname), e.extversion, quote_ident(ns.nspname)
            FROM pg_extension e JOIN ns ON ns.oid = e.extnamespace ORDER BY 1
            """;

    static final String RELATIONS = SCOPE + """
            SELECT quote_ident(c.nspname), quote_ident(c.relname), c.relkind, c.relpersistence,
                   CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END,
                   CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
                   CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
                   (SELECT string_agg(quote_ident(pn.nspname) || '.' || quote_ident(p.relname), ', '
                                      ORDER BY i.inhseqno)
                      FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
                      JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid),
                   array_to_string(c.reloptions, ', '), c.relrowsecurity, c.relforcerowsecurity
            FROM rel c WHERE c.relkind IN ('r', 'p', 'v', 'm') ORDER BY 1, 2
            """;

    static final String COLUMNS = SCOPE + """
            SELECT quote_ident(c.nspname), quote_ident(c.relname), quote_ident(a.attname),
                   format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
                   a.attidentity, a.attgenerated,
                   CASE WHEN a.attcollation <> t.typcollation THEN quote_ident(co.collname) END
            FROM pg_attribute a JOIN rel c ON c.oid = a.attrelid
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY 1, 2, a.attnum
            """;

    static final String CONSTRAINTS = SCOPE + """
            SELECT quote_ident(c.nspname), quote_ident(c.relname), k.conname, quote_ident(k.conname),
                   pg_get_constraintdef(k.oid, true)
            FROM pg_constraint k JOIN rel c ON c.oid = k.conrelid
            WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') ORDER BY 1, 2, 3
            """;

    static final String INDEXES = SCOPE + """
            SELECT quote_ident(c.nspname), quote_ident(c.relname), c.relkind, ci.relname, quote_ident(ci.relname),
                   pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN rel c ON c.oid = i.indrelid JOIN pg_class ci ON ci.oid = i.indexrelid
            WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid
                              AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
            ORDER BY 1, 4
            """;

    static final String SEQUENCES = SCOPE + """
            SELECT quote_ident(c.nspname), quote_ident(c.relname), format_type(s.seqtypid, NULL), s.seqstart,
                   s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                   (SELECT quote_ident(tn.nspname) || '.' || quote_ident(t.relname) || '.' || quote_ident(a.attname)
                      FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
                      JOIN pg_namespace tn ON tn.oid = t.relnamespace
                      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
                     WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                       AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a')
            FROM pg_sequence s JOIN rel c ON c.oid = s.seqrelid
            WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                              AND d.refclassid = 'pg_class'::regclass
                              AND (d.deptype = 'i' OR (d.deptype = 'a' AND d.refobjid IN (SELECT oid FROM tracked))))
            ORDER BY 1, 2
            """;

    static final String ROUTINES = SCOPE + """
            SELECT quote_ident(ns.nspname), quote_ident(p.proname), p.prokind,
                   oidvectortypes(p.proargtypes),
                   CASE WHEN p.prokind = 'a' THEN
                     (SELECT 'RETURNS ' || pg_get_function_result(p.oid)
                             || ' (SFUNC = ' || g.aggtransfn::regprocedure::text
                             || ', STYPE = ' || format_type(g.aggtranstype, NULL)
                             || CASE WHEN g.aggfinalfn::oid <> 0
                                     THEN ', FINALFUNC = ' || g.aggfinalfn::regprocedure::text ELSE '' END
                             || CASE WHEN g.aggcombinefn::oid <> 0
                                     THEN ', COMBINEFUNC = ' || g.aggcombinefn::regprocedure::text ELSE '' END
                             || CASE WHEN g.agginitval IS NOT NULL
                                     THEN ', INITCOND = ' || quote_literal(g.agginitval) ELSE '' END
                             || CASE WHEN g.aggkind <> 'n' THEN ', KIND = ' || g.aggkind::text ELSE '' END || ')'
                        FROM pg_aggregate g WHERE g.aggfnoid = p.oid)
                   ELSE pg_get_functiondef(p.oid) END
            FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
            WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                              AND d.objid = p.oid AND d.deptype IN ('e', 'i'))
            ORDER BY 1, 2, 4
            """;

    static final String TRIGGERS = SCOPE + """
            SELECT quote_ident(c.nspname), quote_ident(c.relname), c.relkind, quote_ident(t.tgname),
                   pg_get_triggerdef(t.oid, true), t.tgenabled
            FROM pg_trigger t JOIN rel c ON c.oid = t.tgrelid
            WHERE NOT t.tgisinternal ORDER BY 1, 2, 4
            """;

    static final String TYPES = SCOPE + """
            SELECT quote_ident(ns.nspname), quote_ident(t.typname), t.typtype,
                   (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                      FROM pg_enum e WHERE e.enumtypid = t.oid),
                   (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ', '
                                      ORDER BY a.attnum)
                      FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped),
                   format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
                   (SELECT string_agg(pg_get_constraintdef(k.oid, true), ' '
                                      ORDER BY pg_get_constraintdef(k.oid, true))
                      FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype <> 'n'),
                   (SELECT format_type(r.rngsubtype, NULL) FROM pg_range r WHERE r.rngtypid = t.oid)
            FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
            WHERE (t.typtype IN ('e', 'd', 'r')
                   OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid
                                                   AND c.relkind = 'c'
                                                   AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                                                   WHERE d.classid = 'pg_class'::regclass
                                                                   AND d.objid = c.oid AND d.deptype = 'e'))))
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                              AND d.objid = t.oid AND d.deptype = 'e')
            ORDER BY 1, 2
            """;

    private CatalogQueries() {
    }
}
