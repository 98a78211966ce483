package dev.fraise.shape;

/**
 * A value that is always JSON {@code null} (a {@code NULL} literal, an ELSE-less CASE's missing branch).
 *
 * @param provenance where the null comes from
 */
public record NullShape(Provenance provenance) implements Shape {

    @Override
    public String kind() {
        return "null";
    }
}
