package dev.fraise.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.TestDatabases;
import dev.fraise.TestFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sample mode's mutation calls on a real PostgreSQL: generated inputs the functions accept, the entity checked
 * against the payload's entity type (v1, v1's legacy object_data, unions, a JSON entity named by entity_type), and
 * nothing left behind, in auto-commit mode or inside the caller's transaction.
 */
class MutationSamplesTest {

    private static final String TABLES = """
            CREATE TYPE user_role AS ENUM ('reader', 'editor');
            CREATE TABLE tb_user (
                pk_user INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
                identifier TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                email TEXT NOT NULL UNIQUE,
                role user_role NOT NULL DEFAULT 'reader',
                state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'banned')));
            CREATE TABLE tb_post (
                pk_post INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
                fk_user INTEGER NOT NULL REFERENCES tb_user (pk_user),
                title TEXT NOT NULL);
            CREATE VIEW v_user AS SELECT u.id, jsonb_build_object('id', u.id::text, 'name', u.name,
                'email', u.email) AS data FROM tb_user u;
            CREATE VIEW v_post AS SELECT p.id, jsonb_build_object('id', p.id::text, 'title', p.title,
                'author', vu.data) AS data
                FROM tb_post p JOIN tb_user u ON u.pk_user = p.fk_user JOIN v_user vu ON vu.id = u.id;
            INSERT INTO tb_user (id, identifier, name, email) VALUES
                ('00000000-0000-0000-0000-000000000001', 'ada', 'Ada', 'ada@example.com');
            """;

    private static final String V1_RESPONSE = """
            CREATE TYPE mutation_response AS (status text, message text, entity_id text, entity_type text,
                entity jsonb, updated_fields text[], cascade jsonb, metadata jsonb);
            """;

    private static final String V2_RESPONSE = """
            CREATE TYPE mutation_error_class AS ENUM ('validation', 'conflict', 'not_found', 'unauthorized',
                'forbidden', 'internal', 'transaction_failed', 'timeout', 'rate_limited', 'service_unavailable');
            CREATE TYPE mutation_response AS (succeeded boolean, state_changed boolean,
                error_class mutation_error_class, status_detail text, http_status smallint, message text,
                entity_id uuid, entity_type text, entity jsonb, updated_fields text[], cascade jsonb,
                error_detail jsonb, metadata jsonb);
            """;

    private static final String TYPES = """
            type User { id: ID! name: String! email: String! }
            type Post { id: ID! title: String! author: User! }
            type Query {
              users: [User!]! @sqlSource(name: "v_user")
              posts: [Post!]! @sqlSource(name: "v_post")
            }
            """;

    /** Inserts a user and a post, then raises (v2). */
    private static final String WRITING = V2_RESPONSE + """
            CREATE FUNCTION fn_create_post(p_author_id uuid, p_title text) RETURNS mutation_response
            LANGUAGE plpgsql AS $$
            DECLARE v_id uuid;
            BEGIN
                INSERT INTO tb_post (fk_user, title) SELECT pk_user, p_title FROM tb_user WHERE id = p_author_id
                RETURNING id INTO v_id;
                RETURN ROW(true, true, NULL, 'created', 201, NULL, v_id, 'Post',
                    (SELECT data FROM v_post WHERE id = v_id), NULL, NULL, NULL, NULL)::mutation_response;
            END $$;
            CREATE FUNCTION fn_create_user(p_name text, p_email text) RETURNS mutation_response
            LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO tb_user (identifier, name, email) VALUES (p_email, p_name, p_email);
                INSERT INTO tb_post (fk_user, title) SELECT pk_user, 'x' FROM tb_user WHERE email = p_email;
                RAISE EXCEPTION 'refused after writing' USING ERRCODE = 'P0001';
            END $$;
            """;

    private static final String WRITING_SDL = TYPES + """
            input CreatePostInput { authorId: ID! title: String! }
            input CreateUserInput { name: String! email: String! }
            type PostResult { succeeded: Boolean! message: String entity: Post }
            type UserResult { succeeded: Boolean! message: String entity: User }
            type Mutation {
              createPost(input: CreatePostInput!): PostResult!
              createUser(input: CreateUserInput!): UserResult!
            }
            """;

    private static final ContractOptions V2 = ContractOptions.DEFAULT.withoutLint().sampling(10)
            .withMutationProfile(MutationProfile.V2);
    private static final ContractOptions V1 = ContractOptions.DEFAULT.withoutLint().sampling(10)
            .withMutationProfile(MutationProfile.V1);

    @TempDir
    Path project;

    private TestDatabases.Scratch database;

    @BeforeEach
    void database() throws SQLException {
        database = TestDatabases.create();
        database.execute(TABLES);
    }

    @AfterEach
    void drop() {
        database.close();
    }

    private ContractReport check(Connection connection, String sdl, ContractOptions options) {
        TestFiles.write(project, "schema.graphql", sdl);
        return ContractChecker.check(connection, project, List.of("schema.graphql"), options);
    }

    private ContractReport check(String sql, String sdl, ContractOptions options) throws SQLException {
        database.execute(sql);
        try (Connection connection = database.connect()) {
            return check(connection, sdl, options);
        }
    }

    private static List<Finding> samples(ContractReport report) {
        return report.findings().stream().filter(f -> f.code().name().startsWith("MUTATION_SAMPLE_")).toList();
    }

    /**
     * The static entity finding at {@code jsonPath} that a sample call confirmed: when the function's body shows
     * the mismatch, the call's evidence joins that finding instead of repeating it.
     */
    private static Finding confirmed(ContractReport report, String jsonPath) {
        Finding finding = report.findings().stream().filter(f -> f.jsonPath().equals(jsonPath)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding at " + jsonPath + ": " + report.findings()));
        assertTrue(finding.provenance().contains("confirmed by a sample call: "), finding.toString());
        assertTrue(samples(report).stream().noneMatch(f -> f.jsonPath().equals(jsonPath)), report.findings().toString());
        return finding;
    }

    private static String lines(List<Finding> findings) {
        return findings.stream().map(f -> f.severity() + " " + f.code() + " " + f.path() + " " + f.jsonPath())
                .collect(Collectors.joining("\n"));
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void nothingTheFunctionsWriteIsLeftBehind() throws SQLException {
        database.execute(WRITING);
        try (Connection connection = database.connect()) {
            ContractReport report = check(connection, WRITING_SDL, V2);
            assertEquals("WARNING MUTATION_SAMPLE_FAILED Mutation.createUser $", lines(samples(report)));
            assertTrue(samples(report).get(0).message().startsWith("fn_create_user raised P0001 (refused after"
                    + " writing)"), samples(report).get(0).message());
            assertTrue(connection.getAutoCommit());
            assertEquals(1, count(connection, "tb_user"));
            assertEquals(0, count(connection, "tb_post"));
        }
    }

    @Test
    void insideTheCallersTransactionOnlyTheSampleIsRolledBack() throws SQLException {
        database.execute(WRITING);
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO tb_user (identifier, name, email) VALUES ('bo', 'Bo', 'bo@x.org')");
            }
            ContractReport report = check(connection, WRITING_SDL, V2);
            assertEquals("WARNING MUTATION_SAMPLE_FAILED Mutation.createUser $", lines(samples(report)));
            assertFalse(connection.getAutoCommit());
            assertEquals(2, count(connection, "tb_user"), "the caller's own row stays, the samples' are gone");
            assertEquals(0, count(connection, "tb_post"));
            connection.rollback();
            assertEquals(1, count(connection, "tb_user"));
        }
    }

    @Test
    void offWithTheOptionAndInStaticMode() throws SQLException {
        database.execute(WRITING);
        try (Connection connection = database.connect()) {
            assertEquals(List.of(), samples(check(connection, WRITING_SDL, V2.withoutMutationSamples())));
            assertEquals(List.of(), samples(check(connection, WRITING_SDL, ContractOptions.DEFAULT.withoutLint()
                    .withMutationProfile(MutationProfile.V2))));
        }
    }

    @Test
    void theLegacyObjectDataIsChecked() throws SQLException {
        ContractReport report = check("""
                CREATE FUNCTION fn_create_post(input jsonb, OUT id uuid, OUT updated_fields text[],
                    OUT status text, OUT message text, OUT object_data jsonb, OUT extra_metadata jsonb)
                LANGUAGE sql AS $$
                    SELECT gen_random_uuid(), NULL::text[], 'new', 'created',
                        jsonb_build_object('id', gen_random_uuid()::text, 'name', input->>'title',
                            'author', (SELECT data FROM v_user WHERE id = (input->>'author_id')::uuid)),
                        NULL::jsonb;
                $$;
                """, TYPES + """
                input CreatePostInput { authorId: ID! title: String! }
                type PostResponse { status: String! objectData: Post! }
                type Mutation { createPost(input: CreatePostInput!): PostResponse! }
                """, V1);
        Finding title = confirmed(report, "$.object_data.title");
        assertTrue(title.provenance().contains("call: public.fn_create_post({\"author_id\":"
                + "\"00000000-0000-0000-0000-000000000001\",\"title\":\"fraise-sample-1-title\"})"),
                title.provenance());
    }

    @Test
    void theSuccessMemberOfAUnionNamesTheEntity() throws SQLException {
        ContractReport report = check(V1_RESPONSE + """
                CREATE FUNCTION fn_create_user(input jsonb) RETURNS mutation_response LANGUAGE sql AS $$
                    SELECT ROW('new', 'created', NULL, 'User', jsonb_build_object('id', 'x', 'name', NULL,
                        'email', input->>'email'), NULL, NULL, NULL)::mutation_response;
                $$;
                """, TYPES + """
                input CreateUserInput { name: String! email: String! }
                type CreateUserError { status: String! message: String }
                type CreateUserSuccess { status: String! user: User! }
                union CreateUserResult = CreateUserError | CreateUserSuccess
                type Mutation { createUser(input: CreateUserInput!): CreateUserResult! }
                """, V1);
        Finding name = confirmed(report, "$.entity.name");
        assertTrue(name.provenance().contains("User.name is String! but it is null"), name.provenance());
    }

    @Test
    void aJsonEntityIsCheckedAgainstTheTypeItsEntityTypeNames() throws SQLException {
        ContractReport report = check(V1_RESPONSE + """
                CREATE FUNCTION fn_rename_user(input jsonb) RETURNS mutation_response LANGUAGE sql AS $$
                    SELECT ROW('updated', 'renamed', NULL, 'User', jsonb_build_object('id', 'x', 'name', 'y'),
                        NULL, NULL, NULL)::mutation_response;
                $$;
                """, TYPES + """
                scalar JSON
                input RenameUserInput { id: ID! name: String! }
                type MutationResponse { status: String! entity: JSON }
                type Mutation { renameUser(input: RenameUserInput!): MutationResponse! }
                """, V1);
        assertEquals("ERROR MUTATION_SAMPLE_ENTITY_MISMATCH Mutation.renameUser $.entity.email",
                lines(samples(report)));
    }

    @Test
    void aV2FailureIsAWarningWithItsErrorClass() throws SQLException {
        ContractReport report = check(V2_RESPONSE + """
                CREATE FUNCTION fn_create_user(p_name text, p_email text) RETURNS mutation_response
                LANGUAGE sql AS $$
                    SELECT ROW(false, false, 'conflict', 'duplicate_email', 409, 'email taken', NULL, 'User',
                        NULL, NULL, NULL, NULL, NULL)::mutation_response;
                $$;
                """, TYPES + """
                input CreateUserInput { name: String! email: String! }
                type UserResult { succeeded: Boolean! message: String entity: User }
                type Mutation { createUser(input: CreateUserInput!): UserResult! }
                """, V2);
        assertEquals("WARNING MUTATION_SAMPLE_FAILED Mutation.createUser $", lines(samples(report)));
        assertTrue(samples(report).get(0).message().startsWith("fn_create_user returned succeeded=false, error_class"
                + " conflict, status_detail 'duplicate_email' (email taken) when called with public.fn_create_user("
                + "\"fraise-sample-1-name\", \"fraise-sample-1@example.com\")"), samples(report).get(0).message());
    }

    /**
     * Each function refuses (raises) an input that is not valid: a SQL enum label, a CHECK-listed value for a
     * GraphQL enum, an existing user for the inject parameter and the entity's own id, a unique email, and the
     * statement timeout set. Both accept theirs and return an entity without email, so each reports that.
     */
    @Test
    void theGeneratedInputIsValid() throws SQLException {
        ContractReport report = check(V2_RESPONSE + """
                CREATE FUNCTION fn_invite_user(p_name text, p_email text, p_role user_role, p_state text,
                    user_id uuid) RETURNS mutation_response LANGUAGE plpgsql AS $$
                DECLARE v_id uuid;
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM tb_user WHERE id = user_id) THEN
                        RAISE EXCEPTION 'unknown inviter %', user_id;
                    END IF;
                    IF current_setting('statement_timeout') <> '10s' THEN
                        RAISE EXCEPTION 'no statement timeout';
                    END IF;
                    INSERT INTO tb_user (identifier, name, email, role, state)
                    VALUES (p_email, p_name, p_email, p_role, p_state) RETURNING id INTO v_id;
                    RETURN ROW(true, true, NULL, 'created', 201, NULL, v_id, 'User',
                        (SELECT data - 'email' FROM v_user WHERE id = v_id), NULL, NULL, NULL,
                        NULL)::mutation_response;
                END $$;
                CREATE FUNCTION fn_ban_user(input jsonb, user_id uuid) RETURNS mutation_response
                LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE tb_user SET state = input->>'state' WHERE id = (input->>'id')::uuid;
                    IF NOT FOUND THEN
                        RAISE EXCEPTION 'unknown user %', input->>'id';
                    END IF;
                    RETURN ROW(true, true, NULL, 'updated', 200, NULL, (input->>'id')::uuid, 'User',
                        (SELECT data - 'email' FROM v_user WHERE id = (input->>'id')::uuid), NULL, NULL,
                        NULL, NULL)::mutation_response;
                END $$;
                """, TYPES + """
                enum UserRole { READER EDITOR }
                enum UserState { ACTIVE BANNED }
                input InviteUserInput { name: String! email: String! role: UserRole! state: UserState! }
                input BanUserInput { id: ID! state: UserState! }
                type UserResult { succeeded: Boolean! message: String entity: User! }
                type Mutation {
                  inviteUser(input: InviteUserInput!): UserResult!
                  banUser(input: BanUserInput!): UserResult! @sqlSource(name: "fn_ban_user", inputStyle: "jsonb")
                }
                """, V2.withContextParams("user_id"));
        assertEquals("ERROR FIELD_MISSING Mutation.inviteUser → entity.email $.entity.email\n"
                + "ERROR FIELD_MISSING Mutation.banUser → entity.email $.entity.email", lines(report.findings()),
                report.findings().toString());
        confirmed(report, "$.entity.email");
        assertTrue(report.findings().get(0).provenance().contains("call: public.fn_invite_user(\"fraise-sample-1-name\","
                + " \"fraise-sample-1@example.com\", \"reader\", \"active\","
                + " \"00000000-0000-0000-0000-000000000001\")"), report.findings().get(0).message());
    }

    /**
     * Review has no author field, so authorId is resolved through tb_review.fk_author's foreign key; the payload is
     * the entity itself (FraiseQL v2's createReview: Review!), which reads no mutation_response column.
     */
    @Test
    void aForeignKeyResolvesAReferenceAndAPayloadCanBeTheEntity() throws SQLException {
        ContractReport report = check(V2_RESPONSE + """
                CREATE TABLE tb_review (pk_review INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    id UUID NOT NULL DEFAULT gen_random_uuid() UNIQUE,
                    fk_author INTEGER NOT NULL REFERENCES tb_user (pk_user), body TEXT NOT NULL);
                CREATE VIEW v_review AS SELECT r.id, jsonb_build_object('id', r.id::text, 'body', r.body) AS data
                    FROM tb_review r;
                CREATE FUNCTION fn_create_review(p_author_id uuid, p_body text) RETURNS mutation_response
                LANGUAGE plpgsql AS $$
                DECLARE v_id uuid;
                BEGIN
                    INSERT INTO tb_review (fk_author, body)
                    SELECT pk_user, p_body FROM tb_user WHERE id = p_author_id RETURNING id INTO v_id;
                    IF v_id IS NULL THEN
                        RAISE EXCEPTION 'unknown author %', p_author_id;
                    END IF;
                    RETURN ROW(true, true, NULL, 'created', 201, NULL, v_id, 'Review',
                        jsonb_build_object('id', v_id::text, 'text', p_body), NULL, NULL, NULL,
                        NULL)::mutation_response;
                END $$;
                """, """
                type Review { id: ID! body: String! }
                input CreateReviewInput { authorId: ID! body: String! }
                type Query { reviews: [Review!]! @sqlSource(name: "v_review") }
                type Mutation { createReview(input: CreateReviewInput!): Review! }
                """, V2);
        assertEquals("ERROR MUTATION_SAMPLE_ENTITY_MISMATCH Mutation.createReview $.entity.body",
                lines(samples(report)));
        assertTrue(samples(report).get(0).message().contains("fn_create_review(\"00000000-0000-0000-0000-000000000001\""),
                samples(report).get(0).message());
    }

    @Test
    void aReferenceWithoutRowsSkipsTheCallAndSaysWhy() throws SQLException {
        ContractReport report = check(V2_RESPONSE + """
                CREATE FUNCTION fn_rename_post(p_post_id uuid, p_title text) RETURNS mutation_response
                LANGUAGE sql AS $$
                    SELECT ROW(true, true, NULL, 'updated', 200, NULL, p_post_id, 'Post', NULL, NULL, NULL,
                        NULL, NULL)::mutation_response;
                $$;
                """, TYPES + """
                input RenamePostInput { postId: ID! title: String! }
                type PostResult { succeeded: Boolean! message: String entity: Post! }
                type Mutation { renamePost(input: RenamePostInput!): PostResult! }
                """, V2);
        assertEquals("WARNING MUTATION_SAMPLE_SKIPPED Mutation.renamePost $", lines(samples(report)));
        assertEquals("Mutation.renamePost was not sampled: postId references tb_post, which has no rows",
                samples(report).get(0).message());
    }
}
