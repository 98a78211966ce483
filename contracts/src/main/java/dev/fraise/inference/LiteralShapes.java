package dev.fraise.inference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fraise.shape.ArrayShape;
import dev.fraise.shape.Field;
import dev.fraise.shape.NeverShape;
import dev.fraise.shape.NullShape;
import dev.fraise.shape.Nullability;
import dev.fraise.shape.ObjectShape;
import dev.fraise.shape.Presence;
import dev.fraise.shape.Provenance;
import dev.fraise.shape.ScalarKind;
import dev.fraise.shape.ScalarShape;
import dev.fraise.shape.Shape;
import dev.fraise.shape.Shapes;
import java.util.LinkedHashMap;
import java.util.Map;

/** The exact shape of a JSON literal such as {@code '[]'::jsonb} or {@code '{"a": 1}'::json}. */
final class LiteralShapes {

    private LiteralShapes() {
    }

    static Shape of(JsonNode node, Provenance provenance) {
        if (node.isObject()) {
            Map<String, Field> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                fields.put(entry.getKey(), new Field(entry.getKey(), of(entry.getValue(), provenance),
                        nullability(entry.getValue()), Presence.ALWAYS));
            }
            return new ObjectShape(fields, provenance);
        }
        if (node.isArray()) {
            Shape items = new NeverShape(provenance);
            Nullability itemNulls = Nullability.nonNull("literal array");
            for (JsonNode item : node) {
                items = Shapes.union(items, of(item, provenance), provenance);
                itemNulls = itemNulls.or(nullability(item));
            }
            return new ArrayShape(items, itemNulls, provenance);
        }
        if (node.isNull()) {
            return new NullShape(provenance);
        }
        if (node.isBoolean()) {
            return new ScalarShape(ScalarKind.BOOLEAN, false, provenance);
        }
        if (node.isNumber()) {
            boolean integer = node.isIntegralNumber() || node.decimalValue().scale() <= 0;
            return new ScalarShape(ScalarKind.NUMBER, integer, provenance);
        }
        return new ScalarShape(ScalarKind.STRING, false, provenance);
    }

    static Nullability nullability(JsonNode node) {
        return node.isNull() ? Nullability.nullable("literal null") : Nullability.nonNull("literal");
    }
}
