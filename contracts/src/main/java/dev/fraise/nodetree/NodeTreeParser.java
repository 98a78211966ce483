package dev.fraise.nodetree;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
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
 *
 * <p>The reader scans the text once: a token is a pair of offsets, looked ahead without being read again, and only
 * the tokens kept in the tree become strings; numbers are read from the text directly.
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
    private final int length;
    private int pos;
    /** The current token: {@code [start, end)}, {@code start < 0} at the end of the text. */
    private int start;
    private int end;

    private NodeTreeParser(String text) {
        this.text = text;
        this.length = text.length();
    }

    /** Parses a whole tree: a single node or a list of nodes, as stored in {@code pg_rewrite.ev_action}. */
    public static NodeValue parse(String text) {
        NodeTreeParser parser = new NodeTreeParser(text);
        parser.advance();
        NodeValue value = parser.readValue();
        if (!parser.atEnd()) {
            throw parser.error("unexpected '" + parser.raw() + "' after the end of the tree", parser.start);
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

    /** Moves to the next token, as {@code pg_strtok} finds it. */
    private void advance() {
        int p = pos;
        while (p < length && isSpace(text.charAt(p))) {
            p++;
        }
        if (p >= length) {
            pos = p;
            start = -1;
            end = -1;
            return;
        }
        start = p;
        char c = text.charAt(p);
        if (isDelimiter(c)) {
            p++;
        } else {
            while (p < length) {
                c = text.charAt(p);
                if (isSpace(c) || isDelimiter(c)) {
                    break;
                }
                p += c == '\\' && p + 1 < length ? 2 : 1;
            }
        }
        end = p;
        pos = p;
    }

    /** Whether the token after the current one is {@code [}, which opens a datum's bytes. */
    private boolean bracketFollows() {
        int p = pos;
        while (p < length && isSpace(text.charAt(p))) {
            p++;
        }
        return p < length && text.charAt(p) == '['
                && (p + 1 == length || isSpace(text.charAt(p + 1)) || isDelimiter(text.charAt(p + 1)));
    }

    private boolean atEnd() {
        return start < 0;
    }

    /** Whether the current token is exactly the one character {@code c}. */
    private boolean is(char c) {
        return start >= 0 && end - start == 1 && text.charAt(start) == c;
    }

    private String raw() {
        return text.substring(start, end);
    }

    private NodeValue readValue() {
        if (atEnd()) {
            throw error("the tree ends where a value was expected", pos);
        }
        int tokenStart = start;
        if (is('{')) {
            advance();
            return new NodeValue.Nested(readNode());
        }
        if (is('(')) {
            advance();
            return readList(tokenStart);
        }
        if (is(')') || is('}')) {
            throw error("unexpected '" + raw() + "'", tokenStart);
        }
        if (end - start == 2 && text.charAt(start) == '<' && text.charAt(start + 1) == '>') {
            advance();
            return NodeValue.Null.INSTANCE;
        }
        if (end - start >= 2 && text.charAt(start) == '"' && text.charAt(end - 1) == '"') {
            String value = unescaped(start + 1, end - 1);
            advance();
            return new NodeValue.Str(value);
        }
        if (bracketFollows()) {
            return readDatum();
        }
        String value = unescaped(start, end);
        advance();
        return new NodeValue.Token(value);
    }

    /** Reads a node after its opening brace, up to and including its closing brace. */
    private PgNode readNode() {
        if (atEnd() || is('}')) {
            throw error("a node without a type", pos);
        }
        int typeStart = start;
        String type = unescaped(start, end);
        advance();
        Fields.Builder fields = new Fields.Builder();
        while (true) {
            if (atEnd()) {
                throw error("node " + type + " is never closed", typeStart);
            }
            if (is('}')) {
                advance();
                return new PgNode(PG14_NAMES.getOrDefault(type, type), fields.build());
            }
            if (text.charAt(start) != ':') {
                throw error("expected a field name in node " + type + " but found '" + raw() + "'", start);
            }
            String field = text.substring(start + 1, end);
            advance();
            boolean valueless = atEnd() || is('}') || text.charAt(start) == ':';
            fields.put(field, valueless ? NodeValue.Null.INSTANCE : readValue());
        }
    }

    /** Reads a list after its opening parenthesis, up to and including its closing parenthesis. */
    private NodeValue readList(int listStart) {
        if (start >= 0 && end - start == 1 && "ioxb".indexOf(text.charAt(start)) >= 0) {
            char kind = text.charAt(start);
            int kindStart = start;
            advance();
            List<Long> numbers = new ArrayList<>();
            while (!is(')')) {
                if (atEnd()) {
                    throw error("a number list is never closed", kindStart);
                }
                numbers.add(number());
                advance();
            }
            advance();
            if (kind == 'b') {
                Set<Integer> members = new HashSet<>();
                numbers.forEach(n -> members.add(n.intValue()));
                return new NodeValue.Bits(members);
            }
            return new NodeValue.Numbers(kind, numbers);
        }
        List<NodeValue> values = new ArrayList<>();
        while (!is(')')) {
            if (atEnd()) {
                throw error("a list is never closed", pos);
            }
            values.add(readValue());
        }
        advance();
        return new NodeValue.Items(values);
    }

    /**
     * A datum: its length, then its bytes in brackets. A by-value datum prints the length of its type but all
     * bytes of a {@code Datum} word, so the bytes are read up to the closing bracket.
     */
    private NodeValue readDatum() {
        int lengthStart = start;
        number();
        advance();
        advance();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!(start >= 0 && end - start == 1 && text.charAt(start) == ']')) {
            if (atEnd()) {
                throw error("a datum is not closed by ']'", lengthStart);
            }
            bytes.write((int) number());
            advance();
        }
        advance();
        return new NodeValue.Datum(bytes.toByteArray());
    }

    /** The current token as a number, without making it a string. */
    private long number() {
        int p = start;
        boolean negative = false;
        if (p < end && (text.charAt(p) == '-' || text.charAt(p) == '+')) {
            negative = text.charAt(p) == '-';
            p++;
        }
        if (p == end || end - p > 18) {
            return slowNumber();
        }
        long value = 0;
        for (; p < end; p++) {
            char c = text.charAt(p);
            if (c < '0' || c > '9') {
                throw error("expected a number but found '" + raw() + "'", start);
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    private long slowNumber() {
        try {
            return Long.parseLong(raw());
        } catch (NumberFormatException e) {
            throw error("expected a number but found '" + raw() + "'", start);
        }
    }

    private boolean hasBackslash(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\\') {
                return true;
            }
        }
        return false;
    }

    /** The text between two offsets with each backslash dropped and the character it protects kept. */
    private String unescaped(int from, int to) {
        if (!hasBackslash(from, to)) {
            return text.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < to) {
                c = text.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    private static boolean isDelimiter(char c) {
        return c == '(' || c == ')' || c == '{' || c == '}';
    }

    private FraiseException error(String message, int offset) {
        return new FraiseException(ErrorCode.INFERENCE_NODE_TREE_INVALID,
                "pg_node_tree at offset " + offset + ": " + message, null, null);
    }
}
