package dev.fraise.shape;

import java.util.Objects;

/**
 * Whether a value can be SQL/JSON {@code null}, and why. Inference is sound: {@code nullable == false} is claimed
 * only when no row can produce a null.
 *
 * @param nullable     whether the value can be null
 * @param reason       why, e.g. {@code "tb_user.bio has no NOT NULL"} or {@code "LEFT JOIN v_user vu in v_post"}
 * @param jsonNullOnly whether the only null possible is a JSON {@code null} held by a json/jsonb value (a
 *                     {@code NOT NULL} jsonb column), rather than SQL NULL
 */
public record Nullability(boolean nullable, String reason, boolean jsonNullOnly) {

    public Nullability {
        Objects.requireNonNull(reason, "reason");
        if (jsonNullOnly && !nullable) {
            throw new IllegalArgumentException("jsonNullOnly needs nullable");
        }
    }

    /** A nullability that may be SQL NULL (or is never null). */
    public Nullability(boolean nullable, String reason) {
        this(nullable, reason, false);
    }

    /** A value that is never SQL NULL but may hold a JSON {@code null}. */
    public static Nullability jsonNull(String reason) {
        return new Nullability(true, reason, true);
    }

    /** A value that is never null, with the reason. */
    public static Nullability nonNull(String reason) {
        return new Nullability(false, reason);
    }

    /** A value that can be null, with the reason. */
    public static Nullability nullable(String reason) {
        return new Nullability(true, reason);
    }

    /** Null when either is; the reason of the nullable one, an SQL NULL's first. */
    public Nullability or(Nullability other) {
        if (nullable && !jsonNullOnly || !other.nullable) {
            return this;
        }
        if (other.nullable && !other.jsonNullOnly || !nullable) {
            return other;
        }
        return this;
    }

    @Override
    public String toString() {
        return (nullable ? "nullable: " : "non-null: ") + reason;
    }
}
