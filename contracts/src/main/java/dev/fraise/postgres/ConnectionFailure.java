package dev.fraise.postgres;

import java.util.Optional;

/**
 * The one-line text of a failed connection: the driver's first line, followed by its root cause when it has one
 * ({@code The connection attempt failed. (UnknownHostException: my_db_host)}), which is otherwise visible only
 * with {@code mvn -e}.
 */
public final class ConnectionFailure {

    private ConnectionFailure() {
    }

    /**
     * {@code failure}'s first line and its root cause's class and first line, with {@code password} masked.
     *
     * @param password the password the connection used, never shown
     */
    public static String describe(Throwable failure, Optional<String> password) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = firstLine(root);
        String text = root == failure ? firstLine(failure) : firstLine(failure) + " ("
                + root.getClass().getSimpleName() + (cause.isEmpty() ? "" : ": " + cause) + ")";
        return password.filter(p -> !p.isEmpty()).map(p -> text.replace(p, "***")).orElse(text);
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage();
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
