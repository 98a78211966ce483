package dev.fraise.inference;

import dev.fraise.nodetree.PgNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which outer joins of a query can null-extend each range-table entry, read from the join tree
 * ({@code JOINEXPR :jointype}: 1 LEFT, 2 FULL, 3 RIGHT). Works on every version; on PostgreSQL 16+ each Var's
 * {@code varnullingrels} says the same and is added on top.
 */
final class JoinNulling {

    static final int LEFT = 1;
    static final int FULL = 2;
    static final int RIGHT = 3;

    private final Map<Integer, Set<Integer>> nullingJoins = new HashMap<>();
    private final Map<Integer, Integer> joinTypes = new HashMap<>();

    private JoinNulling() {
    }

    static JoinNulling of(PgNode query) {
        JoinNulling nulling = new JoinNulling();
        query.node("jointree").ifPresent(tree -> nulling.walk(tree, Set.of()));
        return nulling;
    }

    /** The outer joins (by their range-table index) that can null-extend the entry {@code rtindex}. */
    Set<Integer> joinsNulling(int rtindex) {
        return nullingJoins.getOrDefault(rtindex, Set.of());
    }

    /** The join type of a join's range-table index, or -1. */
    int joinType(int rtindex) {
        return joinTypes.getOrDefault(rtindex, -1);
    }

    private void walk(PgNode node, Set<Integer> above) {
        if (node.is("RANGETBLREF")) {
            nullingJoins.put(node.integer("rtindex"), above);
        } else if (node.is("FROMEXPR")) {
            node.nodes("fromlist").forEach(item -> walk(item, above));
        } else if (node.is("JOINEXPR")) {
            int type = node.integer("jointype");
            int rtindex = node.integer("rtindex");
            joinTypes.put(rtindex, type);
            nullingJoins.put(rtindex, above);
            node.node("larg").ifPresent(l -> walk(l, type == FULL || type == RIGHT ? with(above, rtindex) : above));
            node.node("rarg").ifPresent(r -> walk(r, type == FULL || type == LEFT ? with(above, rtindex) : above));
        }
    }

    private static Set<Integer> with(Set<Integer> set, int member) {
        Set<Integer> result = new HashSet<>(set);
        result.add(member);
        return Set.copyOf(result);
    }

    static String joinName(int type) {
        return switch (type) {
            case LEFT -> "LEFT JOIN";
            case FULL -> "FULL JOIN";
            case RIGHT -> "RIGHT JOIN";
            default -> "outer join";
        };
    }
}
