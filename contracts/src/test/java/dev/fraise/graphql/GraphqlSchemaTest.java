package dev.fraise.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.schema.idl.SchemaParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphqlSchemaTest {

    private static GraphqlSchema parse(String sdl) {
        return new GraphqlSchema(new SchemaParser().parse(sdl), List.of(Path.of("schema.graphql")), Map.of());
    }

    @Test
    void withoutSchemaDefinitionTheNamesDecide() {
        GraphqlSchema schema = parse("type Query { a: Int } type Subscription { b: Int }");
        assertEquals(Optional.of("Query"), schema.rootTypeName("query"));
        assertEquals(Optional.empty(), schema.rootTypeName("mutation"));
        assertEquals(Set.of("Query", "Subscription"), schema.rootTypeNames());
    }

    @Test
    void aSchemaDefinitionDeclaresTheOnlyRoots() {
        GraphqlSchema schema = parse("schema { query: RootQuery } type RootQuery { a: Int } type Query { c: Int }"
                + " type Subscription { b: Int } type Mutation { d: Int }");
        assertEquals(Optional.of("RootQuery"), schema.rootTypeName("query"));
        assertEquals(Optional.empty(), schema.rootTypeName("subscription"));
        assertEquals(Optional.empty(), schema.rootTypeName("mutation"));
        assertEquals(Set.of("RootQuery"), schema.rootTypeNames());
        assertEquals("RootQuery", schema.queryType().orElseThrow().getName());
    }

    @Test
    void extendSchemaDeclaresOperationTypesToo() {
        GraphqlSchema schema = parse("schema { query: Query } extend schema { mutation: Writes }"
                + " type Query { a: Int } type Writes { b: Int } type Subscription { c: Int }");
        assertEquals(Optional.of("Writes"), schema.rootTypeName("mutation"));
        assertEquals(Set.of("Query", "Writes"), schema.rootTypeNames());
    }

    @Test
    void extendSchemaWithoutDefinitionKeepsTheDefaultNamesOfUndeclaredOperations() {
        GraphqlSchema schema = parse("extend schema { query: Reads } type Reads { a: Int } type Mutation { b: Int }");
        assertEquals(Optional.of("Reads"), schema.rootTypeName("query"));
        assertEquals(Optional.of("Mutation"), schema.rootTypeName("mutation"));
    }
}
