package dev.fraise.nodetree;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the {@code pg_node_tree} text format, following PostgreSQL's own {@code read.c}: tokens are separated by
 * whitespace and the single-character tokens {@code ( ) { }}, a backslash protects the next character, {@code <>}
 * is a null pointer, {@code "…"} a string, {@code (i …)}/{@code (o …)}/{@code (x …)} integer lists,
 * {@code (b …)} a bitmapset, and a length followed by {@code [ bytes ]} a datum. Unknown node types and fields are
 * kept as they are, so the reader does not depend on one PostgreSQL version; the node names PostgreSQL 14 printed
 * before 15 made them match the struct names ({@code CASE}, {@code RTE}, …) are read as 15's.
 */
public final class NodeTreeParser {

    /** PostgreSQL 14's node names whose struct-named spelling 15 introduced. */
    private static final Map<String, String> PG14_NAMES = Map.of(
            "ARRAY", "ARRAYEXPR",
            "CASE", "CASEEXPR",
            "WHEN", "CASEWHEN",
            "COALESCE", "COALESCEEXPR",
            "COLLATE", "COLLATEEXPR",
            "MINMAX", "MINMAXEXPR",
            "ROW", "ROWEXPR",
            "ROWCOMPARE", "ROWCOMPAREEXPR",
            "RTE", "RANGETBLENTRY");

    private final String text;
    private int pos;

    private NodeTreeParser(String text) {
        this.text = text;
    }

    /** Parses a whole tree: a single node or a list of nodes, as stored in {@code pg_rewrite.ev_action}. */
    public static NodeValue parse(String text) {
        NodeTreeParser parser = new NodeTreeParser(text);
        NodeValue value = parser.readValue(parser.next());
        Token rest = parser.next();
        if (rest != null) {
            throw parser.error("unexpected '" + rest.raw + "' after the end of the tree");
        }
        return value;
    }

    /** Parses a tree and returns its nodes: the list's nodes, or the single node. */
    public static List<PgNode> parseNodes(String text) {
        NodeValue value = parse(text);
        if (value instanceof NodeValue.Nested nested) {
            return List.of(nested.node());
        }
        List<PgNode> nodes = new ArrayList<>();
        if (value instanceof NodeValue.Items items) {
            for (NodeValue item : items.values()) {
                if (item instanceof NodeValue.Nested nested) {
                    nodes.add(nested.node());
                }
            }
        }
        return nodes;
    }

    /** A token with its backslashes still in place, as {@code pg_strtok} returns it. */
    private record Token(String raw, int offset) {

        boolean is(String literal) {
            return raw.equals(literal);
        }

        boolean quoted() {
            return raw.length() >= 2 && raw.charAt(0) == '"' && raw.charAt(raw.length() - 1) == '"';
        }

        String unescaped() {
            StringBuilder out = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '\\' && i + 1 < raw.length()) {
                    c = raw.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
    }

    private Token next() {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
        if (pos >= text.length()) {
            return null;
        }
        int start = pos;
        char c = text.charAt(pos);
        if (c == '(' || c == ')' || c == '{' || c == '}') {
            pos++;
            return new Token(String.valueOf(c), start);
        }
        while (pos < text.length()) {
            c = text.charAt(pos);
            if (isSpace(c) || c == '(' || c == ')' || c == '{' || c == '}') {
                break;
            }
            pos += c == '\\' && pos + 1 < text.length() ? 2 : 1;
        }
        return new Token(text.substring(start, pos), start);
    }

    private Token peek() {
        int saved = pos;
        Token token = next();
        pos = saved;
        return token;
    }

    private NodeValue readValue(Token token) {
        if (token == null) {
            throw error("the tree ends where a value was expected");
        }
        if (token.is("{")) {
            return new NodeValue.Nested(readNode());
        }
        if (token.is("(")) {
            return readList();
        }
        if (token.is("<>")) {
            return NodeValue.Null.INSTANCE;
        }
        if (token.is(")") || token.is("}")) {
            throw error("unexpected '" + token.raw + "'", token.offset);
        }
        if (token.quoted()) {
            return new NodeValue.Str(new Token(token.raw.substring(1, token.raw.length() - 1), token.offset).unescaped());
        }
        Token following = peek();
        if (following != null && following.is("[")) {
            return readDatum(token);
        }
        return new NodeValue.Token(token.unescaped());
    }

    private PgNode readNode() {
        Token type = next();
        if (type == null || type.is("}")) {
            throw error("a node without a type");
        }
        Map<String, NodeValue> fields = new LinkedHashMap<>();
        while (true) {
            Token token = next();
            if (token == null) {
                throw error("node " + type.raw + " is never closed", type.offset);
            }
            if (token.is("}")) {
                String name = type.unescaped();
                return new PgNode(PG14_NAMES.getOrDefault(name, name), fields);
            }
            if (!token.raw.startsWith(":")) {
                throw error("expected a field name in node " + type.raw + " but found '" + token.raw + "'",
                        token.offset);
            }
            Token valueToken = peek();
            boolean valueless = valueToken == null || valueToken.is("}") || valueToken.raw.startsWith(":");
            fields.put(token.raw.substring(1), valueless ? NodeValue.Null.INSTANCE : readValue(next()));
        }
    }

    private NodeValue readList() {
        Token first = peek();
        if (first != null && (first.is("i") || first.is("o") || first.is("x") || first.is("b"))) {
            next();
            List<Long> numbers = new ArrayList<>();
            for (Token token = next(); token == null || !token.is(")"); token = next()) {
                if (token == null) {
                    throw error("a number list is never closed", first.offset);
                }
                numbers.add(parseNumber(token));
            }
            if (first.is("b")) {
                Set<Integer> members = new HashSet<>();
                numbers.forEach(n -> members.add(n.intValue()));
                return new NodeValue.Bits(members);
            }
            return new NodeValue.Numbers(first.raw.charAt(0), numbers);
        }
        List<NodeValue> values = new ArrayList<>();
        for (Token token = next(); token == null || !token.is(")"); token = next()) {
            if (token == null) {
                throw error("a list is never closed");
            }
            values.add(readValue(token));
        }
        return new NodeValue.Items(values);
    }

    /**
     * A datum: its length, then its bytes in brackets. A by-value datum prints the length of its type but all
     * bytes of a {@code Datum} word, so the bytes are read up to the closing bracket.
     */
    private NodeValue readDatum(Token lengthToken) {
        parseNumber(lengthToken);
        next();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (Token token = next(); token == null || !token.is("]"); token = next()) {
            if (token == null) {
                throw error("a datum is not closed by ']'", lengthToken.offset);
            }
            bytes.write((int) parseNumber(token));
        }
        return new NodeValue.Datum(bytes.toByteArray());
    }

    private long parseNumber(Token token) {
        try {
            return Long.parseLong(token.raw);
        } catch (NumberFormatException e) {
            throw error("expected a number but found '" + token.raw + "'", token.offset);
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    private FraiseException error(String message) {
        return error(message, pos);
    }

    private FraiseException error(String message, int offset) {
        return new FraiseException(ErrorCode.INFERENCE_NODE_TREE_INVALID,
                "pg_node_tree at offset " + offset + ": " + message, null, null);
    }
}
