package dev.fraise.nodetree;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of one {@link PgNode}: an immutable map in printed order, held in two arrays. A node has a few dozen
 * fields at most, so a scan of short names is as fast as hashing, and building the map costs two array writes per
 * field instead of a linked hash entry (copied a second time by the node, before).
 */
final class Fields extends AbstractMap<String, NodeValue> {

    private final String[] names;
    private final NodeValue[] values;
    private final int size;

    private Fields(String[] names, NodeValue[] values, int size) {
        this.names = names;
        this.values = values;
        this.size = size;
    }

    /** The fields of any map, in its iteration order. */
    static Fields copyOf(Map<String, NodeValue> fields) {
        if (fields instanceof Fields ready) {
            return ready;
        }
        Builder builder = new Builder();
        fields.forEach(builder::append);
        return builder.build();
    }

    private int indexOf(Object name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public NodeValue get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    @Override
    public NodeValue getOrDefault(Object name, NodeValue fallback) {
        int i = indexOf(name);
        return i < 0 ? fallback : values[i];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, NodeValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, NodeValue>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, NodeValue> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Collects fields in order; a name put twice keeps its first place and its last value, as a linked map does. */
    static final class Builder {

        private String[] names = new String[16];
        private NodeValue[] values = new NodeValue[16];
        private int size;

        /** Adds a field, or replaces the value of a field of that name. */
        void put(String name, NodeValue value) {
            for (int i = 0; i < size; i++) {
                if (names[i].equals(name)) {
                    values[i] = value;
                    return;
                }
            }
            append(name, value);
        }

        /** Adds a field whose name is not there yet. */
        private void append(String name, NodeValue value) {
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size++] = value;
        }

        Fields build() {
            return new Fields(names, values, size);
        }
    }
}
