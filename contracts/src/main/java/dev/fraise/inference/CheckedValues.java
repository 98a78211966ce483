package dev.fraise.inference;

import dev.fraise.nodetree.PgNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values a CHECK constraint allows a column: {@code col IN ('a', 'b')}, stored as
 * {@code col = ANY (ARRAY['a', 'b'])}, alone or in a top-level AND, with the casts PostgreSQL adds for varchar.
 */
final class CheckedValues {

    private CheckedValues() {
    }

    static void collect(PgNode check, Map<Integer, List<String>> into) {
        if (check.is("BOOLEXPR") && "and".equals(check.text("boolop").orElse(""))) {
            check.nodes("args").forEach(arg -> collect(arg, into));
            return;
        }
        if (!check.is("SCALARARRAYOPEXPR") || !check.flag("useOr") || check.nodes("args").size() != 2) {
            return;
        }
        Optional<PgNode> column = unwrap(check.nodes("args").get(0)).filter(v -> v.is("VAR"));
        Optional<PgNode> array = unwrap(check.nodes("args").get(1)).filter(a -> a.is("ARRAYEXPR"));
        if (column.isEmpty() || array.isEmpty()) {
            return;
        }
        List<String> values = new ArrayList<>();
        for (PgNode element : array.get().nodes("elements")) {
            Optional<String> text = ExpressionInference.constantText(element);
            if (text.isEmpty()) {
                return;
            }
            values.add(text.get());
        }
        into.put(column.get().integer("varattno"), values);
    }

    private static Optional<PgNode> unwrap(PgNode node) {
        PgNode inner = node;
        while (inner.is("RELABELTYPE") || inner.is("COERCEVIAIO") || inner.is("ARRAYCOERCEEXPR")) {
            Optional<PgNode> arg = inner.node("arg");
            if (arg.isEmpty()) {
                return Optional.empty();
            }
            inner = arg.get();
        }
        return Optional.of(inner);
    }
}
