package dev.fraise.report;

import dev.fraise.TestDatabases;
import dev.fraise.TestFiles;
import dev.fraise.contract.ContractChecker;
import dev.fraise.contract.ContractOptions;
import dev.fraise.contract.ContractReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A small blog checked for real on the embedded server: posts embed their author; the SDL has one error
 * ({@code Post.author.bio} over a nullable column), one warning (the key {@code secret} no field reads) and two
 * suppressed findings, one by {@code @fraiseIgnore} and one by a baseline file.
 */
final class ReportFixture implements AutoCloseable {

    static final String DDL = """
            CREATE TABLE tb_user (pk_user INT PRIMARY KEY, id UUID NOT NULL, name TEXT NOT NULL, bio TEXT);
            CREATE TABLE tb_post (pk_post INT PRIMARY KEY, id UUID NOT NULL,
                fk_user INT NOT NULL REFERENCES tb_user, title TEXT NOT NULL, rating INT, views INT NOT NULL,
                secret TEXT NOT NULL);
            CREATE VIEW v_post AS
            SELECT p.id, jsonb_build_object(
                    'id', p.id::text,
                    'title', p.title,
                    'author', jsonb_build_object('id', u.id::text, 'name', u.name, 'bio', u.bio),
                    'rating', p.rating,
                    'views', p.views::text,
                    'secret', p.secret) AS data
            FROM tb_post p JOIN tb_user u ON u.pk_user = p.fk_user;
            """;

    /** The schema with findings of every kind. */
    static final String SDL = """
            type Query {
              posts: [Post!]! @sqlSource(name: "v_post")
            }

            type Post {
              id: ID!
              title: String!
              author: User!
              rating: Int! @fraiseIgnore(codes: [FIELD_NULLABLE], reason: "ratings are backfilled")
              views: Int!
            }

            type User {
              id: ID!
              name: String!
              bio: String!
            }

            input PostFilter {
              title: String
            }
            """;

    /** The same types, matching the view. */
    static final String CLEAN_SDL = """
            type Query {
              posts: [Post!]! @sqlSource(name: "v_post")
            }

            type Post {
              id: ID!
              title: String!
              author: User!
              rating: Int
              views: String!
              secret: String!
            }

            type User {
              id: ID!
              name: String!
              bio: String
            }
            """;

    static final String BASELINE = """
            {"suppressions": [{"code": "FIELD_TYPE_MISMATCH", "path": "Post.views", "reason": "FRA-7"}]}
            """;

    private final TestDatabases.Scratch database;
    private final Connection connection;

    private ReportFixture(TestDatabases.Scratch database) throws SQLException {
        this.database = database;
        this.connection = database.connect();
    }

    static ReportFixture create() throws SQLException {
        TestDatabases.Scratch database = TestDatabases.create();
        database.execute(DDL);
        return new ReportFixture(database);
    }

    /** Checks {@code sdl}, written to {@code schema/blog.graphql} under {@code project}, with the baseline. */
    ContractReport check(Path project, String sdl) {
        return check(project, sdl, ContractOptions.DEFAULT.withoutLint());
    }

    /** Checks {@code sdl} with {@code options} and the baseline. */
    ContractReport check(Path project, String sdl, ContractOptions options) {
        TestFiles.write(project, "schema/blog.graphql", sdl);
        TestFiles.write(project, "fraise-baseline.json", BASELINE);
        return ContractChecker.check(connection, project, List.of("schema/*.graphql"),
                options.withBaseline(project.resolve("fraise-baseline.json")));
    }

    /** A test resource under {@code report/}, with {@code @VERSION@} replaced by the version reports write. */
    static String expected(String name) {
        try (InputStream in = ReportFixture.class.getResourceAsStream("/report/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource report/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@VERSION@",
                    ContractReport.version());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
        database.close();
    }
}
