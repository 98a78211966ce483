package dev.fraise.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import graphql.GraphQLError;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.parser.MultiSourceReader;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.errors.SchemaProblem;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import graphql.language.TypeDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Loads a GraphQL schema relative to a project directory: SDL files ({@code .graphql}, {@code .graphqls}, globs
 * such as {@code schema/**}{@code /*.graphql}), one introspection result, or FraiseQL v2 schema files — the
 * intermediate {@code schema.json} (one, or several merged: {@code schema/*}{@code /types.json}) and
 * {@code schema.compiled.json}. A {@code .json} file is recognised by its content, not its name. Extensions
 * ({@code extend type}, {@code extend schema}) are merged into what they extend, across files.
 */
public final class GraphqlSchemaLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphqlSchemaLoader() {
    }

    /**
     * Loads the schema.
     *
     * @throws FraiseException {@code SDL_NOT_FOUND} when a pattern matches nothing, {@code SDL_PARSE_ERROR} with
     *                         file:line:col when the SDL or introspection JSON does not parse,
     *                         {@code SCHEMA_JSON_MALFORMED}, {@code SCHEMA_FORMAT_UNKNOWN} and the
     *                         {@code FRAISEQL_*} codes for JSON files, located at the offending value, and
     *                         {@code SDL_EXTENSION_INVALID} for an {@code extend} of an undefined type or name
     */
    public static GraphqlSchema load(Path projectDir, List<String> patterns) {
        List<Path> files = resolve(projectDir, patterns);
        List<Path> sdlFiles = new ArrayList<>();
        List<LocatedJson> fraiseql = new ArrayList<>();
        for (Path file : files) {
            if (!file.toString().endsWith(".json")) {
                sdlFiles.add(file);
                continue;
            }
            LocatedJson json = LocatedJson.parse(file, read(projectDir, file));
            if (isIntrospection(json.root())) {
                if (files.size() > 1) {
                    throw new FraiseException(ErrorCode.SCHEMA_FORMAT_UNKNOWN, "an introspection result is a whole "
                            + "schema and cannot be merged with other schema files " + files, json.locate(""));
                }
                return new GraphqlSchema(introspection(json), files);
            }
            if (!FraiseqlSchemaReader.isFraiseqlSchema(json.root())) {
                throw new FraiseException(ErrorCode.SCHEMA_FORMAT_UNKNOWN, "neither an introspection result "
                        + "(__schema) nor a FraiseQL schema (types, queries, mutations, … arrays)", json.locate(""));
            }
            fraiseql.add(json);
        }
        Map<String, List<String>> lines = new HashMap<>();
        TypeDefinitionRegistry registry = sdlFiles.isEmpty() ? new TypeDefinitionRegistry()
                : parseSdl(projectDir, sdlFiles, lines);
        if (fraiseql.isEmpty()) {
            return requireFields(new GraphqlSchema(SdlExtensions.merge(registry), files, lines));
        }
        FraiseqlSchemaReader.Read read = FraiseqlSchemaReader.read(fraiseql);
        for (TypeDefinition<?> definition : read.definitions()) {
            Optional<GraphQLError> clash = registry.add(definition);
            if (clash.isPresent()) {
                throw new FraiseException(ErrorCode.FRAISEQL_TYPE_CONFLICT, definition.getName()
                        + " is defined in a FraiseQL schema file and in the SDL files",
                        new GraphqlSchema(registry, files, lines).locate(definition).orElse(null));
            }
        }
        return requireFields(new GraphqlSchema(SdlExtensions.merge(registry), files, lines,
                GraphqlSchema.SchemaFormat.FRAISEQL, read.namingConvention()));
    }

    /**
     * GraphQL requires object, interface and input types to declare at least one field; graphql-java's parser
     * accepts {@code type Empty {}}, and such a type would pass every check with nothing checked. Types declared in
     * SDL files are checked once their extensions are merged.
     *
     * @throws FraiseException {@code SDL_TYPE_EMPTY} at the type's declaration
     */
    private static GraphqlSchema requireFields(GraphqlSchema schema) {
        for (TypeDefinition<?> type : schema.registry().types().values()) {
            boolean empty = type instanceof ObjectTypeDefinition object && object.getFieldDefinitions().isEmpty()
                    || type instanceof InterfaceTypeDefinition face && face.getFieldDefinitions().isEmpty()
                    || type instanceof InputObjectTypeDefinition input && input.getInputValueDefinitions().isEmpty();
            graphql.language.SourceLocation at = type.getSourceLocation();
            if (empty && at != null && at.getSourceName() != null && !at.getSourceName().endsWith(".json")) {
                throw new FraiseException(ErrorCode.SDL_TYPE_EMPTY, GraphqlSchema.keyword(type) + " "
                        + type.getName() + " declares no fields; GraphQL requires at least one (declare its fields,"
                        + " or remove it)", schema.locate(type).orElse(null));
            }
        }
        return schema;
    }

    private static TypeDefinitionRegistry parseSdl(Path projectDir, List<Path> files, Map<String, List<String>> lines) {
        MultiSourceReader.Builder reader = MultiSourceReader.newMultiSourceReader();
        for (Path file : files) {
            String text = read(projectDir, file);
            lines.put(file.toString(), text.lines().toList());
            reader.string(text + "\n", file.toString());
        }
        try {
            return new SchemaParser().parse(reader.build());
        } catch (SchemaProblem problem) {
            throw parseError(problem, files);
        }
    }

    private static String read(Path projectDir, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(projectDir.resolve(file));
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.SDL_NOT_FOUND, "cannot read " + file + ": " + e.getMessage(),
                    new SourceLocation(file, 0, 0), e);
        }
        return decode(bytes, file);
    }

    /**
     * Decodes a schema file as UTF-8, dropping a byte-order mark.
     *
     * @throws FraiseException {@code SDL_NOT_UTF8} naming the first bad byte, its offset and its line
     */
    static String decode(byte[] bytes, Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        if (decoder.decode(in, out, true).isError()) {
            int bad = in.position();
            int line = 1;
            for (int i = 0; i < bad; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new FraiseException(ErrorCode.SDL_NOT_UTF8, "file is not valid UTF-8 (byte 0x"
                    + String.format("%02X", bytes[bad] & 0xFF) + " at offset " + bad
                    + "); convert it with iconv -t UTF-8", SourceLocation.of(file, line));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static FraiseException parseError(SchemaProblem problem, List<Path> files) {
        GraphQLError first = problem.getErrors().get(0);
        graphql.language.SourceLocation at = first.getLocations() == null || first.getLocations().isEmpty() ? null
                : first.getLocations().get(0);
        String file = at != null && at.getSourceName() != null ? at.getSourceName() : files.get(0).toString();
        String message = first.getMessage().replaceAll("\\s+", " ").trim();
        return new FraiseException(ErrorCode.SDL_PARSE_ERROR, message, new SourceLocation(Path.of(file),
                at == null ? 0 : at.getLine(), at == null ? 0 : at.getColumn()), problem);
    }

    private static boolean isIntrospection(JsonNode root) {
        return root.has("__schema") || root.path("data").has("__schema");
    }

    @SuppressWarnings("unchecked")
    private static TypeDefinitionRegistry introspection(LocatedJson json) {
        JsonNode data = json.root().has("__schema") ? json.root() : json.root().get("data");
        try {
            Document document = new IntrospectionResultToSchema().createSchemaDefinition(
                    (Map<String, Object>) JSON.convertValue(data, Map.class));
            return new SchemaParser().buildRegistry(document);
        } catch (RuntimeException e) {
            throw new FraiseException(ErrorCode.SDL_PARSE_ERROR, "not a valid introspection result: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), json.locate(""), e);
        }
    }

    private static List<Path> resolve(Path projectDir, List<String> patterns) {
        if (patterns.isEmpty()) {
            throw new FraiseException(ErrorCode.SDL_NOT_FOUND, "no GraphQL schema files configured");
        }
        TreeSet<Path> files = new TreeSet<>();
        for (String pattern : patterns) {
            Path direct = projectDir.resolve(pattern);
            if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("{")) {
                if (!Files.isRegularFile(direct)) {
                    throw new FraiseException(ErrorCode.SDL_NOT_FOUND, "GraphQL schema file does not exist",
                            SourceLocation.of(Path.of(pattern)));
                }
                files.add(projectDir.toAbsolutePath().normalize().relativize(direct.toAbsolutePath().normalize()));
                continue;
            }
            List<Path> matched = glob(projectDir, pattern);
            if (matched.isEmpty()) {
                throw new FraiseException(ErrorCode.SDL_NOT_FOUND, "no file matches " + pattern,
                        SourceLocation.of(Path.of(pattern)));
            }
            files.addAll(matched);
        }
        return new ArrayList<>(files);
    }

    private static List<Path> glob(Path projectDir, String pattern) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        Path root = projectDir.toAbsolutePath().normalize();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).filter(matcher::matches).sorted().toList();
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.SDL_NOT_FOUND, "cannot list " + projectDir + ": " + e.getMessage(),
                    null, e);
        }
    }
}
