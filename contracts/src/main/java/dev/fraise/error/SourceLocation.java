package dev.fraise.error;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A place in a source file: a SQL file, a YAML config or a GraphQL SDL file.
 *
 * @param file   the file, as given by the caller (usually relative to the project directory)
 * @param line   1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param pointer in a JSON file, the JSON pointer of the value ({@code /types/0/fields/2}); empty elsewhere
 */
public record SourceLocation(Path file, int line, int column, String pointer) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pointer, "pointer");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0");
        }
    }

    /** A location in a text file: no JSON pointer. */
    public SourceLocation(Path file, int line, int column) {
        this(file, line, column, "");
    }

    /** A location naming only a file. */
    public static SourceLocation of(Path file) {
        return new SourceLocation(file, 0, 0);
    }

    /** A location naming a file and a line. */
    public static SourceLocation of(Path file, int line) {
        return new SourceLocation(file, line, 0);
    }

    /**
     * {@code file}, {@code file:line} or {@code file:line:column}, with forward slashes, and the JSON pointer as a
     * fragment when there is one: {@code schema.json:12:9#/types/1/fields/2}.
     */
    @Override
    public String toString() {
        String name = file.toString().replace('\\', '/');
        String fragment = pointer.isEmpty() ? "" : "#" + pointer;
        if (line == 0) {
            return name + fragment;
        }
        return (column == 0 ? name + ":" + line : name + ":" + line + ":" + column) + fragment;
    }
}
