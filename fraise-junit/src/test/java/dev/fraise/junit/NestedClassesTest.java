package dev.fraise.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.fraise.database.Database;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code @Nested} classes find the enclosing class's {@link FraiseDatabase}: they share its database when they
 * build the same schema, and get their own when they declare another one or per-method isolation.
 */
@FraiseDatabase(projectDir = "src/test/resources/projects/shop", seeds = true)
class NestedClassesTest {

    @FraiseInject
    static Database outer;

    @Test
    void theOuterClassHasTheSeededDatabase() {
        assertEquals("[2]", outer.queryJson("SELECT count(*) FROM tb_item"));
    }

    @FraiseInject
    Database outerField;

    @Nested
    class SameSchema {

        @FraiseInject
        Database innerField;

        @Test
        void sharesTheEnclosingClassesDatabase(Database database) {
            assertEquals(outer.name(), database.name());
        }

        @Test
        void injectsTheInstanceFieldsOfTheNestedAndTheEnclosingInstance() {
            assertEquals(outer.name(), innerField.name());
            assertEquals(outer.name(), outerField.name());
        }
    }

    @Nested
    @FraiseDatabase(projectDir = "src/test/resources/projects/shop", seeds = true, isolation = Isolation.PER_METHOD)
    class PerMethodField {

        @FraiseInject
        Database fresh;

        @Test
        void injectsTheNestedClassesOwnDatabaseIntoItsField() {
            assertNotEquals(outer.name(), fresh.name());
            assertEquals("[2]", fresh.queryJson("SELECT count(*) FROM tb_item"));
        }
    }

    @Nested
    @FraiseDatabase(projectDir = "src/test/resources/projects/library")
    class OtherSchema {

        @Test
        void getsADatabaseOfItsOwnSchema(Database database) {
            assertNotEquals(outer.name(), database.name());
            assertEquals("[\"tb_author\", \"tb_book\"]", database.queryJson(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"));
        }
    }

    @Nested
    @FraiseDatabase(projectDir = "src/test/resources/projects/shop", seeds = true, isolation = Isolation.PER_METHOD)
    class PerMethod {

        @Test
        void getsAFreshDatabaseForEachTest(Database database) {
            assertNotEquals(outer.name(), database.name());
            assertEquals("[2]", database.queryJson("SELECT count(*) FROM tb_item"));
        }
    }
}
