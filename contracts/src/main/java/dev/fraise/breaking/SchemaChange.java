package dev.fraise.breaking;

import dev.fraise.error.SourceLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * One difference between the contract at the base and at HEAD.
 *
 * @param severity breaking, dangerous or safe
 * @param code     what changed
 * @param path     where in the schema: {@code Post.author}, {@code Query.posts.after} (an argument),
 *                 {@code Status.DRAFT} (an enum value), {@code Post.tags[]} (list items)
 * @param message  one line saying what changed and why it matters
 * @param before   the definition at the base (a GraphQL type, or a key's JSON kind and nullability); empty for
 *                 additions
 * @param after    the definition at HEAD; empty for removals
 * @param location the SDL definition at HEAD (for a removal, the enclosing type's), when there is one
 */
public record SchemaChange(ChangeSeverity severity, ChangeCode code, String path, String message,
        Optional<String> before, Optional<String> after, Optional<SourceLocation> location) {

    public SchemaChange {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(location, "location");
    }

    /** Whether the change breaks existing clients. */
    public boolean breaking() {
        return severity == ChangeSeverity.BREAKING;
    }

    /** The change with both definitions on the lines after {@code SEVERITY CODE: location: message}. */
    public String render() {
        StringBuilder text = new StringBuilder(toString());
        before.ifPresent(d -> text.append("\n    before: ").append(d));
        after.ifPresent(d -> text.append("\n    after:  ").append(d));
        return text.toString();
    }

    /** {@code SEVERITY CODE: location: message}, one line. */
    @Override
    public String toString() {
        return severity + " " + code + ": " + location.map(l -> l + ": ").orElse("") + message;
    }
}
