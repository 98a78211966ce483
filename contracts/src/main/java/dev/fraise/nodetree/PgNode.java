package dev.fraise.nodetree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One node of a {@code pg_node_tree}: its type ({@code QUERY}, {@code VAR}, …) and its named fields. Accessors read
 * fields by name and treat a missing field like {@code <>}, so trees of PostgreSQL 14 to 18 read alike.
 *
 * @param type   the node type as PostgreSQL prints it
 * @param fields the fields in printed order
 */
public record PgNode(String type, Map<String, NodeValue> fields) {

    public PgNode {
        fields = Fields.copyOf(fields);
    }

    /** Whether this node is of the given type. */
    public boolean is(String nodeType) {
        return type.equals(nodeType);
    }

    /** Whether the field is printed at all (some exist only in some PostgreSQL versions). */
    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The raw value of a field; {@link NodeValue.Null} when absent. */
    public NodeValue value(String field) {
        return fields.getOrDefault(field, NodeValue.Null.INSTANCE);
    }

    /** A nested node field, empty when {@code <>} or absent. */
    public Optional<PgNode> node(String field) {
        return value(field) instanceof NodeValue.Nested nested ? Optional.of(nested.node()) : Optional.empty();
    }

    /** The nodes of a list field (non-node items skipped); empty when {@code <>} or absent. */
    public List<PgNode> nodes(String field) {
        List<PgNode> result = new ArrayList<>();
        if (value(field) instanceof NodeValue.Items items) {
            for (NodeValue item : items.values()) {
                if (item instanceof NodeValue.Nested nested) {
                    result.add(nested.node());
                }
            }
        }
        return result;
    }

    /** The strings of a list field such as {@code :colnames ("a" "b")}. */
    public List<String> strings(String field) {
        List<String> result = new ArrayList<>();
        if (value(field) instanceof NodeValue.Items items) {
            for (NodeValue item : items.values()) {
                result.add(item instanceof NodeValue.Str s ? s.text()
                        : item instanceof NodeValue.Token t ? t.text() : "");
            }
        }
        return result;
    }

    /** An integer list ({@code (i …)}), OID list or bitmapset as numbers. */
    public List<Long> numbers(String field) {
        NodeValue value = value(field);
        if (value instanceof NodeValue.Numbers n) {
            return n.values();
        }
        if (value instanceof NodeValue.Bits b) {
            return b.members().stream().map(Long::valueOf).sorted().toList();
        }
        return List.of();
    }

    /** A bitmapset field ({@code (b 1 2)}); empty when {@code <>} or absent. */
    public Set<Integer> bits(String field) {
        return value(field) instanceof NodeValue.Bits b ? b.members() : Set.of();
    }

    /** A token field as text, empty when {@code <>} or absent. */
    public Optional<String> text(String field) {
        NodeValue value = value(field);
        if (value instanceof NodeValue.Token t) {
            return Optional.of(t.text());
        }
        return value instanceof NodeValue.Str s ? Optional.of(s.text()) : Optional.empty();
    }

    /** A numeric field (integers, OIDs, enum values); {@code fallback} when absent or not a number. */
    public long number(String field, long fallback) {
        Optional<String> token = text(field);
        if (token.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(token.get());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A numeric field that every supported version prints; -1 when absent. */
    public int integer(String field) {
        return (int) number(field, -1);
    }

    /** A boolean field; {@code false} when absent. */
    public boolean flag(String field) {
        return text(field).map("true"::equals).orElse(false);
    }

    /** A datum field ({@code :constvalue}); empty when {@code <>}. */
    public Optional<byte[]> datum(String field) {
        return value(field) instanceof NodeValue.Datum d ? Optional.of(d.bytes()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "{" + type + " …}";
    }
}
