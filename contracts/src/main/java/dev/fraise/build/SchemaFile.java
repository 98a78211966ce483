package dev.fraise.build;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One SQL file of a schema build.
 *
 * @param path        absolute path of the file
 * @param displayPath the path shown in messages, relative to the project directory where possible
 * @param hashPath    the path that enters the schema hash, relative to the common parent of the include dirs
 * @param seed        whether Confiture treats the file as seed data
 */
public record SchemaFile(Path path, Path displayPath, String hashPath, boolean seed) {

    public SchemaFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(displayPath, "displayPath");
        Objects.requireNonNull(hashPath, "hashPath");
    }
}
