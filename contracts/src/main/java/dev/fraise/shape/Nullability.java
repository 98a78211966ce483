package dev.fraise.shape;

import java.util.Objects;

/**
 * Whether a value can be SQL/JSON {@code null}, and why. Inference is sound: {@code nullable == false} is claimed
 * only when no row can produce a null.
 *
 * @param nullable whether the value can be null
 * @param reason   why, e.g. {@code "tb_user.bio has no NOT NULL"} or {@code "LEFT JOIN v_user vu in v_post"}
 */
public record Nullability(boolean nullable, String reason) {

    public Nullability {
        Objects.requireNonNull(reason, "reason");
    }

    /** A value that is never null, with the reason. */
    public static Nullability nonNull(String reason) {
        return new Nullability(false, reason);
    }

    /** A value that can be null, with the reason. */
    public static Nullability nullable(String reason) {
        return new Nullability(true, reason);
    }

    /** Null when either is; the reason of the nullable one (or of this one). */
    public Nullability or(Nullability other) {
        if (nullable || !other.nullable) {
            return this;
        }
        return other;
    }

    @Override
    public String toString() {
        return (nullable ? "nullable: " : "non-null: ") + reason;
    }
}
