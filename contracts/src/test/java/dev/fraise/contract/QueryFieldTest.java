package dev.fraise.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fraise.TestFiles;
import dev.fraise.error.SourceLocation;
import dev.fraise.graphql.GraphqlSchemaLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Query fields, their declared and returned types, sources and SDL locations. */
class QueryFieldTest {

    @TempDir
    Path project;

    @Test
    void listsQueryFieldsInSdlOrderWithTheirSources() {
        TestFiles.write(project, "api/schema.graphql", """
                type Post { id: ID! }
                type Query {
                  posts: [Post!]! @sqlSource(name: "v_post")
                  post(id: ID!): Post @sqlSource(name: "v_post")
                  version: String
                }
                """);
        List<QueryField> fields = QueryField.of(GraphqlSchemaLoader.load(project, List.of("api/schema.graphql")));
        Path sdl = Path.of("api/schema.graphql");
        assertEquals(List.of(
                new QueryField("Query.posts", "posts", "[Post!]!", "Post", Optional.of("v_post"),
                        Optional.of(new SourceLocation(sdl, 3, 3))),
                new QueryField("Query.post", "post", "Post", "Post", Optional.of("v_post"),
                        Optional.of(new SourceLocation(sdl, 4, 3))),
                new QueryField("Query.version", "version", "String", "String", Optional.empty(),
                        Optional.of(new SourceLocation(sdl, 5, 3)))), fields);
    }

    @Test
    void followsARenamedQueryRootAndIsEmptyWithoutOne() {
        TestFiles.write(project, "renamed.graphql", """
                schema { query: Root }
                type Root { items: [String] }
                """);
        TestFiles.write(project, "none.graphql", "type Item { id: ID! }\n");
        assertEquals(List.of("Root.items"), QueryField.of(GraphqlSchemaLoader.load(project,
                List.of("renamed.graphql"))).stream().map(QueryField::path).toList());
        assertEquals(List.of(), QueryField.of(GraphqlSchemaLoader.load(project, List.of("none.graphql"))));
    }
}
