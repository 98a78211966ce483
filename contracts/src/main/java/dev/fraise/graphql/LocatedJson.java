package dev.fraise.graphql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON document read with the line and column of every value, keyed by JSON pointer ({@code /types/0/name}),
 * so that findings on a JSON schema file can point at the line a reviewer sees.
 */
final class LocatedJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = new JsonNodeFactory(false);

    private final Path file;
    private final JsonNode root;
    private final Map<String, int[]> positions;

    private LocatedJson(Path file, JsonNode root, Map<String, int[]> positions) {
        this.file = file;
        this.root = root;
        this.positions = Map.copyOf(positions);
    }

    /**
     * Reads {@code text}, the content of {@code file}.
     *
     * @throws FraiseException {@code SCHEMA_JSON_MALFORMED} at the line and column where the JSON breaks
     */
    static LocatedJson parse(Path file, String text) {
        Map<String, int[]> positions = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new FraiseException(ErrorCode.SCHEMA_JSON_MALFORMED, "the file is empty",
                        new SourceLocation(file, 1, 1));
            }
            JsonNode root = read(parser, "", positions);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new FraiseException(ErrorCode.SCHEMA_JSON_MALFORMED, "unexpected content after the JSON value",
                        new SourceLocation(file, Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0)));
            }
            return new LocatedJson(file, root, positions);
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage().lines().findFirst().orElse("invalid JSON")
                    .replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]", "line $1, column $2");
            throw new FraiseException(ErrorCode.SCHEMA_JSON_MALFORMED, message, new SourceLocation(file,
                    at == null ? 0 : Math.max(at.getLineNr(), 0), at == null ? 0 : Math.max(at.getColumnNr(), 0)), e);
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.SCHEMA_JSON_MALFORMED, e.getMessage(), SourceLocation.of(file), e);
        }
    }

    private static JsonNode read(JsonParser parser, String pointer, Map<String, int[]> positions)
            throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        positions.put(pointer, new int[] {Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0)});
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, read(parser, pointer + "/" + escape(name), positions));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, pointer + "/" + index++, positions));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(parser.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            default -> {
                return NODES.nullNode();
            }
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    Path file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    /** Where the value at {@code pointer} starts, with the pointer; the file's start when it is unknown. */
    SourceLocation locate(String pointer) {
        int[] at = positions.getOrDefault(pointer, new int[] {1, 1});
        return new SourceLocation(file, at[0], at[1], pointer);
    }
}
