package dev.fraise.junit;

import static dev.fraise.junit.ViewAssertions.assertView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.database.Database;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** assertView on the seeded library: what passes, and what each failure says. */
@FraiseDatabase(projectDir = "src/test/resources/projects/library", seeds = true)
class ViewAssertionsTest {

    private static final UUID DISPOSSESSED = UUID.fromString("b0000000-0000-4000-8000-000000000001");
    private static final String GRAIN_OF_SAND = "b0000000-0000-4000-8000-000000000002";

    @FraiseInject
    static Database db;

    @BeforeAll
    static void addAViewWithANullRow() {
        db.execute("CREATE VIEW v_null AS SELECT 1 AS id, NULL::jsonb AS data");
    }

    @Test
    void aRowMatchesLenientlyByUuidOrStringId() {
        assertView(db, "v_book").row(DISPOSSESSED)
                .matches("{\"title\": \"The Dispossessed\", \"author\": {\"name\": \"Ursula\"}}")
                .matches("{\"genre\": \"NOVEL\", \"pages\": 387}");
        assertView(db, "public.v_book").row(GRAIN_OF_SAND).matches("{\"pages\": null}");
        assertView(db, "v_author").row("a0000000-0000-4000-8000-000000000002").strictly().matches(
                "{\"id\": \"a0000000-0000-4000-8000-000000000002\", \"name\": \"Wisława\","
                        + " \"address\": {\"city\": \"Kraków\", \"country\": null}}");
    }

    @Test
    void aWrongValueNamesTheViewTheIdAndTheKey() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> assertView(db, "v_book")
                .row(DISPOSSESSED).matches("{\"title\": \"The Left Hand of Darkness\"}"));
        assertEquals("v_book row id b0000000-0000-4000-8000-000000000001 (LENIENT): title\n"
                + "Expected: The Left Hand of Darkness\n     got: The Dispossessed\n", error.getMessage());
        assertEquals("{\"title\": \"The Left Hand of Darkness\"}", error.getExpected().getValue());
        assertTrue(error.getActual().getStringRepresentation().contains("\"title\": \"The Dispossessed\""));
    }

    @Test
    void strictlyRejectsKeysTheExpectationLacks() {
        assertView(db, "v_book").row(DISPOSSESSED).matches("{\"title\": \"The Dispossessed\"}");
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> assertView(db, "v_book")
                .row(DISPOSSESSED).strictly().matches("{\"title\": \"The Dispossessed\"}"));
        assertTrue(error.getMessage().startsWith("v_book row id b0000000-0000-4000-8000-000000000001 (STRICT): "),
                error.getMessage());
        assertTrue(error.getMessage().contains("Unexpected: author"), error.getMessage());
    }

    @Test
    void aMissingRowNamesTheViewAndTheId() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> assertView(db, "v_book").row("b0000000-0000-4000-8000-000000000099"));
        assertEquals("v_book has no row with id b0000000-0000-4000-8000-000000000099", error.getMessage());
    }

    @Test
    void rowsHaveASizeAndMatchInIdOrder() {
        assertView(db, "v_book").rows().hasSize(2)
                .matches("[{\"title\": \"View with a Grain of Sand\"}, {\"title\": \"The Dispossessed\"}]")
                .strictly().matches(db.queryJson("SELECT data FROM v_book ORDER BY id"));
        AssertionFailedError size = assertThrows(AssertionFailedError.class,
                () -> assertView(db, "v_book").rows().hasSize(3));
        assertEquals("v_book has 2 rows, expected 3", size.getMessage());
        AssertionFailedError order = assertThrows(AssertionFailedError.class, () -> assertView(db, "v_book").rows()
                .strictly().matches(db.queryJson("SELECT data FROM v_book ORDER BY id DESC")));
        assertTrue(order.getMessage().startsWith("v_book rows (STRICT): [0]."), order.getMessage());
        assertTrue(order.getMessage().contains("[0].id\nExpected: b0000000-0000-4000-8000-000000000002\n"
                + "     got: b0000000-0000-4000-8000-000000000001"), order.getMessage());
    }

    @Test
    void anUnreadableViewFailsWithPostgresReason() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> assertView(db, "v_bok").rows());
        assertEquals("cannot read v_bok: ERROR: relation \"v_bok\" does not exist (SQLSTATE 42P01)",
                error.getMessage());
    }

    @Test
    void nullDataAndUnparsableExpectationsAreNamed() {
        AssertionFailedError nullData = assertThrows(AssertionFailedError.class,
                () -> assertView(db, "v_null").row(1).matches("{}"));
        assertEquals("v_null row id 1: data is NULL", nullData.getMessage());
        IllegalArgumentException badJson = assertThrows(IllegalArgumentException.class,
                () -> assertView(db, "v_book").row(DISPOSSESSED).matches("{title"));
        assertTrue(badJson.getMessage().startsWith("v_book row id b0000000-0000-4000-8000-000000000001: the expected"
                + " JSON does not parse: "), badJson.getMessage());
    }
}
