package dev.fraise.junit;

import dev.fraise.database.Database;
import java.util.Objects;

/**
 * JSONAssert-based assertions on the {@code data} of real view rows.
 *
 * <pre>{@code
 * assertView(db, "v_post").row(postId).matches("{\"title\": \"Hello\", \"author\": {\"username\": \"bob\"}}");
 * assertView(db, "v_post").row(postId).strictly().matches(expectedJson);
 * assertView(db, "v_post").rows().hasSize(3);
 * }</pre>
 *
 * Comparisons are {@link org.skyscreamer.jsonassert.JSONCompareMode#LENIENT LENIENT} (extra keys and array
 * order allowed) unless {@code strictly()} asks for {@code STRICT}. Failures are
 * {@link org.opentest4j.AssertionFailedError}s naming the view and row id, with JSONAssert's explanation and the
 * expected and actual JSON for the IDE's diff.
 */
public final class ViewAssertions {

    private ViewAssertions() {
    }

    /** Assertions on {@code view}: a view or table with {@code id} and {@code data}, optionally schema-qualified. */
    public static ViewAssert assertView(Database database, String view) {
        return new ViewAssert(Objects.requireNonNull(database, "database"), Objects.requireNonNull(view, "view"));
    }
}
