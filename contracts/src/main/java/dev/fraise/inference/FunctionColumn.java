package dev.fraise.inference;

import java.util.List;
import java.util.Objects;

/**
 * One column of the row a function returns, as {@link ShapeInference#returned} infers it: a mutation function's
 * {@code entity} ({@code object_data} in FraiseQL v1's legacy result).
 *
 * @param schema     the function's schema
 * @param function   the function's name
 * @param inputTypes its input parameters' types as {@code format_type} prints them, telling overloads apart
 * @param column     the column's name
 * @param position   the column's 1-based position in the returned row
 */
public record FunctionColumn(String schema, String function, List<String> inputTypes, String column,
        int position) {

    public FunctionColumn {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(function, "function");
        inputTypes = List.copyOf(inputTypes);
        Objects.requireNonNull(column, "column");
        if (position < 1) {
            throw new IllegalArgumentException("position is 1-based");
        }
    }
}
