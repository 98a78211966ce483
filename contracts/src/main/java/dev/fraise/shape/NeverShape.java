package dev.fraise.shape;

/**
 * The items of an array that is always empty ({@code '[]'::jsonb}): no value at all, so it merges away.
 *
 * @param provenance where the empty array comes from
 */
public record NeverShape(Provenance provenance) implements Shape {

    @Override
    public String kind() {
        return "nothing";
    }
}
