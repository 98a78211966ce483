package dev.fraise.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.TestFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent {@code up} runs apply each migration exactly once. Without the lock they would collide: the
 * second {@code CREATE TABLE} fails, or the tracking table's unique version rejects a second row.
 */
class ConcurrentMigrationTest {

    @TempDir
    Path project;

    ScratchDatabase db;

    @BeforeEach
    void migrations() throws Exception {
        db = ScratchDatabase.create();
        TestFiles.write(project, "db/migrations/001_create_log.up.sql",
                "CREATE TABLE tb_log (version text NOT NULL);\nINSERT INTO tb_log VALUES ('001');\n");
        TestFiles.write(project, "db/migrations/002_slow.up.sql",
                "INSERT INTO tb_log VALUES ('002');\nSELECT pg_sleep(0.4);\n");
        TestFiles.write(project, "db/migrations/003_add_column.up.sql",
                "ALTER TABLE tb_log ADD COLUMN at timestamptz;\nINSERT INTO tb_log VALUES ('003');\n");
    }

    @AfterEach
    void drop() throws Exception {
        db.close();
    }

    @Test
    void concurrentThreadsApplyEachMigrationExactlyOnce() throws Exception {
        int runners = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(runners);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < runners; i++) {
                Callable<List<String>> run = () -> {
                    Migrator migrator = Migrator.of(MigrationScanner.scan(project.resolve("db/migrations")),
                            "tb_confiture");
                    try (Connection c = db.connect()) {
                        start.await();
                        return migrator.up(c).versions();
                    }
                };
                results.add(pool.submit(run));
            }
            start.countDown();
            List<String> applied = new ArrayList<>();
            for (Future<List<String>> result : results) {
                applied.addAll(result.get(60, TimeUnit.SECONDS));
            }
            assertExactlyOnce(applied);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentJvmsApplyEachMigrationExactlyOnce() throws Exception {
        List<Process> children = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                children.add(new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                        MigrateChild.class.getName(), db.jdbcUrl(), db.postgres().user(), db.postgres().password(),
                        project.resolve("db/migrations").toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start());
            }
            List<BufferedReader> outputs = new ArrayList<>();
            for (Process child : children) {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                assertEquals("READY", out.readLine());
                outputs.add(out);
            }
            for (Process child : children) {
                OutputStream in = child.getOutputStream();
                in.write("GO\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            List<String> applied = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                String line = outputs.get(i).readLine();
                assertTrue(line != null && line.startsWith("APPLIED"), "child said: " + line);
                String versions = line.substring("APPLIED".length()).strip();
                if (!versions.isEmpty()) {
                    applied.addAll(List.of(versions.split(",")));
                }
                assertTrue(children.get(i).waitFor(30, TimeUnit.SECONDS));
                assertEquals(0, children.get(i).exitValue());
            }
            assertExactlyOnce(applied);
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }

    private void assertExactlyOnce(List<String> applied) throws Exception {
        assertEquals(List.of("001", "002", "003"), applied.stream().sorted().toList(),
                "each migration applied by exactly one runner");
        assertEquals(List.of("001", "002", "003"), db.column("SELECT version FROM tb_log ORDER BY version"));
        assertEquals(List.of("001", "002", "003"), db.column("SELECT version FROM tb_confiture ORDER BY version"));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
