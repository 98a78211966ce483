package dev.fraise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.fraise.database.Database;
import dev.fraise.database.TemplatePool;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template is cached per schema hash: the same files share one template, a changed byte builds another. */
class SharedPoolTest {

    private static final String TABLE = "CREATE TABLE tb_shared_note (pk_note INTEGER PRIMARY KEY, body TEXT);\n";

    @Test
    void sameSchemaSharesOneTemplateEvenFromAnotherDirectory(@TempDir Path first, @TempDir Path second) {
        TestFiles.write(first, "db/schema/10_tables/10_tb_shared_note.sql", TABLE);
        TestFiles.write(second, "db/schema/10_tables/10_tb_shared_note.sql", TABLE);

        TemplatePool pool = Fraise.sharedPool(FraiseSettings.forProject(first));

        assertSame(pool, Fraise.sharedPool(FraiseSettings.forProject(first)), "a second test class");
        assertSame(pool, Fraise.sharedPool(FraiseSettings.forProject(second)),
                "the hash covers relative paths and bytes, not where the project lies");
    }

    @Test
    void aChangedByteBuildsANewTemplate(@TempDir Path project) {
        TestFiles.write(project, "db/schema/10_tables/10_tb_shared_note.sql", TABLE + "-- v1\n");
        TemplatePool before = Fraise.sharedPool(FraiseSettings.forProject(project));

        TestFiles.write(project, "db/schema/10_tables/10_tb_shared_note.sql", TABLE + "-- v2\n");
        TemplatePool after = Fraise.sharedPool(FraiseSettings.forProject(project));

        assertNotSame(before, after);
        assertNotEquals(before.templateName(), after.templateName());
        try (Database clone = after.acquire()) {
            assertEquals("[0]", clone.queryJson("SELECT count(*) FROM tb_shared_note"));
        }
    }

    @Test
    void seedsAreASchemaOfTheirOwn(@TempDir Path project) {
        TestFiles.write(project, "db/schema/10_tables/10_tb_shared_note.sql", TABLE + "-- seeds\n");
        TestFiles.write(project, "db/seeds/10_notes.sql", "INSERT INTO tb_shared_note VALUES (1, 'seeded');\n");

        TemplatePool plain = Fraise.sharedPool(FraiseSettings.forProject(project));
        TemplatePool seeded = Fraise.sharedPool(FraiseSettings.forProject(project).withSeeds(true));

        assertNotSame(plain, seeded);
        try (Database a = plain.acquire(); Database b = seeded.acquire()) {
            assertEquals("[0]", a.queryJson("SELECT count(*) FROM tb_shared_note"));
            assertEquals("[1]", b.queryJson("SELECT count(*) FROM tb_shared_note"));
        }
    }
}
