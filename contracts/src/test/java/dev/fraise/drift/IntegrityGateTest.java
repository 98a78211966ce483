package dev.fraise.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.TestDatabases;
import dev.fraise.TestFiles;
import dev.fraise.config.ProjectConfig;
import dev.fraise.error.ErrorCode;
import dev.fraise.migrate.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityGateTest {

    @TempDir
    Path project;

    @Test
    void editedAndDeletedMigrationsAreFindings() throws Exception {
        TestFiles.write(project, "db/schema/t.sql", "CREATE TABLE t (id integer);\n");
        TestFiles.write(project, "db/migrations/001_a.up.sql", "ALTER TABLE t ADD COLUMN a integer;\n");
        TestFiles.write(project, "db/migrations/002_b.up.sql", "ALTER TABLE t ADD COLUMN b integer;\n");
        ProjectConfig config = ProjectConfig.defaults(project, "local");
        try (TestDatabases.Scratch db = TestDatabases.create(); Connection c = db.connect()) {
            db.execute("CREATE TABLE t (id integer)");
            Migrator.forProject(config).up(c);

            DriftReport clean = DriftGate.integrity(c, config);
            assertTrue(clean.passed(), clean.render());
            assertEquals(List.of("001_a", "002_b"), clean.migrations());

            TestFiles.write(project, "db/migrations/001_a.up.sql", "ALTER TABLE t ADD COLUMN a bigint;\n");
            Files.delete(project.resolve("db/migrations/002_b.up.sql"));
            DriftReport report = DriftGate.integrity(c, config);

            assertEquals(DriftGate.INTEGRITY_GATE, report.gate());
            assertEquals(List.of(ErrorCode.MIGRATION_CHECKSUM_MISMATCH, ErrorCode.MIGRATION_FILE_MISSING),
                    report.findings().stream().map(DriftFinding::code).toList(), report.render());
            DriftFinding edited = report.findings().get(0);
            assertEquals("001_a", edited.objectName());
            assertEquals("migration", edited.objectKind());
            assertEquals(Optional.of("db/migrations/001_a.up.sql"), edited.location().map(Object::toString));
            assertEquals(Optional.of("db/migrations/002_b.up.sql"),
                    report.findings().get(1).location().map(Object::toString));
        }
    }
}
