package dev.fraise.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.TestFiles;
import dev.fraise.config.ProjectConfig;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationScannerTest {

    @TempDir
    Path project;

    @Test
    void findsUpAndDownFilesOrderedAsConfitureOrdersThem() {
        write("002_add_tags.up.sql", "ALTER TABLE t ADD COLUMN tags text[];\n");
        write("002_add_tags.down.sql", "ALTER TABLE t DROP COLUMN tags;\n");
        write("001_create_t.up.sql", "SELECT 1;\n");
        write("010_later.up.sql", "SELECT 10;\n");
        write("README.md", "notes");
        write("__init__.py", "");
        write("_helpers.py", "def x(): pass\n");
        write("002_add_tags.yaml", "up_preconditions: []\n");

        MigrationSet set = MigrationScanner.scan(config());

        assertEquals(List.of("001", "002", "010"), set.migrations().stream().map(Migration::version).toList());
        Migration first = set.migrations().get(0);
        assertEquals("create_t", first.name());
        assertEquals(Optional.empty(), first.downFile());
        assertEquals("b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd", first.checksum(),
                "sha256 hex of the .up.sql bytes, as `sha256sum` and Confiture compute it");
        assertEquals(project.resolve("db/migrations/002_add_tags.down.sql"), set.migrations().get(1).downFile().orElseThrow());
        assertEquals(List.of(), set.warnings());
        assertEquals(Path.of("db/migrations/001_create_t.up.sql"), set.display(first.upFile()));
    }

    @Test
    void ordersVersionsAsStringsAndWarnsWhenWidthsDiffer() {
        write("9_nine.up.sql", "SELECT 9;");
        write("10_ten.up.sql", "SELECT 10;");

        MigrationSet set = MigrationScanner.scan(config());

        assertEquals(List.of("10", "9"), set.migrations().stream().map(Migration::version).toList(),
                "Confiture's plain string order: 10 before 9");
        MigrationIssue warning = set.warnings().get(0);
        assertEquals(ErrorCode.MIGRATION_VERSION_WIDTH, warning.code());
        assertEquals("db/migrations/9_nine.up.sql", warning.location().toString());
        assertTrue(warning.message().contains("pad them"), warning.message());
    }

    @Test
    void duplicateVersionsAreAnError() {
        write("001_a.up.sql", "SELECT 1;");
        write("001_b.up.sql", "SELECT 2;");

        FraiseException e = assertThrows(FraiseException.class, () -> MigrationScanner.scan(config()));

        assertEquals(ErrorCode.MIGRATION_DUPLICATE_VERSION, e.code());
        assertEquals("db/migrations/001_b.up.sql", e.location().orElseThrow().toString());
        assertTrue(e.getMessage().contains("001_a.up.sql"), e.getMessage());
    }

    @Test
    void bareSqlFileIsAnOrphanWarning() {
        write("001_a.up.sql", "SELECT 1;");
        write("002_forgot_suffix.sql", "SELECT 2;");

        MigrationSet set = MigrationScanner.scan(config());

        assertEquals(1, set.migrations().size());
        MigrationIssue orphan = set.warnings().get(0);
        assertEquals(ErrorCode.MIGRATION_ORPHAN, orphan.code());
        assertEquals("db/migrations/002_forgot_suffix.sql", orphan.location().toString());
        assertTrue(orphan.message().contains("002_forgot_suffix.up.sql"), orphan.message());
    }

    @Test
    void pythonMigrationIsUnsupportedAndTheMessageSaysHowToConvertIt() {
        write("001_a.up.sql", "SELECT 1;");
        write("002_move_things.py", "class M(Migration):\n    def up(self): self.execute(\"SELECT 1\")\n");

        FraiseException e = assertThrows(FraiseException.class, () -> MigrationScanner.scan(config()));

        assertEquals(ErrorCode.MIGRATION_UNSUPPORTED, e.code());
        assertEquals("db/migrations/002_move_things.py", e.location().orElseThrow().toString());
        assertTrue(e.detail().contains("002_move_things.up.sql") && e.detail().contains("002_move_things.down.sql"),
                e.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nounderscore.up.sql", "_001_x.up.sql", "001_.up.sql", "v1.2_dotted.up.sql",
            "0 1_space.up.sql"})
    void malformedNamesAreErrorsNamingTheFile(String fileName) {
        write("001_ok.up.sql", "SELECT 1;");
        write(fileName, "SELECT 2;");

        FraiseException e = assertThrows(FraiseException.class, () -> MigrationScanner.scan(config()));

        assertEquals(ErrorCode.MIGRATION_INVALID_NAME, e.code());
        assertEquals("db/migrations/" + fileName, e.location().orElseThrow().toString());
        assertTrue(e.detail().contains("{version}_{name}.up.sql"), e.detail());
    }

    @Test
    void downFileWithoutUpFileIsAnError() {
        write("001_a.up.sql", "SELECT 1;");
        write("002_b.down.sql", "SELECT 2;");

        FraiseException e = assertThrows(FraiseException.class, () -> MigrationScanner.scan(config()));

        assertEquals(ErrorCode.MIGRATION_INVALID_NAME, e.code());
        assertEquals("db/migrations/002_b.down.sql", e.location().orElseThrow().toString());
        assertTrue(e.detail().contains("002_b.up.sql"), e.detail());
    }

    @Test
    void emptyUpMigrationIsAnErrorEvenWithOnlyCommentsAndWrappers() {
        write("001_a.up.sql", "-- TODO\nBEGIN;\n/* later */\nCOMMIT;\n");

        FraiseException e = assertThrows(FraiseException.class, () -> MigrationScanner.scan(config()));

        assertEquals(ErrorCode.MIGRATION_EMPTY, e.code());
        assertEquals("db/migrations/001_a.up.sql", e.location().orElseThrow().toString());
    }

    @Test
    void emptyDownMigrationIsAWarning() {
        write("001_a.up.sql", "SELECT 1;");
        write("001_a.down.sql", "-- irreversible on purpose\n");

        MigrationSet set = MigrationScanner.scan(config());

        assertEquals(ErrorCode.MIGRATION_EMPTY, set.warnings().get(0).code());
        assertEquals("db/migrations/001_a.down.sql", set.warnings().get(0).location().toString());
        assertTrue(set.migrations().get(0).downFile().isPresent());
    }

    @Test
    void fileLevelSqlProblemsAreReportedWithTheirLine() {
        write("001_a.up.sql", "SELECT 1;\n/* never closed\nSELECT 2;\n");

        FraiseException e = assertThrows(FraiseException.class, () -> MigrationScanner.scan(config()));

        assertEquals(ErrorCode.BUILD_UNCLOSED_COMMENT, e.code());
        assertEquals("db/migrations/001_a.up.sql:2:1", e.location().orElseThrow().toString());
    }

    @Test
    void missingDirectoryIsAnError() {
        FraiseException e = assertThrows(FraiseException.class, () -> MigrationScanner.scan(config()));

        assertEquals(ErrorCode.MIGRATION_DIR_MISSING, e.code());
        assertEquals("db/migrations", e.location().orElseThrow().toString());
    }

    @Test
    void emptyDirectoryHasNoMigrations() {
        write("README.md", "none yet");

        assertEquals(List.of(), MigrationScanner.scan(project.resolve("db/migrations")).migrations());
    }

    private ProjectConfig config() {
        return ProjectConfig.defaults(project, "local");
    }

    private void write(String name, String content) {
        TestFiles.write(project, "db/migrations/" + name, content);
    }
}
