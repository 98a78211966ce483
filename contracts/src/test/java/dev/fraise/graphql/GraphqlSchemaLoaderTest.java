package dev.fraise.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How schema files that cannot be loaded as written are reported: a code, a message and file:line. */
class GraphqlSchemaLoaderTest {

    @TempDir
    Path project;

    @Test
    void aLatin1SdlFileIsNotUtf8AtItsByteAndLine() throws IOException {
        byte[] latin1 = "type Query {\n  posts: [Post!]!\n}\n# caf\u00e9\ntype Post { id: ID! }\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(project.resolve("schema.graphql"), latin1);

        FraiseException e = assertThrows(FraiseException.class,
                () -> GraphqlSchemaLoader.load(project, List.of("schema.graphql")));
        assertEquals(ErrorCode.SDL_NOT_UTF8, e.code());
        assertEquals("SDL_NOT_UTF8: schema.graphql:4: file is not valid UTF-8 (byte 0xE9 at offset 38); convert it"
                + " with iconv -t UTF-8", e.getMessage());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheSchema() throws IOException {
        Files.writeString(project.resolve("schema.graphql"), "\uFEFFtype Query { a: Int }\n");
        assertEquals("Query", GraphqlSchemaLoader.load(project, List.of("schema.graphql")).queryType()
                .orElseThrow().getName());
    }

    @Test
    void aTypeWithoutFieldsIsReportedAtItsLine() throws IOException {
        Files.writeString(project.resolve("schema.graphql"), "type Query { a: Int }\n\ntype Empty {}\n");

        FraiseException e = assertThrows(FraiseException.class,
                () -> GraphqlSchemaLoader.load(project, List.of("schema.graphql")));
        assertEquals(ErrorCode.SDL_TYPE_EMPTY, e.code());
        assertEquals("SDL_TYPE_EMPTY: schema.graphql:3:1: type Empty declares no fields; GraphQL requires at least"
                + " one (declare its fields, or remove it)", e.getMessage());
    }

    @Test
    void anEmptyInputOrInterfaceIsReportedTooButAnExtendedEmptyTypeIsNot() throws IOException {
        Files.writeString(project.resolve("schema.graphql"), "type Query { a: Int }\ninput Filter\n");
        assertEquals("SDL_TYPE_EMPTY: schema.graphql:2:1: input Filter declares no fields; GraphQL requires at"
                + " least one (declare its fields, or remove it)", assertThrows(FraiseException.class,
                () -> GraphqlSchemaLoader.load(project, List.of("schema.graphql"))).getMessage());

        Files.writeString(project.resolve("schema.graphql"), "type Query { a: Int }\ninterface Node {}\n");
        assertEquals(ErrorCode.SDL_TYPE_EMPTY, assertThrows(FraiseException.class,
                () -> GraphqlSchemaLoader.load(project, List.of("schema.graphql"))).code());

        Files.writeString(project.resolve("schema.graphql"), "type Query { a: Int }\ntype Later {}\n");
        Files.writeString(project.resolve("more.graphql"), "extend type Later { b: Int }\n");
        assertEquals(1, GraphqlSchemaLoader.load(project, List.of("*.graphql")).registry()
                .getType("Later", graphql.language.ObjectTypeDefinition.class).orElseThrow()
                .getFieldDefinitions().size());
    }
}
