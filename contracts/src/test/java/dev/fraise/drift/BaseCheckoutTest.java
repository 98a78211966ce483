package dev.fraise.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseCheckoutTest {

    @TempDir
    Path dir;

    @Test
    void aGitBaseIsExtractedWithGitAloneOnThePath() throws Exception {
        GitRepo repo = GitRepo.init(dir.resolve("repo"))
                .write("app/db/schema/10_tables/10_tb_post.sql", "CREATE TABLE tb_post (pk_post integer);\n")
                .write("app/db/migrations/001_init.up.sql", "SELECT 1;\n")
                .write("app/README.md", "not extracted\n")
                .commit("base");
        repo.write("app/db/schema/10_tables/10_tb_post.sql", "CREATE TABLE tb_post (pk_post bigint);\n")
                .commit("head");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("git"), onPath("git"));

        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BaseCheckoutChild.class.getName(),
                repo.root().resolve("app").toString(), "HEAD~1").redirectErrorStream(true);
        child.environment().put("PATH", bin.toString());
        Process process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        Files.delete(bin.resolve("git"));

        assertEquals(0, process.exitValue(), output);
        assertEquals(List.of("db/migrations/001_init.up.sql: SELECT 1;",
                "db/schema/10_tables/10_tb_post.sql: CREATE TABLE tb_post (pk_post integer);"),
                output.lines().filter(l -> l.startsWith("db/")).toList(), output);
    }

    private static Path onPath(String command) {
        return Arrays.stream(System.getenv("PATH").split(File.pathSeparator)).map(d -> Path.of(d, command))
                .filter(Files::isExecutable).findFirst().orElseThrow();
    }
}
