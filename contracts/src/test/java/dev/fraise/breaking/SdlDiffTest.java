package dev.fraise.breaking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fraise.TestFiles;
import dev.fraise.graphql.GraphqlSchema;
import dev.fraise.graphql.GraphqlSchemaLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** graphql-inspector's rules, one SDL change at a time. */
class SdlDiffTest {

    static final String BASE = """
            type Query { posts(limit: Int = 10, status: Status!): [Post!]! search(q: String): [Result] }
            type Post implements Node { id: ID! title: String! tags: [String!]! score: Int author: User }
            type User implements Node { id: ID! name: String }
            interface Node { id: ID! }
            union Result = Post | User
            enum Status { DRAFT PUBLISHED }
            input PostInput { title: String! note: String }
            scalar DateTime
            """;

    @TempDir
    Path dir;

    private List<String> diff(String head) {
        TestFiles.write(dir, "base/schema.graphql", BASE);
        TestFiles.write(dir, "head/schema.graphql", head);
        GraphqlSchema before = GraphqlSchemaLoader.load(dir.resolve("base"), List.of("schema.graphql"));
        GraphqlSchema after = GraphqlSchemaLoader.load(dir.resolve("head"), List.of("schema.graphql"));
        return SdlDiff.between(before, after).stream()
                .map(c -> c.severity() + " " + c.code() + " " + c.path()).sorted().toList();
    }

    private List<String> diff(String from, String to) {
        return diff(BASE.replace(from, to));
    }

    /** FraiseQL schema files are diffed like SDL: a field made nullable, a query removed, between two schema.json. */
    @Test
    void fraiseqlSchemaFilesAreDiffedToo() {
        String base = """
                {"types": [{"name": "Post", "sql_source": "v_post", "fields": [
                    {"name": "id", "type": "ID", "nullable": false},
                    {"name": "title", "type": "String", "nullable": false}]}],
                 "queries": [{"name": "posts", "return_type": "Post", "returns_list": true, "sql_source": "v_post"},
                             {"name": "post", "return_type": "Post", "nullable": true, "sql_source": "v_post",
                              "arguments": [{"name": "id", "type": "ID", "nullable": false}]}]}
                """;
        TestFiles.write(dir, "base/schema.json", base);
        TestFiles.write(dir, "head/schema.json", base.replace("\"title\", \"type\": \"String\", \"nullable\": false",
                "\"title\", \"type\": \"String\", \"nullable\": true").replace("""
                ,
                             {"name": "post", "return_type": "Post", "nullable": true, "sql_source": "v_post",
                              "arguments": [{"name": "id", "type": "ID", "nullable": false}]}""", ""));
        GraphqlSchema before = GraphqlSchemaLoader.load(dir.resolve("base"), List.of("schema.json"));
        GraphqlSchema after = GraphqlSchemaLoader.load(dir.resolve("head"), List.of("schema.json"));

        assertEquals(List.of("BREAKING FIELD_NOW_NULLABLE Post.title", "BREAKING FIELD_REMOVED Query.post"),
                SdlDiff.between(before, after).stream().map(c -> c.severity() + " " + c.code() + " " + c.path())
                        .sorted().toList());
    }

    @Test
    void anIdenticalSchemaHasNoChanges() {
        assertEquals(List.of(), diff(BASE));
    }

    @Test
    void outputNullability() {
        assertEquals(List.of("BREAKING FIELD_NOW_NULLABLE Post.tags"), diff("tags: [String!]!", "tags: [String]!"));
        assertEquals(List.of("SAFE FIELD_NOW_NON_NULL Post.score"), diff("score: Int", "score: Int!"));
        assertEquals(List.of("BREAKING FIELD_TYPE_CHANGED Post.score"), diff("score: Int", "score: Float"));
        assertEquals(List.of("BREAKING FIELD_TYPE_CHANGED Post.score"), diff("score: Int", "score: [Int]"));
    }

    @Test
    void arguments() {
        assertEquals(List.of("SAFE ARGUMENT_ADDED Query.search.first"), diff("(q: String)", "(q: String, first: Int)"));
        assertEquals(List.of("SAFE ARGUMENT_ADDED Query.search.first"),
                diff("(q: String)", "(q: String, first: Int! = 5)"));
        assertEquals(List.of("BREAKING ARGUMENT_REMOVED Query.search.q"), diff("(q: String)", ""));
        assertEquals(List.of("SAFE ARGUMENT_NOW_OPTIONAL Query.posts.status"), diff("status: Status!", "status: Status"));
        assertEquals(List.of("BREAKING ARGUMENT_TYPE_CHANGED Query.search.q"), diff("(q: String)", "(q: String!)"));
        assertEquals(List.of("DANGEROUS ARGUMENT_DEFAULT_CHANGED Query.posts.limit"), diff("= 10", "= 20"));
    }

    @Test
    void inputFields() {
        assertEquals(List.of("BREAKING INPUT_FIELD_ADDED_REQUIRED PostInput.body"),
                diff("note: String }", "note: String body: String! }"));
        assertEquals(List.of("SAFE INPUT_FIELD_ADDED PostInput.body"), diff("note: String }", "note: String body: String }"));
        assertEquals(List.of("BREAKING INPUT_FIELD_REMOVED PostInput.note"), diff(" note: String }", " }"));
        assertEquals(List.of("SAFE INPUT_FIELD_NOW_OPTIONAL PostInput.title"), diff("{ title: String!", "{ title: String"));
        assertEquals(List.of("BREAKING INPUT_FIELD_TYPE_CHANGED PostInput.note"), diff("note: String", "note: Int"));
    }

    @Test
    void enumsUnionsInterfacesAndTypes() {
        assertEquals(List.of("DANGEROUS ENUM_VALUE_ADDED Status.ARCHIVED"), diff("PUBLISHED }", "PUBLISHED ARCHIVED }"));
        assertEquals(List.of("BREAKING ENUM_VALUE_REMOVED Status.PUBLISHED"), diff("DRAFT PUBLISHED", "DRAFT"));
        assertEquals(List.of("BREAKING UNION_MEMBER_REMOVED Result.User"), diff("Post | User", "Post"));
        assertEquals(List.of("BREAKING INTERFACE_REMOVED User.Node"), diff("User implements Node", "User"));
        assertEquals(List.of("BREAKING TYPE_REMOVED DateTime"), diff("scalar DateTime\n", ""));
        assertEquals(List.of("BREAKING TYPE_KIND_CHANGED Node"), diff("interface Node { id: ID! }",
                "type Node { id: ID! }"));
        assertEquals(List.of("SAFE TYPE_ADDED Tag"), diff(BASE + "type Tag { name: String! }\n"));
        assertEquals(List.of("SAFE FIELD_DEPRECATED Post.score"), diff("score: Int", "score: Int @deprecated"));
    }

    @Test
    void typeExtensionsAreMergedIntoTheirTypes() {
        assertEquals(List.of(), diff(BASE.replace(" author: User }", " }")
                .replace("scalar DateTime", "scalar DateTime\nextend type Post { author: User }")));
    }
}
