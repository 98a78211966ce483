package dev.fraise.inference;

import dev.fraise.nodetree.PgNode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One query level being analysed: its range table, join nullability, the view it belongs to, its parent level
 * (for correlated and LATERAL references) and facts proven by a FILTER or WHERE ({@code x IS NOT NULL}).
 */
final class Scope {

    private final PgNode query;
    private final Scope parent;
    private final String view;
    private final List<PgNode> rtable;
    private final JoinNulling nulling;
    private final Set<Integer> provenJoins;
    private final Set<String> provenVars;
    private final boolean aggregateInput;

    private Scope(PgNode query, Scope parent, String view, JoinNulling nulling, Set<Integer> provenJoins,
            Set<String> provenVars, boolean aggregateInput) {
        this.query = query;
        this.parent = parent;
        this.view = view;
        this.rtable = query.nodes("rtable");
        this.nulling = nulling;
        this.provenJoins = Set.copyOf(provenJoins);
        this.provenVars = Set.copyOf(provenVars);
        this.aggregateInput = aggregateInput;
    }

    static Scope root(PgNode query, String view) {
        return new Scope(query, null, view, JoinNulling.of(query), Set.of(), Set.of(), false);
    }

    /** A nested query level (subquery, sub-select, CTE, set-operation branch) under this one. */
    Scope child(PgNode subquery) {
        return new Scope(subquery, this, view, JoinNulling.of(subquery), Set.of(), Set.of(), false);
    }

    /** This level with more proven facts. */
    Scope proving(Set<Integer> joins, Set<String> vars) {
        Set<Integer> allJoins = new HashSet<>(provenJoins);
        allJoins.addAll(joins);
        Set<String> allVars = new HashSet<>(provenVars);
        allVars.addAll(vars);
        return new Scope(query, parent, view, nulling, allJoins, allVars, aggregateInput);
    }

    /** This level as the input rows of an aggregate, which grouping sets do not null. */
    Scope forAggregateInput() {
        return new Scope(query, parent, view, nulling, provenJoins, provenVars, true);
    }

    /**
     * Whether a Var of this level may be nulled by GROUPING SETS, ROLLUP or CUBE: outside aggregate arguments,
     * grouped columns are NULL in the super-aggregate rows.
     */
    boolean groupingSetsNullVars() {
        return !aggregateInput && !query.nodes("groupingSets").isEmpty();
    }

    /** The level {@code levelsUp} above this one (0 is this level). */
    Scope up(int levelsUp) {
        Scope scope = this;
        for (int i = 0; i < levelsUp && scope != null; i++) {
            scope = scope.parent;
        }
        return scope;
    }

    PgNode query() {
        return query;
    }

    String view() {
        return view;
    }

    JoinNulling nulling() {
        return nulling;
    }

    Optional<PgNode> rte(int rtindex) {
        return rtindex >= 1 && rtindex <= rtable.size() ? Optional.of(rtable.get(rtindex - 1)) : Optional.empty();
    }

    boolean joinProven(int join) {
        return provenJoins.contains(join);
    }

    boolean varProven(int varno, int attno) {
        return provenVars.contains(varno + "." + attno);
    }

    static String varKey(int varno, int attno) {
        return varno + "." + attno;
    }

    /** Whether this level yields exactly one row: an aggregate without GROUP BY, HAVING, OFFSET or set operation. */
    boolean yieldsExactlyOneRow() {
        return query.flag("hasAggs") && query.nodes("groupClause").isEmpty()
                && query.nodes("groupingSets").isEmpty() && query.node("havingQual").isEmpty()
                && query.node("limitOffset").isEmpty() && query.node("limitCount").isEmpty()
                && query.node("setOperations").isEmpty() && !query.flag("hasTargetSRFs");
    }

    /** Whether every aggregate of this level sees at least one input row: a plain GROUP BY. */
    boolean groupsAreNonEmpty() {
        return !query.nodes("groupClause").isEmpty() && query.nodes("groupingSets").isEmpty();
    }
}
