package dev.fraise.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fraise.TestFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFinderTest {

    @TempDir
    Path dir;

    @Test
    void simpleNamesDropSchemaTableSignatureAndQuotes() {
        assertEquals("title", SourceFinder.simpleName("public.tb_post.title"));
        assertEquals("fn_x", SourceFinder.simpleName("app.fn_x(integer, text)"));
        assertEquals("Odd.Name", SourceFinder.simpleName("app.\"Odd.Name\""));
        assertEquals("say \"hi\"", SourceFinder.simpleName("\"say \"\"hi\"\"\""));
        assertEquals("pgcrypto", SourceFinder.simpleName("pgcrypto"));
    }

    @Test
    void findsAColumnBelowItsTableAndAnUnnamedIndexByItsTable() {
        SourceFinder finder = new SourceFinder(List.of(
                source("a.sql", "CREATE TABLE tb_user (\n    id integer,\n    title text\n);\n"),
                source("b.sql", "-- tb_post: posts\nCREATE TABLE tb_post (\n    id integer,\n    title text\n);\n"
                        + "CREATE INDEX ON tb_post (title);\n")));

        assertEquals("b.sql:4", finder.locate("public.tb_post", "public.tb_post.title", "column").orElseThrow()
                .toString());
        assertEquals("b.sql:6", finder.locate("public.tb_post", "public.tb_post_title_idx", "index").orElseThrow()
                .toString());
        assertEquals("a.sql:1", finder.locate(null, "public.tb_user", "table").orElseThrow().toString());
        assertEquals("b.sql:1", finder.locate("public.tb_post", "public.tb_post.tb_post_pkey", "constraint")
                .orElseThrow().toString(), "falls back to the owner");
        assertEquals(Optional.empty(), finder.locate(null, "public.v_nowhere", "view"));
        assertEquals(Optional.empty(), finder.locate(null, "public.tb_pos", "table"), "whole words only");
    }

    @Test
    void findsTheCreateStatementOfARelationOrFunctionBeforeAnEarlierMention() {
        SourceFinder finder = new SourceFinder(List.of(
                source("10_v_user.sql", "-- tv_user is synced from this view\nCREATE VIEW v_user AS SELECT 1;\n"),
                source("20_tv_user.sql", "-- The projection of v_user (tv_user)\nCREATE TABLE tv_user (\n"
                        + "    id uuid\n);\n\nCREATE OR REPLACE FUNCTION app.sync_tv_user() RETURNS void\n")));

        assertEquals("20_tv_user.sql:2", finder.definition("tv_user").orElseThrow().toString());
        assertEquals("20_tv_user.sql:6", finder.definition("app.sync_tv_user()").orElseThrow().toString());
        assertEquals("10_v_user.sql:2", finder.definition("public.v_user").orElseThrow().toString());
        assertEquals("c.sql:1", new SourceFinder(List.of(source("c.sql", "-- tv_user\n")))
                .definition("tv_user").orElseThrow().toString(), "no CREATE: the first line naming it");
        assertEquals(Optional.empty(), finder.definition("tv_nowhere"));
    }

    private SourceFinder.Source source(String name, String text) {
        return new SourceFinder.Source(TestFiles.write(dir, name, text), Path.of(name));
    }
}
