package dev.fraise.graphql;

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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Loads SDL files ({@code .graphql}, {@code .graphqls}, globs such as {@code schema/**}{@code /*.graphql}) or one
 * introspection result ({@code .json}), relative to a project directory.
 */
public final class GraphqlSchemaLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphqlSchemaLoader() {
    }

    /**
     * Loads the schema.
     *
     * @throws FraiseException {@code SDL_NOT_FOUND} when a pattern matches nothing, {@code SDL_PARSE_ERROR} with
     *                         file:line:col when the SDL or introspection JSON does not parse
     */
    public static GraphqlSchema load(Path projectDir, List<String> patterns) {
        List<Path> files = resolve(projectDir, patterns);
        if (files.size() == 1 && files.get(0).toString().endsWith(".json")) {
            return new GraphqlSchema(introspection(projectDir, files.get(0)), files);
        }
        MultiSourceReader.Builder reader = MultiSourceReader.newMultiSourceReader();
        Map<String, List<String>> lines = new java.util.HashMap<>();
        for (Path file : files) {
            try {
                String text = Files.readString(projectDir.resolve(file), StandardCharsets.UTF_8);
                lines.put(file.toString(), text.lines().toList());
                reader.string(text + "\n", file.toString());
            } catch (IOException e) {
                throw new FraiseException(ErrorCode.SDL_NOT_FOUND, "cannot read " + file + ": " + e.getMessage(),
                        new SourceLocation(file, 0, 0), e);
            }
        }
        try {
            return new GraphqlSchema(new SchemaParser().parse(reader.build()), files, lines);
        } catch (SchemaProblem problem) {
            throw parseError(problem, files);
        }
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

    @SuppressWarnings("unchecked")
    private static TypeDefinitionRegistry introspection(Path projectDir, Path file) {
        try {
            Map<String, Object> result = JSON.readValue(projectDir.resolve(file).toFile(), Map.class);
            Object data = result.containsKey("data") ? result.get("data") : result;
            if (!(data instanceof Map<?, ?> map) || !map.containsKey("__schema")) {
                throw new FraiseException(ErrorCode.SDL_PARSE_ERROR, "not an introspection result: no __schema",
                        new SourceLocation(file, 1, 1));
            }
            Document document = new IntrospectionResultToSchema().createSchemaDefinition((Map<String, Object>) map);
            return new SchemaParser().buildRegistry(document);
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.SDL_PARSE_ERROR, "introspection JSON does not parse: "
                    + e.getMessage().lines().findFirst().orElse(""), new SourceLocation(file, 1, 1), e);
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
            throw new FraiseException(ErrorCode.SDL_NOT_FOUND, "cannot list " + projectDir + ": " + e.getMessage());
        }
    }
}
