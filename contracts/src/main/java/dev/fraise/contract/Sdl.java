package dev.fraise.contract;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.EnumValue;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.schema.idl.TypeUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small readers over graphql-java's SDL nodes: directive arguments, locations, type names. */
final class Sdl {

    static final String SQL_SOURCE = "sqlSource";
    static final String IGNORE = "fraiseIgnore";
    /** {@code @fraiseEmbedded(reason:)}: a type that needs no view of its own. */
    static final String EMBEDDED = "fraiseEmbedded";
    /** {@code @sqlSource(jsonbColumn:)}: the JSON column of the binding, {@code data} by default. */
    static final String JSONB_COLUMN = "jsonbColumn";
    /** {@code @sqlSource(node:)}: the type a Relay connection field binds (its field type is the connection). */
    static final String NODE = "node";
    /** {@code @sqlSource(inputStyle:)} on a mutation: {@code flatten} or {@code jsonb} (FraiseQL v2). */
    static final String INPUT_STYLE = "inputStyle";
    /** {@code @sqlSource(injectParams:)}: the context parameters of one operation, in order. */
    static final String INJECT_PARAMS = "injectParams";

    private Sdl() {
    }

    static Optional<String> stringArgument(DirectivesContainer<?> node, String directive, String argument) {
        return argument(node, directive, argument).filter(StringValue.class::isInstance)
                .map(v -> ((StringValue) v).getValue());
    }

    static Optional<Value<?>> argument(DirectivesContainer<?> node, String directive, String argument) {
        for (Directive d : node.getDirectives(directive)) {
            for (Argument a : d.getArguments()) {
                if (a.getName().equals(argument)) {
                    return Optional.of(a.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** The strings or enum names of a list argument ({@code codes: [FIELD_NULLABLE, "FIELD_MISSING"]}). */
    static List<String> names(Value<?> value) {
        List<String> names = new ArrayList<>();
        List<?> values = value instanceof ArrayValue array ? array.getValues() : List.of(value);
        for (Object v : values) {
            if (v instanceof StringValue s) {
                names.add(s.getValue());
            } else if (v instanceof EnumValue e) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /**
     * How a schema names a binding, as its author wrote it: {@code @sqlSource(name: "v_x")} in SDL,
     * {@code sql_source "v_x"} in FraiseQL schema files.
     */
    static String source(dev.fraise.graphql.GraphqlSchema schema, String name) {
        return fraiseql(schema) ? "sql_source \"" + name + "\"" : "@sqlSource(name: \"" + name + "\")";
    }

    /** {@code @sqlSource} in SDL, {@code sql_source} in FraiseQL schema files. */
    static String sourceKey(dev.fraise.graphql.GraphqlSchema schema) {
        return fraiseql(schema) ? "sql_source" : "@sqlSource";
    }

    private static boolean fraiseql(dev.fraise.graphql.GraphqlSchema schema) {
        return schema.format() == dev.fraise.graphql.GraphqlSchema.SchemaFormat.FRAISEQL;
    }

    /** Where a node's binding is written: its {@code @sqlSource} directive, else the node itself. */
    static Optional<dev.fraise.error.SourceLocation> sourceLocation(dev.fraise.graphql.GraphqlSchema schema,
            DirectivesContainer<?> node) {
        return node.getDirectives(SQL_SOURCE).stream().findFirst().flatMap(schema::locate)
                .or(() -> schema.locate((graphql.language.Node<?>) node));
    }

    static String typeName(Type<?> type) {
        return TypeUtil.unwrapAll(type).getName();
    }

    static String render(Type<?> type) {
        if (type instanceof TypeName name) {
            return name.getName();
        }
        if (type instanceof graphql.language.NonNullType nonNull) {
            return render(nonNull.getType()) + "!";
        }
        return "[" + render(((graphql.language.ListType) type).getType()) + "]";
    }
}
