package dev.fraise.drift;

import dev.fraise.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A throw-away git repository for drift gate tests. */
public final class GitRepo {

    private final Path root;

    private GitRepo(Path root) {
        this.root = root;
    }

    public static GitRepo init(Path root) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        GitRepo repo = new GitRepo(root);
        repo.git("init", "-q", "-b", "main");
        return repo;
    }

    public Path root() {
        return root;
    }

    public GitRepo write(String relative, String content) {
        TestFiles.write(root, relative, content);
        return this;
    }

    public GitRepo delete(String relative) {
        try {
            Files.delete(root.resolve(relative));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public GitRepo commit(String message) {
        git("add", "-A");
        git("-c", "user.name=Fraise Test", "-c", "user.email=test@fraise.dev", "-c", "commit.gpgsign=false",
                "commit", "-q", "--allow-empty", "-m", message);
        return this;
    }

    public String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output.strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
