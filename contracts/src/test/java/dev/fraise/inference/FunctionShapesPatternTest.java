package dev.fraise.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.shape.UnknownShape;
import dev.fraise.shape.ViewShape;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code tv_} tables with no source view take the shape their sync functions write, and a mutation function's
 * entity the shape its returns build; each pattern asserted exactly on a real PostgreSQL (17, and 15 in the
 * {@code postgres-15} run). Notation: {@code !} non-null, {@code ?} nullable, {@code ~} key may be absent.
 */
class FunctionShapesPatternTest {

    private static ScratchDatabase database;

    @BeforeAll
    static void schema() throws Exception {
        try (InputStream in = FunctionShapesPatternTest.class.getResourceAsStream("/inference/patterns.sql")) {
            database = ScratchDatabase.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        execute("""
                CREATE VIEW v_user AS SELECT u.id, jsonb_build_object(
                    'id', u.id::text, 'name', u.name, 'email', u.email) AS data FROM tb_user u""");
    }

    @AfterAll
    static void drop() throws SQLException {
        database.close();
    }

    private static void execute(String... statements) throws SQLException {
        try (Statement st = database.connection().createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static ViewShape infer(String table, String... ddl) throws SQLException {
        execute(ddl);
        return ShapeInference.load(database.connection()).infer(table);
    }

    @Test
    void fullSyncInsertSelectInPlpgsql() throws SQLException {
        ViewShape shape = infer("tv_author", """
                CREATE TABLE tv_author (id UUID PRIMARY KEY, data JSONB NOT NULL)""", """
                CREATE FUNCTION sync_tv_author() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM tv_author; -- a comment; with a semicolon
                    INSERT INTO tv_author (id, data)
                    SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name, 'bio', u.bio,
                        'post_count', (SELECT count(*) FROM tb_post p WHERE p.fk_user = u.pk_user))
                    FROM tb_user u;
                END;
                $$""");
        assertEquals("{id: string!, name: string!, bio: string?, post_count: integer!}!", CompactShape.of(shape));
        assertEquals("tv_author.data is written by sync_tv_author(), statement 2 (INSERT … SELECT)", shape.origin());
        assertTrue(shape.toTree().contains("tb_user.bio"), shape.toTree());
    }

    /** Multi-character operators ({@code ->>}, {@code @>}, {@code #>>}) and block labels read as PostgreSQL reads them. */
    @Test
    void operatorsAndLabelsInTheBodyAreReadWhole() throws SQLException {
        ViewShape shape = infer("tv_tagged", """
                CREATE TABLE tv_tagged (id UUID PRIMARY KEY, data JSONB NOT NULL)""", """
                CREATE FUNCTION fn_sync_tv_tagged(p_filter jsonb) RETURNS void LANGUAGE plpgsql AS $$
                <<main>>
                BEGIN
                    INSERT INTO tv_tagged (id, data)
                    SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name,
                        'wanted', p_filter->>'name', 'deep', p_filter #>> '{a,b}')
                    FROM tb_user u WHERE p_filter @> jsonb_build_object('name', u.name);
                END main;
                $$""");
        assertEquals("{id: string!, name: string!, wanted: string?, deep: string?}!", CompactShape.of(shape));
        assertEquals("tv_tagged.data is written by fn_sync_tv_tagged(jsonb), statement 1 (INSERT … SELECT)",
                shape.origin());
    }

    @Test
    void incrementalSyncUpsertWithParameter() throws SQLException {
        ViewShape shape = infer("tv_member", """
                CREATE TABLE tv_member (id UUID PRIMARY KEY, data JSONB NOT NULL)""", """
                CREATE FUNCTION fn_sync_tv_member(p_id uuid) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO tv_member (id, data)
                    SELECT u.id, jsonb_build_object('id', p_id, 'name', u.name, 'age', u.age)
                    FROM tb_user u WHERE u.id = p_id
                    ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data;
                    IF NOT FOUND THEN
                        DELETE FROM tv_member WHERE id = p_id;
                    END IF;
                END;
                $$""");
        assertEquals("{id: string?, name: string!, age: integer?}!", CompactShape.of(shape));
        assertEquals("tv_member.data is written by fn_sync_tv_member(uuid), statement 1 (INSERT … SELECT ON"
                + " CONFLICT)", shape.origin());
        assertTrue(shape.toTree().contains("parameter p_id may be NULL"), shape.toTree());
    }

    @Test
    void strictFunctionParametersAreNeverNull() throws SQLException {
        ViewShape shape = infer("tv_badge", """
                CREATE TABLE tv_badge (id UUID PRIMARY KEY, data JSONB NOT NULL)""", """
                CREATE FUNCTION fn_sync_tv_badge(p_id uuid) RETURNS void LANGUAGE plpgsql STRICT AS $$
                BEGIN
                    INSERT INTO tv_badge VALUES (p_id, jsonb_build_object('id', p_id, 'kind', 'badge'))
                    ON CONFLICT (id) DO NOTHING;
                END;
                $$""");
        assertEquals("{id: string!, kind: string!}!", CompactShape.of(shape));
        assertEquals("tv_badge.data is written by fn_sync_tv_badge(uuid), statement 1 (INSERT … VALUES ON"
                + " CONFLICT)", shape.origin());
    }

    @Test
    void updateSetDataWithAVariableBuiltBySelectInto() throws SQLException {
        ViewShape shape = infer("tv_profile_card", """
                CREATE TABLE tv_profile_card (id UUID PRIMARY KEY, data JSONB NOT NULL)""", """
                CREATE FUNCTION fn_sync_tv_profile_card(p_id uuid) RETURNS void LANGUAGE plpgsql AS $$
                DECLARE
                    v_data jsonb;
                BEGIN
                    SELECT jsonb_build_object('id', u.id::text, 'display_name', coalesce(u.display_name, u.name))
                    INTO v_data FROM tb_user u WHERE u.id = p_id;
                    UPDATE tv_profile_card SET data = v_data WHERE id = p_id;
                END;
                $$""");
        assertEquals("{id: string!, display_name: string!}!", CompactShape.of(shape));
        assertEquals("tv_profile_card.data is written by fn_sync_tv_profile_card(uuid), statement 2 (UPDATE … SET"
                + " data)", shape.origin());
    }

    @Test
    void twoWritingStatementsAreMerged() throws SQLException {
        ViewShape shape = infer("tv_contact", """
                CREATE TABLE tv_contact (id UUID PRIMARY KEY, data JSONB NOT NULL)""", """
                CREATE FUNCTION sync_tv_contact() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO tv_contact (id, data)
                    SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name, 'email', u.email)
                    FROM tb_user u;
                    UPDATE tv_contact t SET data = jsonb_build_object('id', t.id::text, 'name', s.theme)
                    FROM tb_user_settings s JOIN tb_user u ON u.pk_user = s.fk_user WHERE u.id = t.id;
                END;
                $$""");
        assertEquals("{id: string!, name: string!, email: string?~}!", CompactShape.of(shape));
        assertEquals("tv_contact.data is written by sync_tv_contact(), statement 1 (INSERT … SELECT),"
                + " sync_tv_contact(), statement 2 (UPDATE … SET data)", shape.origin());
    }

    @Test
    void unanalysableBodyKeepsTheShapeUnknownWithPostgresqlsReason() throws SQLException {
        ViewShape shape = infer("tv_broken", """
                CREATE TABLE tv_broken (id UUID PRIMARY KEY, data JSONB NOT NULL)""", """
                CREATE FUNCTION sync_tv_broken() RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO tv_broken (id, data)
                    SELECT u.id, jsonb_build_object('name', u.no_such_column) FROM tb_user u;
                END;
                $$""");
        UnknownShape unknown = (UnknownShape) shape.data();
        assertEquals("no statement writing tv_broken.data could be analysed: sync_tv_broken(), statement 1"
                + " (INSERT … SELECT): column u.no_such_column does not exist (SQLSTATE 42703)", unknown.reason());
        assertEquals(unknown.reason(), shape.origin());
    }

    @Test
    void sqlLanguageFunctionWithPositionalParameter() throws SQLException {
        ViewShape shape = infer("tv_tag", """
                CREATE TABLE tv_tag (id UUID PRIMARY KEY, data JSONB NOT NULL)""", """
                CREATE FUNCTION fn_sync_tv_tag(uuid) RETURNS void LANGUAGE sql AS $$
                    DELETE FROM tv_tag WHERE id = $1;
                    INSERT INTO tv_tag (data, id)
                    SELECT jsonb_build_object('id', t.id::text, 'name', t.name), t.id FROM tb_tag t WHERE t.id = $1;
                $$""");
        assertEquals("{id: string!, name: string!}!", CompactShape.of(shape));
        assertEquals("tv_tag.data is written by fn_sync_tv_tag(uuid), statement 2 (INSERT … SELECT)",
                shape.origin());
    }

    @Test
    void aSourceViewStillWins() throws SQLException {
        ViewShape shape = infer("tv_user", """
                CREATE TABLE tv_user (id UUID PRIMARY KEY, data JSONB NOT NULL)""", """
                CREATE FUNCTION sync_tv_user() RETURNS void LANGUAGE sql AS $$
                    INSERT INTO tv_user SELECT u.id, jsonb_build_object('id', u.id::text) FROM tb_user u;
                $$""");
        assertEquals("tv_user.data is materialised from v_user (tv_x ← v_x)", shape.origin());
        assertEquals("{id: string!, name: string!, email: string?}!", CompactShape.of(shape));
    }

    @Test
    void nothingIsLeftInTheDatabase() throws SQLException {
        infer("tv_leftover", """
                CREATE TABLE tv_leftover (id UUID PRIMARY KEY, data JSONB NOT NULL)""", """
                CREATE FUNCTION sync_tv_leftover() RETURNS void LANGUAGE sql AS $$
                    INSERT INTO tv_leftover SELECT u.id, jsonb_build_object('id', u.id::text) FROM tb_user u;
                $$""").data();
        assertTrue(database.connection().getAutoCommit());
        try (Statement st = database.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_class WHERE relname LIKE 'fraise_probe%'"
                     + " UNION ALL SELECT count(*) FROM pg_proc WHERE proname = 'fraise_probe_value'")) {
            while (rs.next()) {
                assertEquals(0, rs.getInt(1));
            }
        }
    }

    @Test
    void mutationEntityFromSelectIntoThroughAHelper() throws SQLException {
        execute("""
                CREATE TYPE mutation_response AS (status text, message text, entity_id text, entity_type text,
                    entity jsonb, updated_fields text[], cascade jsonb, metadata jsonb)""", """
                CREATE FUNCTION mutation_created(p_message text, p_entity jsonb) RETURNS mutation_response
                LANGUAGE sql AS $$
                    SELECT ROW('new', p_message, NULL, NULL, p_entity, NULL, NULL, NULL)::mutation_response;
                $$""", """
                CREATE FUNCTION mutation_failed(p_message text) RETURNS mutation_response LANGUAGE sql AS $$
                    SELECT ROW('failed:validation', p_message, NULL, NULL, NULL, NULL, NULL, NULL)::mutation_response;
                $$""", """
                CREATE FUNCTION fn_create_person(input jsonb) RETURNS mutation_response LANGUAGE plpgsql AS $$
                DECLARE
                    v_id uuid := gen_random_uuid();
                    v_entity jsonb;
                BEGIN
                    IF input->>'name' IS NULL THEN
                        RETURN mutation_failed('name is required');
                    END IF;
                    INSERT INTO tb_user (id, identifier, name) VALUES (v_id, input->>'name', input->>'name');
                    SELECT vu.data INTO v_entity FROM v_user vu WHERE vu.id = v_id;
                    RETURN mutation_created('created', v_entity);
                END;
                $$""");
        ViewShape entity = ShapeInference.load(database.connection()).returned(new FunctionColumn("public",
                "fn_create_person", List.of("jsonb"), "entity", 5));
        assertEquals("{id: string!, name: string!, email: string?}?", CompactShape.of(entity));
        assertEquals("entity is built by fn_create_person(jsonb), statement 5", entity.origin());
    }

    @Test
    void mutationEntityFromARowConstructorAndAnUnreadReturn() throws SQLException {
        execute("""
                CREATE TYPE post_result AS (succeeded boolean, entity jsonb)""", """
                CREATE FUNCTION fn_publish(p_id uuid) RETURNS post_result LANGUAGE plpgsql AS $$
                BEGIN
                    IF p_id IS NULL THEN
                        RETURN (false, NULL)::post_result;
                    END IF;
                    IF random() > 2 THEN
                        RETURN some_unknown_call(p_id);
                    END IF;
                    RETURN ROW(true, jsonb_build_object('id', p_id, 'title', 'x'))::post_result;
                END;
                $$""");
        ViewShape entity = ShapeInference.load(database.connection()).returned(new FunctionColumn("public",
                "fn_publish", List.of("uuid"), "entity", 2));
        assertEquals("{id: string?, title: string!}!", CompactShape.of(entity));
        assertTrue(entity.origin().startsWith("entity is built by fn_publish(uuid), statement 5; not analysed:"
                + " fn_publish(uuid), statement 3: RETURN some_unknown_call(…) calls a function whose body is not"
                + " read"), entity.origin());
        assertFalse(entity.data() instanceof UnknownShape);
    }
}
