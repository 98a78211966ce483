package dev.fraise.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fraise.TestFiles;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code extend type} and {@code extend schema} are merged before any check, across files, or refused. */
class SdlExtensionsTest {

    @TempDir
    Path dir;

    private GraphqlSchema load(String first, String second) {
        TestFiles.write(dir, "a.graphql", first);
        TestFiles.write(dir, "b.graphql", second);
        return GraphqlSchemaLoader.load(dir, List.of("a.graphql", "b.graphql"));
    }

    @Test
    void fieldsInterfacesAndValuesOfExtensionsJoinTheirTypesWithTheirOwnLocations() {
        GraphqlSchema schema = load("""
                type Post { id: ID! }
                enum Status { DRAFT }
                interface Node { id: ID! }
                type Query { posts: [Post!]! }
                """, """
                extend type Post implements Node { title: String! }
                extend enum Status { PUBLISHED }
                extend type Query { post(id: ID!): Post }
                """);

        ObjectTypeDefinition post = schema.registry().getTypeOrNull("Post", ObjectTypeDefinition.class);
        assertEquals(List.of("id", "title"), post.getFieldDefinitions().stream().map(FieldDefinition::getName).toList());
        assertEquals(1, post.getImplements().size());
        assertEquals("b.graphql:1:36", schema.locate(post.getFieldDefinitions().get(1)).orElseThrow().toString());
        assertEquals(List.of("DRAFT", "PUBLISHED"), schema.registry().getTypeOrNull("Status", EnumTypeDefinition.class)
                .getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList());
        assertEquals(List.of("posts", "post"), schema.queryType().orElseThrow().getFieldDefinitions().stream()
                .map(FieldDefinition::getName).toList());
        assertEquals(true, schema.registry().objectTypeExtensions().isEmpty());
    }

    @Test
    void extendSchemaDeclaresOperationTypes() {
        GraphqlSchema schema = load("""
                schema { query: RootQuery }
                type RootQuery { ok: Boolean }
                type Writes { done: Boolean }
                """, "extend schema { mutation: Writes }\n");

        assertEquals(java.util.Optional.of("RootQuery"), schema.rootTypeName("query"));
        assertEquals(java.util.Optional.of("Writes"), schema.rootTypeName("mutation"));
    }

    @Test
    void extendingAnUndefinedTypeIsAnError() {
        FraiseException e = assertThrows(FraiseException.class,
                () -> load("type Query { ok: Boolean }\n", "\nextend type Pots { title: String }\n"));

        assertEquals(ErrorCode.SDL_EXTENSION_INVALID, e.code());
        assertEquals("b.graphql:2:1", e.location().orElseThrow().toString());
        assertEquals("extend type Pots: Pots is not defined", e.detail());
    }

    @Test
    void anExtensionMayNotRedefineAFieldOrExtendAnotherKind() {
        FraiseException field = assertThrows(FraiseException.class,
                () -> load("type Post { id: ID! }\n", "extend type Post { id: String }\n"));
        assertEquals("extend Post: field id is already defined at a.graphql:1:13", field.detail());
        assertEquals("b.graphql:1:20", field.location().orElseThrow().toString());

        FraiseException kind = assertThrows(FraiseException.class,
                () -> load("enum Post { A }\n", "extend type Post { id: String }\n"));
        assertEquals("extend type Post: Post is an enum, not a type", kind.detail());
    }
}
