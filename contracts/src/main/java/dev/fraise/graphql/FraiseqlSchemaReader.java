package dev.fraise.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import dev.fraise.error.Suggestions;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.Directive;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads FraiseQL v2 schema files — the intermediate {@code schema.json} the SDKs export (one file, or several
 * merged: {@code schema/*}{@code /types.json}) and the {@code schema.compiled.json} fraiseql-server loads — into
 * GraphQL type definitions with FraiseQL's bindings as Fraise directives: {@code @sqlSource(name, jsonbColumn,
 * node, inputStyle, injectParams)} and {@code @fraiseEmbedded(reason)} for types that need no view (embedded value
 * objects, error types without a source, the types Relay synthesizes). Every node is located at its JSON value:
 * the source name is {@code file#pointer}. Keys Fraise does not know are ignored: newer FraiseQL versions add keys.
 */
final class FraiseqlSchemaReader {

    /** Directive arguments Fraise reads: see {@code dev.fraise.contract.Sdl}. */
    static final String SQL_SOURCE = "sqlSource";
    static final String EMBEDDED = "fraiseEmbedded";

    /** The sections whose presence as arrays makes a JSON document a FraiseQL schema. */
    private static final List<String> SECTIONS = List.of("types", "queries", "mutations", "enums", "input_types",
            "interfaces", "unions", "custom_scalars", "subscriptions");

    /** Scalars every FraiseQL schema may use without declaring them: GraphQL's and FraiseQL's built-ins. */
    private static final Set<String> KNOWN_SCALARS = Set.of("String", "Int", "Float", "Boolean", "ID", "UUID",
            "DateTime", "Date", "Time", "JSON", "Json", "JSONObject", "Decimal", "BigInt", "Email", "URL", "Url",
            "PhoneNumber", "IPAddress", "CIDR", "MacAddress", "LTree", "Vector", "Upload", "Duration", "Timestamp");

    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");
    private static final List<String> INPUT_STYLES = List.of("flatten", "jsonb");

    /** What the files define, merged. */
    record Read(List<TypeDefinition<?>> definitions, Optional<String> namingConvention) {
    }

    /** A definition and where it was first read, to merge identical ones and report conflicting ones. */
    private record Defined(TypeDefinition<?> definition, SourceLocation at) {
    }

    /** A reference to a named type, checked once every file is read. */
    private record Reference(String name, SourceLocation at) {
    }

    private final Map<String, Defined> types = new LinkedHashMap<>();
    private final Map<String, Map<String, Defined>> operations = new LinkedHashMap<>();
    private final Map<String, SourceLocation> operationRoots = new LinkedHashMap<>();
    private final List<Reference> references = new ArrayList<>();
    private final Map<String, String> relayTypes = new LinkedHashMap<>();
    private Optional<String> namingConvention = Optional.empty();
    private Optional<SourceLocation> namingAt = Optional.empty();

    private FraiseqlSchemaReader() {
    }

    /** Whether {@code root} is a FraiseQL schema: an object with at least one known section as an array. */
    static boolean isFraiseqlSchema(JsonNode root) {
        return root.isObject() && SECTIONS.stream().anyMatch(s -> root.path(s).isArray());
    }

    /**
     * Reads and merges the files.
     *
     * @throws FraiseException {@code FRAISEQL_SCHEMA_INVALID}, {@code FRAISEQL_TYPE_UNDECLARED} or
     *                         {@code FRAISEQL_TYPE_CONFLICT}, located at the offending JSON value
     */
    static Read read(List<LocatedJson> files) {
        FraiseqlSchemaReader reader = new FraiseqlSchemaReader();
        files.forEach(reader::readFile);
        reader.synthesizeRelayTypes();
        reader.checkReferences();
        List<TypeDefinition<?>> definitions = new ArrayList<>();
        reader.types.values().forEach(d -> definitions.add(d.definition()));
        reader.operations.forEach((root, fields) -> definitions.add(ObjectTypeDefinition.newObjectTypeDefinition()
                .name(root).sourceLocation(source(reader.operationRoots.get(root)))
                .fieldDefinitions(fields.values().stream().map(FraiseqlSchemaReader::fieldOf).toList())
                .build()));
        return new Read(definitions, reader.namingConvention);
    }

    private static FieldDefinition fieldOf(Defined defined) {
        return ((ObjectTypeDefinition) defined.definition()).getFieldDefinitions().get(0);
    }

    private void readFile(LocatedJson file) {
        JsonNode root = file.root();
        JsonNode naming = root.path("naming_convention");
        if (naming.isTextual()) {
            SourceLocation at = file.locate("/naming_convention");
            if (namingConvention.isPresent() && !namingConvention.get().equals(naming.asText())) {
                throw new FraiseException(ErrorCode.FRAISEQL_TYPE_CONFLICT, "naming_convention is '" + naming.asText()
                        + "' here but '" + namingConvention.get() + "' in " + namingAt.orElseThrow(), at);
            }
            if (!List.of("camelCase", "snake_case").contains(naming.asText())) {
                throw new FraiseException(ErrorCode.FRAISEQL_SCHEMA_INVALID, "naming_convention is '"
                        + naming.asText() + "'; accepted: camelCase, snake_case", at);
            }
            namingConvention = Optional.of(naming.asText());
            namingAt = Optional.of(at);
        }
        each(file, "types", (item, at) -> objectType(file, item, at));
        each(file, "interfaces", (item, at) -> interfaceType(file, item, at));
        each(file, "enums", (item, at) -> enumType(file, item, at));
        each(file, "input_types", (item, at) -> inputType(file, item, at));
        each(file, "unions", (item, at) -> unionType(file, item, at));
        each(file, "custom_scalars", (item, at) -> ScalarTypeDefinition.newScalarTypeDefinition()
                .name(name(file, item, at)).sourceLocation(source(file.locate(at))).build());
        operations(file, "queries", "Query");
        operations(file, "mutations", "Mutation");
        operations(file, "subscriptions", "Subscription");
    }

    /** Reads each object of a section and records its definition. */
    private void each(LocatedJson file, String section, ItemReader<TypeDefinition<?>> read) {
        for (Item item : items(file, section)) {
            TypeDefinition<?> definition = read.read(item.node(), item.pointer());
            if (definition != null) {
                define(types, definition.getName(), definition, file.locate(item.pointer()), "type");
            }
        }
    }

    @FunctionalInterface
    private interface ItemReader<T> {
        T read(JsonNode item, String pointer);
    }

    private record Item(JsonNode node, String pointer) {
    }

    private static List<Item> items(LocatedJson file, String section) {
        JsonNode array = file.root().path(section);
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw invalid(file, "/" + section, section + " must be an array of objects, each with its own name");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isObject()) {
                throw invalid(file, "/" + section + "/" + i, section + "[" + i + "] must be an object");
            }
            items.add(new Item(array.get(i), "/" + section + "/" + i));
        }
        return items;
    }

    private void define(Map<String, Defined> into, String name, TypeDefinition<?> definition, SourceLocation at,
            String what) {
        Defined earlier = into.get(name);
        if (earlier == null) {
            into.put(name, new Defined(definition, at));
            return;
        }
        List<String> here = AstPrinter.printAst(definition).lines().map(String::strip).toList();
        List<String> there = AstPrinter.printAst(earlier.definition()).lines().map(String::strip).toList();
        if (!here.equals(there)) {
            String difference = here.stream().filter(line -> !there.contains(line)).findFirst()
                    .map(line -> "here: " + line).or(() -> there.stream().filter(line -> !here.contains(line))
                            .findFirst().map(line -> "only there: " + line)).orElse("the order of their members");
            throw new FraiseException(ErrorCode.FRAISEQL_TYPE_CONFLICT, what + " " + name
                    + " is defined differently here and in " + earlier.at() + " (" + difference + ")", at);
        }
    }

    /** An object type, or an input type when it has {@code is_input: true}. */
    private TypeDefinition<?> objectType(LocatedJson file, JsonNode item, String at) {
        String name = name(file, item, at);
        if (item.path("is_input").asBoolean(false)) {
            return inputType(file, item, at);
        }
        ObjectTypeDefinition.Builder type = ObjectTypeDefinition.newObjectTypeDefinition().name(name)
                .sourceLocation(source(file.locate(at))).fieldDefinitions(fields(file, item, at, this::outputField));
        List<String> implemented = strings(file, item, at, "implements");
        String sqlSource = item.path("sql_source").asText("");
        if (item.path("relay").asBoolean(false)) {
            relayTypes.put(name, at);
            if (!implemented.contains("Node")) {
                implemented = new ArrayList<>(implemented);
                implemented.add("Node");
            }
        }
        implemented.forEach(i -> {
            type.implementz(new TypeName(i));
            references.add(new Reference(i, file.locate(at + "/implements")));
        });
        if (!sqlSource.isEmpty()) {
            type.directive(directive(SQL_SOURCE, file.locate(at + "/sql_source"), Map.of("name", sqlSource,
                    "jsonbColumn", item.path("jsonb_column").asText(""))));
        } else if (item.path("embedded").asBoolean(false)) {
            type.directive(embedded("embedded: true, a value object with no view of its own", file.locate(at)));
        } else if (item.path("is_error").asBoolean(false)) {
            type.directive(embedded("is_error: true, an error type built by mutation functions", file.locate(at)));
        }
        return type.build();
    }

    private InterfaceTypeDefinition interfaceType(LocatedJson file, JsonNode item, String at) {
        return InterfaceTypeDefinition.newInterfaceTypeDefinition().name(name(file, item, at))
                .sourceLocation(source(file.locate(at)))
                .definitions(fields(file, item, at, this::outputField)).build();
    }

    private InputObjectTypeDefinition inputType(LocatedJson file, JsonNode item, String at) {
        return InputObjectTypeDefinition.newInputObjectDefinition().name(name(file, item, at))
                .sourceLocation(source(file.locate(at)))
                .inputValueDefinitions(fields(file, item, at, this::inputField)).build();
    }

    private static EnumTypeDefinition enumType(LocatedJson file, JsonNode item, String at) {
        EnumTypeDefinition.Builder type = EnumTypeDefinition.newEnumTypeDefinition().name(name(file, item, at))
                .sourceLocation(source(file.locate(at)));
        JsonNode values = item.path("values");
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            String pointer = at + "/values/" + i;
            String name = value.isTextual() ? value.asText() : name(file, value, pointer);
            type.enumValueDefinition(EnumValueDefinition.newEnumValueDefinition().name(name)
                    .sourceLocation(source(file.locate(pointer))).build());
        }
        return type.build();
    }

    private UnionTypeDefinition unionType(LocatedJson file, JsonNode item, String at) {
        String key = item.has("member_types") ? "member_types" : "types";
        UnionTypeDefinition.Builder union = UnionTypeDefinition.newUnionTypeDefinition().name(name(file, item, at))
                .sourceLocation(source(file.locate(at)));
        for (String member : strings(file, item, at, key)) {
            union.memberType(new TypeName(member));
            references.add(new Reference(member, file.locate(at + "/" + key)));
        }
        return union.build();
    }

    /** Makes a field or an input field from its name, type and location. */
    @FunctionalInterface
    private interface FieldMaker<T> {
        T make(String name, Type<?> type, SourceLocation at);
    }

    private FieldDefinition outputField(String name, Type<?> type, SourceLocation at) {
        return FieldDefinition.newFieldDefinition().name(name).type(type).sourceLocation(source(at)).build();
    }

    private InputValueDefinition inputField(String name, Type<?> type, SourceLocation at) {
        return InputValueDefinition.newInputValueDefinition().name(name).type(type).sourceLocation(source(at)).build();
    }

    /** The fields of a type (or input type): {@code name}, {@code type}/{@code field_type}, {@code nullable}. */
    private <T> List<T> fields(LocatedJson file, JsonNode item, String at, FieldMaker<T> maker) {
        JsonNode list = item.path("fields");
        if (!list.isArray()) {
            throw invalid(file, at, "type " + item.path("name").asText("?") + " has no fields array");
        }
        List<T> fields = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String pointer = at + "/fields/" + i;
            fields.add(maker.make(name(file, list.get(i), pointer), typeOf(file, list.get(i), pointer),
                    file.locate(pointer)));
        }
        return fields;
    }

    /** A field's or argument's type: {@code type}, {@code field_type} or {@code arg_type}, and {@code nullable}. */
    private Type<?> typeOf(LocatedJson file, JsonNode node, String pointer) {
        String key = node.has("type") ? "type" : node.has("field_type") ? "field_type" : "arg_type";
        if (!node.has(key)) {
            throw invalid(file, pointer, node.path("name").asText("?") + " has no type (type, field_type or arg_type)");
        }
        Type<?> type = typeReference(file, node.get(key), pointer + "/" + key);
        boolean nullable = node.path("nullable").asBoolean(false);
        return nullable || type instanceof NonNullType ? type : new NonNullType(type);
    }

    /** A type string ({@code User}, {@code [User!]}) or a compiled tagged type ({@code {"List": {"Object": "Post"}}}). */
    private Type<?> typeReference(LocatedJson file, JsonNode node, String pointer) {
        if (node.isTextual()) {
            return parseType(file, node.asText().trim(), pointer);
        }
        if (node.isObject() && node.size() == 1) {
            Map.Entry<String, JsonNode> tag = node.properties().iterator().next();
            if (tag.getKey().equals("List")) {
                Type<?> item = typeReference(file, tag.getValue(), pointer + "/List");
                return new ListType(item instanceof NonNullType ? item : new NonNullType(item));
            }
            if (tag.getValue().isTextual()) {
                return parseType(file, tag.getValue().asText().trim(), pointer + "/" + tag.getKey());
            }
        }
        throw invalid(file, pointer, "a type must be a name, a list such as [User!], or a tagged type such as "
                + "{\"Object\": \"User\"}; found " + node);
    }

    private Type<?> parseType(LocatedJson file, String text, String pointer) {
        if (text.endsWith("!")) {
            Type<?> inner = parseType(file, text.substring(0, text.length() - 1).trim(), pointer);
            return inner instanceof NonNullType ? inner : new NonNullType(inner);
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            return new ListType(parseType(file, text.substring(1, text.length() - 1).trim(), pointer));
        }
        if (!NAME.matcher(text).matches()) {
            throw invalid(file, pointer, "type '" + text + "' does not parse: expected a name or a list such as "
                    + "[User!]");
        }
        references.add(new Reference(text, file.locate(pointer)));
        return new TypeName(text);
    }

    /** Queries, mutations or subscriptions as fields of their root type. */
    private void operations(LocatedJson file, String section, String root) {
        for (Item item : items(file, section)) {
            JsonNode node = item.node();
            String at = item.pointer();
            String name = name(file, node, at);
            operationRoots.putIfAbsent(root, file.locate("/" + section));
            FieldDefinition.Builder field = FieldDefinition.newFieldDefinition().name(name)
                    .sourceLocation(source(file.locate(at))).type(returnType(file, node, at, root));
            JsonNode arguments = node.path("arguments");
            for (int i = 0; i < arguments.size(); i++) {
                String pointer = at + "/arguments/" + i;
                field.inputValueDefinition(inputField(name(file, arguments.get(i), pointer),
                        typeOf(file, arguments.get(i), pointer), file.locate(pointer)));
            }
            operationDirective(file, node, at, root).ifPresent(field::directive);
            ObjectTypeDefinition holder = ObjectTypeDefinition.newObjectTypeDefinition().name(root)
                    .fieldDefinition(field.build()).build();
            define(operations.computeIfAbsent(root, r -> new LinkedHashMap<>()), name, holder, file.locate(at),
                    root.toLowerCase(java.util.Locale.ROOT) + " " + name);
        }
    }

    private Type<?> returnType(LocatedJson file, JsonNode node, String at, String root) {
        if (!node.path("return_type").isTextual()) {
            throw invalid(file, at, node.path("name").asText("?") + " has no return_type");
        }
        String returned = node.path("return_type").asText().trim();
        String pointer = at + "/return_type";
        Type<?> type;
        if ("Query".equals(root) && node.path("relay").asBoolean(false)) {
            references.add(new Reference(returned, file.locate(pointer)));
            relayTypes.putIfAbsent(returned, at);
            type = new TypeName(returned + "Connection");
        } else {
            type = parseType(file, returned, pointer);
            if (node.path("returns_list").asBoolean(false)) {
                type = new ListType(type instanceof NonNullType ? type : new NonNullType(type));
            }
        }
        return node.path("nullable").asBoolean(false) || type instanceof NonNullType ? type : new NonNullType(type);
    }

    private Optional<Directive> operationDirective(LocatedJson file, JsonNode node, String at, String root) {
        String sqlSource = node.path("sql_source").asText("");
        if (sqlSource.isEmpty() || "Subscription".equals(root)) {
            return Optional.empty();
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("name", sqlSource);
        arguments.put("jsonbColumn", "Query".equals(root) ? node.path("jsonb_column").asText("") : "");
        if ("Query".equals(root) && node.path("relay").asBoolean(false)) {
            arguments.put("node", node.path("return_type").asText().trim());
        }
        if ("Mutation".equals(root)) {
            String style = node.path("input_style").asText("");
            if (!style.isEmpty() && !INPUT_STYLES.contains(style.toLowerCase(java.util.Locale.ROOT))) {
                throw invalid(file, at + "/input_style", "input_style is '" + style + "'; accepted: "
                        + String.join(", ", INPUT_STYLES));
            }
            arguments.put("inputStyle", style.toLowerCase(java.util.Locale.ROOT));
        }
        JsonNode inject = node.path("inject_params");
        if (inject.isObject() && !inject.isEmpty()) {
            List<String> names = new ArrayList<>();
            inject.fieldNames().forEachRemaining(names::add);
            arguments.put("injectParams", names);
        }
        return Optional.of(directive(SQL_SOURCE, file.locate(at + "/sql_source"), arguments));
    }

    /** Relay's synthesized types for every relay type: {@code Node}, {@code <T>Edge}, {@code <T>Connection}, {@code PageInfo}. */
    private void synthesizeRelayTypes() {
        if (relayTypes.isEmpty()) {
            return;
        }
        SourceLocation first = types.containsKey(relayTypes.keySet().iterator().next())
                ? types.get(relayTypes.keySet().iterator().next()).at() : operationRoots.get("Query");
        if (!types.containsKey("Node")) {
            types.put("Node", new Defined(InterfaceTypeDefinition.newInterfaceTypeDefinition().name("Node")
                    .sourceLocation(source(first)).definition(field("id", nonNull("ID"))).build(), first));
        }
        if (!types.containsKey("PageInfo")) {
            types.put("PageInfo", new Defined(synthesized("PageInfo", first, field("hasNextPage", nonNull("Boolean")),
                    field("hasPreviousPage", nonNull("Boolean")), field("startCursor", new TypeName("String")),
                    field("endCursor", new TypeName("String"))), first));
        }
        for (String node : relayTypes.keySet()) {
            SourceLocation at = types.containsKey(node) ? types.get(node).at() : first;
            types.putIfAbsent(node + "Edge", new Defined(synthesized(node + "Edge", at, field("cursor",
                    nonNull("String")), field("node", nonNull(node))), at));
            types.putIfAbsent(node + "Connection", new Defined(synthesized(node + "Connection", at, field("edges",
                    new NonNullType(new ListType(nonNull(node + "Edge")))), field("pageInfo", nonNull("PageInfo")),
                    field("totalCount", new TypeName("Int"))), at));
        }
    }

    private static ObjectTypeDefinition synthesized(String name, SourceLocation at, FieldDefinition... fields) {
        return ObjectTypeDefinition.newObjectTypeDefinition().name(name).sourceLocation(source(at))
                .fieldDefinitions(List.of(fields)).directive(embedded(GraphqlSchema.RELAY_SYNTHESIZED, at)).build();
    }

    private static FieldDefinition field(String name, Type<?> type) {
        return FieldDefinition.newFieldDefinition().name(name).type(type).build();
    }

    private static NonNullType nonNull(String name) {
        return new NonNullType(new TypeName(name));
    }

    /** Every named type a definition uses must be declared, a known scalar, or synthesized. */
    private void checkReferences() {
        List<Reference> undeclared = references.stream()
                .filter(r -> !types.containsKey(r.name()) && !KNOWN_SCALARS.contains(r.name())).toList();
        if (undeclared.isEmpty()) {
            return;
        }
        Reference first = undeclared.get(0);
        String closest = Suggestions.closest(first.name(), types.keySet()).map(s -> "; did you mean " + s + "?")
                .orElse("");
        String others = undeclared.stream().skip(1).map(r -> r.name() + " at " + r.at()).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        throw new FraiseException(ErrorCode.FRAISEQL_TYPE_UNDECLARED, "type " + first.name()
                + " is not declared in types, enums, input_types, interfaces, unions or custom_scalars" + closest
                + (others.isEmpty() ? "" : "; also undeclared: " + others), first.at());
    }

    private static String name(LocatedJson file, JsonNode item, String at) {
        JsonNode name = item.path("name");
        if (!name.isTextual() || !NAME.matcher(name.asText()).matches()) {
            throw invalid(file, name.isMissingNode() ? at : at + "/name", name.isMissingNode()
                    ? "this entry has no name" : "name " + name + " is not a GraphQL name");
        }
        return name.asText();
    }

    private static List<String> strings(LocatedJson file, JsonNode item, String at, String key) {
        JsonNode array = item.path(key);
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        Iterator<JsonNode> elements = array.elements();
        while (elements.hasNext()) {
            JsonNode value = elements.next();
            if (!value.isTextual()) {
                throw invalid(file, at + "/" + key, key + " must be an array of names");
            }
            values.add(value.asText());
        }
        return values;
    }

    private static Directive directive(String name, SourceLocation at, Map<String, Object> arguments) {
        Directive.Builder directive = Directive.newDirective().name(name).sourceLocation(source(at));
        arguments.forEach((argument, value) -> {
            if (value instanceof String text && !text.isEmpty()) {
                directive.argument(new Argument(argument, new StringValue(text)));
            } else if (value instanceof List<?> list) {
                ArrayValue.Builder values = ArrayValue.newArrayValue();
                list.forEach(v -> values.value(new StringValue(v.toString())));
                directive.argument(new Argument(argument, values.build()));
            }
        });
        return directive.build();
    }

    private static Directive embedded(String reason, SourceLocation at) {
        return directive(EMBEDDED, at, Map.of("reason", reason));
    }

    /** graphql-java's location for a JSON value: the source name carries the JSON pointer after {@code #}. */
    static graphql.language.SourceLocation source(SourceLocation at) {
        return new graphql.language.SourceLocation(at.line(), at.column(), at.file() + "#" + at.pointer());
    }

    private static FraiseException invalid(LocatedJson file, String pointer, String message) {
        return new FraiseException(ErrorCode.FRAISEQL_SCHEMA_INVALID, message, file.locate(pointer));
    }
}
