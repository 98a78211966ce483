package dev.fraise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fraise.build.SchemaPlanner;
import dev.fraise.config.ProjectConfig;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.migrate.MigrationScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that exists but cannot be read fails with {@code FILE_READ_FAILED} at the file, its I/O error attached. The
 * unreadable file is a link to {@code /proc/self/mem}, which fails with EIO when read from its start, even as root.
 */
class UnreadableFileTest {

    private static final Path MEM = Path.of("/proc/self/mem");

    @TempDir
    Path project;

    @Test
    void anUnreadableSchemaFileIsFileReadFailedAtTheFile() throws IOException {
        assumeTrue(Files.isRegularFile(MEM), "needs Linux's /proc");
        TestFiles.write(project, "db/schema/10_tables/10_tb_a.sql", "CREATE TABLE tb_a (pk_a integer);\n");
        Files.createSymbolicLink(project.resolve("db/schema/10_tables/20_tb_b.sql"), MEM);

        FraiseException e = assertThrows(FraiseException.class,
                () -> SchemaPlanner.plan(ProjectConfig.defaults(project, "local"), false));

        assertEquals(ErrorCode.FILE_READ_FAILED, e.code());
        assertEquals("db/schema/10_tables/20_tb_b.sql", e.location().orElseThrow().toString());
        assertInstanceOf(IOException.class, e.getCause());
    }

    @Test
    void anUnreadableMigrationIsFileReadFailedAtTheFile() throws IOException {
        assumeTrue(Files.isRegularFile(MEM), "needs Linux's /proc");
        Files.createDirectories(project.resolve("db/migrations"));
        Files.createSymbolicLink(project.resolve("db/migrations/001_init.up.sql"), MEM);

        FraiseException e = assertThrows(FraiseException.class,
                () -> MigrationScanner.scan(ProjectConfig.defaults(project, "local")));

        assertEquals(ErrorCode.FILE_READ_FAILED, e.code());
        assertEquals("001_init.up.sql", e.location().orElseThrow().file().getFileName().toString());
        assertInstanceOf(IOException.class, e.getCause());
    }
}
