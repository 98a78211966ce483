package dev.fraise.shape;

import java.util.Objects;

/**
 * A value whose shape cannot be inferred statically.
 *
 * @param reason     why, e.g. {@code "jsonb_build_object with a non-constant key"}
 * @param provenance where the value comes from
 */
public record UnknownShape(String reason, Provenance provenance) implements Shape {

    public UnknownShape {
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String kind() {
        return "unknown";
    }
}
