package dev.fraise.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.TestFiles;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import graphql.language.FieldDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FraiseQL schema files as contract sources: recognised by content, merged, located, and their bad input. */
class FraiseqlSchemaLoaderTest {

    @TempDir
    Path dir;

    private static final String USER = """
            {
              "types": [
                {
                  "name": "User",
                  "sql_source": "v_user",
                  "fields": [
                    { "name": "id", "type": "ID", "nullable": false },
                    { "name": "tags", "type": "[String!]", "nullable": true }
                  ]
                }
              ],
              "queries": [
                { "name": "users", "return_type": "User", "returns_list": true, "nullable": false,
                  "sql_source": "v_user", "jsonb_column": "payload" }
              ]
            }
            """;

    @Test
    void anIntermediateSchemaBecomesTypesWithLocationsAtTheirJsonValues() {
        TestFiles.write(dir, "schema.json", USER);

        GraphqlSchema schema = GraphqlSchemaLoader.load(dir, List.of("schema.json"));

        assertEquals(GraphqlSchema.SchemaFormat.FRAISEQL, schema.format());
        ObjectTypeDefinition user = schema.registry().getTypeOrNull("User", ObjectTypeDefinition.class);
        FieldDefinition tags = user.getFieldDefinitions().get(1);
        assertEquals("[String!]", graphql.language.AstPrinter.printAst(tags.getType()));
        assertEquals("ID!", graphql.language.AstPrinter.printAst(user.getFieldDefinitions().get(0).getType()));
        assertEquals("schema.json:8:9#/types/0/fields/1", schema.locate(tags).orElseThrow().toString());
        FieldDefinition users = schema.queryType().orElseThrow().getFieldDefinitions().get(0);
        assertEquals("[User!]!", graphql.language.AstPrinter.printAst(users.getType()));
        assertEquals("payload", ((StringValue) users.getDirectives("sqlSource").get(0).getArgument("jsonbColumn")
                .getValue()).getValue());
    }

    @Test
    void aRelayTypeGetsNodeEdgeConnectionAndPageInfo() {
        TestFiles.write(dir, "schema.json", """
                {"types": [{"name": "Post", "sql_source": "v_post", "relay": true,
                            "fields": [{"name": "id", "type": "ID", "nullable": false}]}],
                 "queries": [{"name": "posts", "return_type": "Post", "relay": true, "sql_source": "v_post"}]}
                """);

        GraphqlSchema schema = GraphqlSchemaLoader.load(dir, List.of("schema.json"));

        assertTrue(schema.registry().getTypeOrNull("Node", InterfaceTypeDefinition.class) != null);
        for (String synthesized : List.of("PostEdge", "PostConnection", "PageInfo")) {
            ObjectTypeDefinition type = schema.registry().getTypeOrNull(synthesized, ObjectTypeDefinition.class);
            assertEquals(1, type.getDirectives("fraiseEmbedded").size(), synthesized);
        }
        FieldDefinition posts = schema.queryType().orElseThrow().getFieldDefinitions().get(0);
        assertEquals("PostConnection!", graphql.language.AstPrinter.printAst(posts.getType()));
    }

    @Test
    void splitFilesMergeAndIdenticalDefinitionsAreOne() {
        TestFiles.write(dir, "schema/users/types.json", USER);
        TestFiles.write(dir, "schema/posts/types.json", """
                {"types": [{"name": "Post", "sql_source": "v_post",
                            "fields": [{"name": "author", "type": "User", "nullable": false}]}],
                 "queries": [{"name": "posts", "return_type": "Post", "returns_list": true, "sql_source": "v_post"}],
                 "naming_convention": "snake_case"}
                """);
        TestFiles.write(dir, "schema/again/types.json", USER);

        GraphqlSchema schema = GraphqlSchemaLoader.load(dir, List.of("schema/*/types.json"));

        assertEquals(List.of("posts", "users"), schema.queryType().orElseThrow().getFieldDefinitions().stream()
                .map(FieldDefinition::getName).sorted().toList());
        assertEquals(Optional.of("snake_case"), schema.namingConvention());
        assertEquals(3, schema.files().size());
    }

    @Test
    void aTypeDefinedDifferentlyInTwoFilesIsAConflictNamingBoth() {
        TestFiles.write(dir, "schema/a/types.json", USER);
        TestFiles.write(dir, "schema/b/types.json", USER.replace("\"tags\", \"type\": \"[String!]\"",
                "\"tags\", \"type\": \"[String]\""));

        FraiseException e = assertThrows(FraiseException.class,
                () -> GraphqlSchemaLoader.load(dir, List.of("schema/*/types.json")));

        assertEquals(ErrorCode.FRAISEQL_TYPE_CONFLICT, e.code());
        assertEquals("schema/b/types.json:3:5#/types/0", e.location().orElseThrow().toString());
        assertEquals("type User is defined differently here and in schema/a/types.json:3:5#/types/0 (here: tags:"
                + " [String])", e.detail());
    }

    @Test
    void malformedJsonIsLocatedWhereItBreaks() {
        TestFiles.write(dir, "schema.json", "{\n  \"types\": [\n    { \"name\": \"User\" \n  ]\n}\n");

        FraiseException e = assertThrows(FraiseException.class,
                () -> GraphqlSchemaLoader.load(dir, List.of("schema.json")));

        assertEquals(ErrorCode.SCHEMA_JSON_MALFORMED, e.code());
        assertEquals("schema.json:4:3", e.location().orElseThrow().toString());
    }

    @Test
    void jsonThatIsNeitherIntrospectionNorFraiseqlIsRejected() {
        TestFiles.write(dir, "schema.json", "{\"name\": \"my-app\", \"version\": \"1.0.0\"}");

        FraiseException e = assertThrows(FraiseException.class,
                () -> GraphqlSchemaLoader.load(dir, List.of("schema.json")));

        assertEquals(ErrorCode.SCHEMA_FORMAT_UNKNOWN, e.code());
        assertEquals("schema.json:1:1", e.location().orElseThrow().toString());
    }

    @Test
    void anUndeclaredTypeIsAnErrorWithTheClosestDeclaredOne() {
        TestFiles.write(dir, "schema.json", USER.replace("\"return_type\": \"User\"", "\"return_type\": \"Usr\""));

        FraiseException e = assertThrows(FraiseException.class,
                () -> GraphqlSchemaLoader.load(dir, List.of("schema.json")));

        assertEquals(ErrorCode.FRAISEQL_TYPE_UNDECLARED, e.code());
        assertEquals("schema.json:13:39#/queries/0/return_type", e.location().orElseThrow().toString());
        assertTrue(e.detail().endsWith("did you mean User?"), e.detail());
    }

    @Test
    void everyUndeclaredTypeIsNamedInOneError() {
        TestFiles.write(dir, "schema.json", USER.replace("\"return_type\": \"User\"", "\"return_type\": \"Usr\"")
                .replace("\"type\": \"ID\"", "\"type\": \"Identifier\""));

        FraiseException e = assertThrows(FraiseException.class,
                () -> GraphqlSchemaLoader.load(dir, List.of("schema.json")));

        assertEquals(ErrorCode.FRAISEQL_TYPE_UNDECLARED, e.code());
        assertEquals("type Identifier is not declared in types, enums, input_types, interfaces, unions or"
                + " custom_scalars; also undeclared: Usr at schema.json:13:39#/queries/0/return_type", e.detail());
    }

    @Test
    void anUnknownInputStyleIsAnError() {
        TestFiles.write(dir, "schema.json", """
                {"mutations": [{"name": "createUser", "return_type": "Boolean", "sql_source": "fn_create_user",
                                "input_style": "positional"}]}
                """);

        FraiseException e = assertThrows(FraiseException.class,
                () -> GraphqlSchemaLoader.load(dir, List.of("schema.json")));

        assertEquals(ErrorCode.FRAISEQL_SCHEMA_INVALID, e.code());
        assertEquals("schema.json:2:32#/mutations/0/input_style", e.location().orElseThrow().toString());
        assertEquals("input_style is 'positional'; accepted: flatten, jsonb", e.detail());
    }

    @Test
    void aTypeStringThatDoesNotParseIsAnError() {
        TestFiles.write(dir, "schema.json", USER.replace("[String!]", "[String!"));

        FraiseException e = assertThrows(FraiseException.class,
                () -> GraphqlSchemaLoader.load(dir, List.of("schema.json")));

        assertEquals(ErrorCode.FRAISEQL_SCHEMA_INVALID, e.code());
        assertEquals("schema.json:8:35#/types/0/fields/1/type", e.location().orElseThrow().toString());
    }

    @Test
    void aDefinitionInBothSdlAndFraiseqlFilesIsAConflict() {
        TestFiles.write(dir, "schema.json", USER);
        TestFiles.write(dir, "extra.graphql", "type User { id: ID! }\n");

        FraiseException e = assertThrows(FraiseException.class,
                () -> GraphqlSchemaLoader.load(dir, List.of("schema.json", "extra.graphql")));

        assertEquals(ErrorCode.FRAISEQL_TYPE_CONFLICT, e.code());
        assertEquals("schema.json:3:5#/types/0", e.location().orElseThrow().toString());
    }
}
