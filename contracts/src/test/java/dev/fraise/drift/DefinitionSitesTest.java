package dev.fraise.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fraise.TestFiles;
import dev.fraise.catalog.ObjectKind;
import dev.fraise.error.SourceLocation;
import dev.fraise.source.SourceFinder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionSitesTest {

    @TempDir
    Path dir;
    DefinitionSites sites;

    @BeforeEach
    void schema() {
        sites = new DefinitionSites(List.of(
                source("10_views_first.sql", """
                        -- tb_post (title) is read here, not defined
                        CREATE VIEW v_post AS
                        SELECT p.title FROM tb_post p
                          JOIN tb_user u ON u.pk_user = p.fk_user AND p.title <> 'CREATE TABLE tb_post (title text)';
                        CREATE FUNCTION fn_touch() RETURNS void LANGUAGE sql AS $$
                            UPDATE tb_post SET title = title;
                        $$;
                        """),
                source("20_tables.sql", """
                        CREATE TABLE IF NOT EXISTS public.tb_post (
                            pk_post integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                            fk_user integer REFERENCES tb_user (pk_user),
                            price   numeric(10, 2),
                            "Title" text,
                            title   text NOT NULL UNIQUE,
                            CONSTRAINT ck_post_price CHECK (price > 0)
                        );
                        CREATE UNIQUE INDEX ON tb_post (fk_user, price);
                        CREATE INDEX ON tb_post (title);
                        CREATE INDEX idx_post_price ON tb_post (price);
                        ALTER TABLE tb_post ADD COLUMN slug text;
                        ALTER TABLE ONLY tb_post
                            ALTER COLUMN slug SET NOT NULL;
                        CREATE OR REPLACE TRIGGER tr_post AFTER INSERT ON tb_post
                            FOR EACH ROW EXECUTE FUNCTION fn_touch();
                        CREATE TYPE mood AS ENUM ('happy');
                        CREATE MATERIALIZED VIEW mv_post AS SELECT 1 AS one;
                        """)));
    }

    @Test
    void columnsAreFoundInTheirTablesStatementNeverInAViewOrABody() {
        assertEquals("20_tables.sql:6", at(ObjectKind.COLUMN, "public.tb_post.title", "public.tb_post"));
        assertEquals("20_tables.sql:5", at(ObjectKind.COLUMN, "public.tb_post.\"Title\"", "public.tb_post"));
        assertEquals("20_tables.sql:4", at(ObjectKind.COLUMN, "public.tb_post.price", "public.tb_post"));
        assertEquals("20_tables.sql:12", at(ObjectKind.COLUMN, "public.tb_post.slug", "public.tb_post"));
        assertEquals("", at(ObjectKind.COLUMN, "public.tb_post.body", "public.tb_post"));
        assertEquals("20_tables.sql:1", sites.relation("public.tb_post").map(String::valueOf).orElse(""));
        assertEquals("10_views_first.sql:2", sites.relation("public.v_post").map(String::valueOf).orElse(""));
    }

    @Test
    void constraintsByNameOrByTheColumnTheirGeneratedNameComesFrom() {
        assertEquals("20_tables.sql:7", at(ObjectKind.CONSTRAINT, "public.tb_post.ck_post_price", "public.tb_post"));
        assertEquals("20_tables.sql:2", at(ObjectKind.CONSTRAINT, "public.tb_post.tb_post_pkey", "public.tb_post"));
        assertEquals("20_tables.sql:6", at(ObjectKind.CONSTRAINT, "public.tb_post.tb_post_title_key",
                "public.tb_post"));
        assertEquals("20_tables.sql:3", at(ObjectKind.CONSTRAINT, "public.tb_post.tb_post_fk_user_fkey",
                "public.tb_post"));
    }

    @Test
    void indexesTriggersAndOtherObjectsAtTheirCreate() {
        assertEquals("20_tables.sql:11", at(ObjectKind.INDEX, "public.idx_post_price", "public.tb_post"));
        assertEquals("20_tables.sql:10", at(ObjectKind.INDEX, "public.tb_post_title_idx", "public.tb_post"));
        assertEquals("20_tables.sql:9", at(ObjectKind.INDEX, "public.tb_post_fk_user_price_idx", "public.tb_post"));
        assertEquals("20_tables.sql:15", at(ObjectKind.TRIGGER, "public.tb_post.tr_post", "public.tb_post"));
        assertEquals("10_views_first.sql:5", at(ObjectKind.FUNCTION, "public.fn_touch()", null));
        assertEquals("10_views_first.sql:2", at(ObjectKind.VIEW, "public.v_post", null));
        assertEquals("20_tables.sql:17", at(ObjectKind.ENUM, "public.mood", null));
        assertEquals("20_tables.sql:18", at(ObjectKind.MATERIALIZED_VIEW, "public.mv_post", null));
        assertEquals("", at(ObjectKind.TABLE, "public.tb_user", null));
    }

    private String at(ObjectKind kind, String name, String owner) {
        return sites.definition(kind, name, owner).map(SourceLocation::toString).orElse("");
    }

    private SourceFinder.Source source(String name, String sql) {
        return new SourceFinder.Source(TestFiles.write(dir, name, sql), Path.of(name));
    }
}
