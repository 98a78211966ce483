package dev.fraise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes test fixture files. */
public final class TestFiles {

    private TestFiles() {
    }

    /** Writes a UTF-8 file under {@code dir}, creating its parents. */
    public static Path write(Path dir, String relative, String content) {
        return write(dir, relative, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes raw bytes under {@code dir}, creating its parents. */
    public static Path write(Path dir, String relative, byte[] content) {
        Path file = dir.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
