package dev.fraise.sample;

/**
 * One value of one row that contradicts the expected shape.
 *
 * @param rowId    the row's {@code id} column as text
 * @param jsonPath where in {@code data}, e.g. {@code $.posts[2].author.email}
 * @param kind     what went wrong
 * @param message  a one-line explanation, including the shape's reason where it has one
 */
public record Violation(String rowId, String jsonPath, ViolationKind kind, String message) {

    @Override
    public String toString() {
        return "id " + rowId + " " + jsonPath + ": " + message;
    }
}
