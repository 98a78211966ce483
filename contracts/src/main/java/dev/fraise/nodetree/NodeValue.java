package dev.fraise.nodetree;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** A field value of a {@link PgNode}: everything {@code outfuncs.c} can print. */
public sealed interface NodeValue {

    /** The null pointer, printed {@code <>}. */
    record Null() implements NodeValue {
        static final Null INSTANCE = new Null();
    }

    /** A bare token: a number, a boolean, an enum value, a name. */
    record Token(String text) implements NodeValue {
    }

    /** A quoted string, as in lists of column names. */
    record Str(String text) implements NodeValue {
    }

    /** A nested node. */
    record Nested(PgNode node) implements NodeValue {
    }

    /** A list of values, usually nodes or strings. */
    record Items(List<NodeValue> values) implements NodeValue {
        public Items {
            values = List.copyOf(values);
        }
    }

    /** An integer ({@code i}), OID ({@code o}) or transaction-id ({@code x}) list. */
    record Numbers(char kind, List<Long> values) implements NodeValue {
        public Numbers {
            values = List.copyOf(values);
        }
    }

    /** A bitmapset, printed {@code (b 1 2)}. */
    record Bits(Set<Integer> members) implements NodeValue {
        public Bits {
            members = Set.copyOf(members);
        }
    }

    /** A datum printed as its length and raw bytes ({@code 3 [ 105 100 0 ]}). */
    record Datum(byte[] bytes) implements NodeValue {
        public Datum {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Datum d && Arrays.equals(bytes, d.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Datum" + Arrays.toString(bytes);
        }
    }
}
