package dev.fraise.shape;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON object with known keys, in the order the SQL emits them. A <em>closed</em> object has no other key. An
 * <em>open</em> one ({@code jsonb_build_object(…) || t.data} over a column proven an object) may also have keys not
 * known statically, each holding anything: its {@code remainder} says where they come from.
 *
 * @param fields     the known keys and their fields
 * @param remainder  for an open object, the unknown value any other key may hold, its reason naming where other keys
 *                   come from ({@code "tb_x.data, an object whose keys are not known statically"}); empty when
 *                   closed
 * @param provenance where the object is built
 */
public record ObjectShape(Map<String, Field> fields, Optional<UnknownShape> remainder, Provenance provenance)
        implements Shape {

    public ObjectShape {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        Objects.requireNonNull(remainder, "remainder");
    }

    /** A closed object: no key but {@code fields}. */
    public ObjectShape(Map<String, Field> fields, Provenance provenance) {
        this(fields, Optional.empty(), provenance);
    }

    /** Whether keys other than the known ones may be there. */
    public boolean open() {
        return remainder.isPresent();
    }

    /** The known field of a key, if the object has it. */
    public Optional<Field> field(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    /**
     * What the object says of a key: its known field; else, for an open object, a field that may be absent and may
     * hold anything (JSON {@code null} included) from the remainder; else empty (a closed object never has it).
     */
    public Optional<Field> fieldOrRemainder(String key) {
        Field known = fields.get(key);
        if (known != null || remainder.isEmpty()) {
            return Optional.ofNullable(known);
        }
        UnknownShape rest = remainder.get();
        String reason = "key '" + key + "' is not among the known keys, so it would come from " + rest.reason();
        return Optional.of(new Field(key, new UnknownShape(reason, rest.provenance()), Nullability.jsonNull(reason),
                Presence.MAYBE_ABSENT));
    }

    /** This object with other fields, open as it is. */
    public ObjectShape withFields(Map<String, Field> other) {
        return new ObjectShape(other, remainder, provenance);
    }

    @Override
    public String kind() {
        return "object";
    }
}
