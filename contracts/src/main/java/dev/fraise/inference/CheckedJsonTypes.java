package dev.fraise.inference;

import dev.fraise.nodetree.PgNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The JSON kinds a CHECK constraint allows a json/jsonb column's non-null values:
 * {@code jsonb_typeof(col) = 'object'}, {@code jsonb_typeof(col) <> 'null'},
 * {@code jsonb_typeof(col) IN ('object', 'array')} (and {@code json_typeof}), alone or in a top-level AND, which
 * intersects them. A SQL NULL passes any such CHECK: it is not excluded here.
 */
final class CheckedJsonTypes {

    /** Every value {@code jsonb_typeof} returns. */
    static final Set<String> ALL = Set.of("object", "array", "string", "number", "boolean", "null");

    private static final Set<String> TYPEOF = Set.of("jsonb_typeof", "json_typeof");

    private CheckedJsonTypes() {
    }

    /**
     * Collects the kinds {@code check} allows into {@code into}, by column number.
     *
     * @param procName a function's name by its oid
     */
    static void collect(PgNode check, LongFunction<String> procName, Map<Integer, Set<String>> into) {
        if (check.is("BOOLEXPR") && "and".equals(check.text("boolop").orElse(""))) {
            check.nodes("args").forEach(arg -> collect(arg, procName, into));
            return;
        }
        List<PgNode> args = check.nodes("args");
        if (args.size() != 2) {
            return;
        }
        String operator = procName.apply(check.number("opfuncid", 0));
        if (check.is("OPEXPR") && ("texteq".equals(operator) || "textne".equals(operator))) {
            Optional<Integer> column = typeofColumn(args.get(0), procName)
                    .or(() -> typeofColumn(args.get(1), procName));
            Optional<String> kind = ExpressionInference.constantText(args.get(1))
                    .or(() -> ExpressionInference.constantText(args.get(0)));
            if (column.isPresent() && kind.isPresent()) {
                Set<String> allowed = new HashSet<>(ALL);
                if ("texteq".equals(operator)) {
                    allowed.retainAll(Set.of(kind.get()));
                } else {
                    allowed.remove(kind.get());
                }
                narrow(into, column.get(), allowed);
            }
        } else if (check.is("SCALARARRAYOPEXPR") && check.flag("useOr") && "texteq".equals(operator)) {
            Optional<Integer> column = typeofColumn(args.get(0), procName);
            if (column.isEmpty() || !args.get(1).is("ARRAYEXPR")) {
                return;
            }
            Set<String> allowed = new HashSet<>();
            for (PgNode element : args.get(1).nodes("elements")) {
                Optional<String> kind = ExpressionInference.constantText(element);
                if (kind.isEmpty()) {
                    return;
                }
                allowed.add(kind.get());
            }
            narrow(into, column.get(), allowed);
        }
    }

    private static void narrow(Map<Integer, Set<String>> into, int column, Set<String> allowed) {
        into.merge(column, Set.copyOf(allowed), (a, b) -> {
            Set<String> both = new HashSet<>(a);
            both.retainAll(b);
            return Set.copyOf(both);
        });
    }

    /** The column of {@code jsonb_typeof(col)}, if the node is that call on a plain column. */
    private static Optional<Integer> typeofColumn(PgNode node, LongFunction<String> procName) {
        if (!node.is("FUNCEXPR") || !TYPEOF.contains(procName.apply(node.number("funcid", 0)))
                || node.nodes("args").size() != 1) {
            return Optional.empty();
        }
        PgNode arg = node.nodes("args").get(0);
        while (arg.is("RELABELTYPE") && arg.node("arg").isPresent()) {
            arg = arg.node("arg").get();
        }
        return arg.is("VAR") ? Optional.of(arg.integer("varattno")) : Optional.empty();
    }
}
