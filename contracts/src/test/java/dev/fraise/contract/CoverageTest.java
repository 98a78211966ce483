package dev.fraise.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.TestDatabases;
import dev.fraise.TestFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coverage: the fields compared against a shape, the object types nothing checked, and failing on them. */
class CoverageTest {

    private static final ContractOptions OPTIONS = ContractOptions.DEFAULT.withoutLint();

    /**
     * User is embedded by two views; meta is free-form jsonb, so Meta, checked through it, is compared with nothing;
     * Tag has no view; Note is a mutation's payload, rows of v_note_row.
     */
    private static final String SDL = """
            type User { id: ID! name: String! }
            type Post @sqlSource(name: "v_post") { id: ID! author: User! meta: Meta }
            type Meta { lang: String }
            type Comment @sqlSource(name: "v_comment") { id: ID! author: User! }
            type Tag { id: ID! }
            type Note { id: ID! text: String! }
            type Query { posts: [Post!]! }
            type Mutation { addNote(text: String!): Note! @sqlSource(name: "fn_add_note") }
            """;

    private static TestDatabases.Scratch database;
    private static Connection connection;

    @TempDir
    Path project;

    @BeforeAll
    static void database() throws SQLException {
        database = TestDatabases.create();
        connection = database.connect();
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE tb_user (pk_user INT PRIMARY KEY, id UUID NOT NULL, name TEXT NOT NULL)");
            st.execute("""
                    CREATE TABLE tb_post (pk_post INT PRIMARY KEY, id UUID NOT NULL,
                        fk_user INT NOT NULL REFERENCES tb_user, meta JSONB)""");
            st.execute("""
                    CREATE VIEW v_post AS SELECT p.id, jsonb_build_object('id', p.id::text, 'author',
                        jsonb_build_object('id', u.id::text, 'name', u.name), 'meta', p.meta) AS data
                    FROM tb_post p JOIN tb_user u ON u.pk_user = p.fk_user""");
            st.execute("""
                    CREATE VIEW v_comment AS SELECT p.id, jsonb_build_object('id', p.id::text, 'author',
                        jsonb_build_object('id', u.id::text, 'name', u.name)) AS data
                    FROM tb_post p JOIN tb_user u ON u.pk_user = p.fk_user""");
            st.execute("""
                    CREATE VIEW v_note_row AS SELECT u.id, jsonb_build_object('id', u.id::text, 'text', u.name) AS data
                    FROM tb_user u""");
            st.execute("""
                    CREATE FUNCTION fn_add_note(input jsonb) RETURNS SETOF v_note_row LANGUAGE sql
                    AS $$ SELECT * FROM v_note_row LIMIT 1 $$""");
            st.execute("CREATE TABLE tb_label (pk_label INT PRIMARY KEY, id UUID NOT NULL, data JSONB NOT NULL)");
            st.execute("CREATE VIEW v_label AS SELECT id, data FROM tb_label");
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        connection.close();
        database.close();
    }

    private ContractReport check(String sdl, ContractOptions options) {
        TestFiles.write(project, "schema.graphql", sdl);
        return ContractChecker.check(connection, project, List.of("schema.graphql"), options);
    }

    @Test
    void fieldsAreCountedOnceWhateverTheViewsThatReachThemAndUnknownShapesApart() {
        ContractReport report = check(SDL, OPTIONS);
        // User.id and User.name through both views, Post.id, Post.author, Comment.id, Comment.author, and Note.id and
        // Note.text by the return check of addNote: 8 checked; Post.meta is jsonb (unknown); Meta.lang (under the
        // unknown Post.meta) and Tag.id are reached by no view.
        assertEquals(new FieldCounts(11, 8, 1), report.fields());
        assertEquals(2, report.fields().notReached());
        assertEquals("8 types: 2 checked, 3 checked through a parent, 3 not checked (no source: 1, root type: 2);"
                + " gaps: Tag; 8 of 11 fields checked, 1 of unknown shape, 2 not reached; against 2 views: 0 errors, 2 warnings,"
                + " 0 suppressed", report.summaryLine(), report.findings().toString());
    }

    @Test
    void aPayloadTheReturnCheckVerifiedIsCheckedThroughItsMutation() {
        TypeResult note = type(check(SDL, OPTIONS), "Note");
        assertEquals(TypeResult.Status.CHECKED_THROUGH_PARENT, note.status());
        assertEquals("returned by Mutation.addNote: fn_add_note returns rows of v_note_row", note.reason());
    }

    @Test
    void everyObjectTypeNothingCheckedIsAWarningAtTheType() {
        ContractReport report = check(SDL, OPTIONS);
        assertEquals("""
                WARNING SHAPE_UNKNOWN Post.meta (schema.graphql:2:62, v_post $.meta): Post.meta is not checked: \
                tb_post.meta is JSON of unknown structure [jsonb ← tb_post.meta in v_post]
                WARNING TYPE_NOT_CHECKED Tag (schema.graphql:5:1): Tag is not checked: no source: no @sqlSource, \
                no Query field returns it, and v_tag does not exist""",
                report.findings().stream().map(Finding::toString).sorted().collect(Collectors.joining("\n")));
        assertTrue(report.passed());
        assertEquals(List.of("Tag"), report.gaps().stream().map(Finding::path).toList());
    }

    @Test
    void failOnUncheckedMakesGapsAndUnknownShapesErrors() {
        ContractReport report = check(SDL, OPTIONS.withFailOnUnchecked());
        assertFalse(report.passed());
        assertEquals(2, report.summary().errors(), report.findings().toString());
        assertEquals(0, report.summary().warnings(), report.findings().toString());
        assertTrue(report.findings().stream().allMatch(f -> f.severity() == Severity.ERROR));
    }

    @Test
    void aSuppressedGapStaysListedAndDoesNotFail() {
        ContractReport report = check(SDL.replace("type Tag {", "type Tag @fraiseIgnore(codes: [TYPE_NOT_CHECKED],"
                + " reason: \"built in the API\") {").replace("meta: Meta", "meta: Meta @fraiseIgnore(reason: \"free"
                + " form\")"),
                OPTIONS.withFailOnUnchecked());
        assertTrue(report.passed(), report.findings().toString());
        assertEquals(2, report.summary().suppressed());
        assertTrue(report.summaryLine().contains("; gaps: Tag (suppressed);"),
                report.summaryLine());
    }

    @Test
    void aTypeWhoseViewIsOfUnknownShapeIsNotCheckedAndItsFieldsNotReached() {
        String sdl = SDL.replace("type Tag {", "type Label @sqlSource(name: \"v_label\") { id: ID! text: String! }\n"
                + "type Tag {");
        ContractReport report = check(sdl, OPTIONS);
        TypeResult label = type(report, "Label");
        assertEquals(TypeResult.Status.NOT_CHECKED, label.status());
        assertEquals("shape unknown: tb_label.data is JSON of unknown structure", label.reason());
        assertEquals("9 types: 2 checked, 3 checked through a parent, 4 not checked (shape unknown: 1, no source: 1,"
                + " root type: 2); gaps: Tag; 8 of 13 fields checked, 1 of unknown shape, 4 not reached; against"
                + " 2 views: 0 errors, 4 warnings, 0 suppressed", report.summaryLine(), report.findings().toString());
        assertEquals(List.of("Tag"), report.gaps().stream().map(Finding::path).toList());
        ContractReport failing = check(sdl, OPTIONS.withFailOnUnchecked());
        assertTrue(failing.findings().stream().anyMatch(f -> f.code() == FindingCode.SHAPE_UNKNOWN
                && f.path().equals("Label") && f.severity() == Severity.ERROR), failing.findings().toString());
    }

    private static TypeResult type(ContractReport report, String name) {
        return report.types().stream().filter(t -> t.type().equals(name)).findFirst().orElseThrow();
    }
}
