package dev.fraise.shape;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON object with known keys, in the order the SQL emits them.
 *
 * @param fields     the keys and their fields
 * @param provenance where the object is built
 */
public record ObjectShape(Map<String, Field> fields, Provenance provenance) implements Shape {

    public ObjectShape {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The field of a key, if the object has it. */
    public Optional<Field> field(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    @Override
    public String kind() {
        return "object";
    }
}
