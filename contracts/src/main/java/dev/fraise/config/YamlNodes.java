package dev.fraise.config;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns the SnakeYAML nodes of one config file into typed values, substituting variables in every scalar
 * read, and reports a wrong type as {@link ErrorCode#CONFIG_INVALID} at the node's file and line.
 *
 * <p>{@code name} parameters are the dotted key path used in messages, e.g. {@code include_dirs[0].recursive}.
 */
final class YamlNodes {

    /** One key of a mapping with its value; {@code value} is {@code null} when the YAML value is empty. */
    record Entry(String key, String path, Node keyNode, Node value) {
    }

    private final Path file;
    private final VariableSubstitutor substitutor;

    /**
     * @param file        the config file as it is named in errors and warnings
     * @param substitutor resolves {@code ${VAR}} references in scalars
     */
    YamlNodes(Path file, VariableSubstitutor substitutor) {
        this.file = Objects.requireNonNull(file, "file");
        this.substitutor = Objects.requireNonNull(substitutor, "substitutor");
    }

    /** Whether the node is YAML's null (an empty value, {@code ~} or {@code null}). */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** The file and 1-based line where the node starts. */
    SourceLocation locate(Node node) {
        return SourceLocation.of(file, node.getStartMark().getLine() + 1);
    }

    /** The file alone, for a problem that has no line (such as a missing key). */
    SourceLocation locateFile() {
        return SourceLocation.of(file);
    }

    /** A {@link ErrorCode#CONFIG_INVALID} failure at the node. */
    FraiseException invalid(Node node, String message) {
        return new FraiseException(ErrorCode.CONFIG_INVALID, message, locate(node));
    }

    /**
     * The mapping's entries by key, in file order. Keys merged with {@code <<} apply unless the mapping sets
     * them itself.
     */
    Map<String, Entry> mapping(Node node, String name) {
        if (!(node instanceof MappingNode mapping)) {
            throw invalid(node, name + " must be a mapping, got " + describe(node));
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<Node> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (Tag.MERGE.equals(keyNode.getTag())) {
                merged.add(tuple.getValueNode());
                continue;
            }
            if (!(keyNode instanceof ScalarNode scalar) || isNull(keyNode)) {
                throw invalid(keyNode, "keys of " + name + " must be strings");
            }
            String key = scalar.getValue();
            String path = name.isEmpty() ? key : name + "." + key;
            Node value = isNull(tuple.getValueNode()) ? null : tuple.getValueNode();
            if (entries.put(key, new Entry(key, path, keyNode, value)) != null) {
                throw invalid(keyNode, "duplicate key " + path);
            }
        }
        for (Node source : merged) {
            List<Node> sources = source instanceof SequenceNode list ? list.getValue() : List.of(source);
            for (Node each : sources) {
                mapping(each, name).forEach(entries::putIfAbsent);
            }
        }
        return entries;
    }

    /** A scalar as a string, with variables substituted. */
    String string(Node node, String name) {
        if (!(node instanceof ScalarNode scalar) || isNull(node)) {
            throw invalid(node, name + " must be a string, got " + describe(node));
        }
        return substitutor.substitute(scalar.getValue(), locate(node));
    }

    /** A scalar as a boolean: {@code true/false}, {@code yes/no} or {@code on/off}. */
    boolean bool(Node node, String name) {
        String text = scalarText(node, name, "true or false");
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(node, name + " must be true or false, got '" + text + "'");
        };
    }

    /** A scalar as a decimal integer. */
    int integer(Node node, String name) {
        String text = scalarText(node, name, "an integer");
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(node, name + " must be an integer, got '" + text + "'");
        }
    }

    /** The items of a sequence. */
    List<Node> sequence(Node node, String name) {
        if (!(node instanceof SequenceNode sequence)) {
            throw invalid(node, name + " must be a list, got " + describe(node));
        }
        return sequence.getValue();
    }

    /** A sequence of scalars as strings, with variables substituted. */
    List<String> strings(Node node, String name) {
        List<Node> items = sequence(node, name);
        List<String> values = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            values.add(string(items.get(i), name + "[" + i + "]"));
        }
        return values;
    }

    private String scalarText(Node node, String name, String expected) {
        if (!(node instanceof ScalarNode) || isNull(node)) {
            throw invalid(node, name + " must be " + expected + ", got " + describe(node));
        }
        return string(node, name);
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
    }
}
