package dev.fraise.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The ordered SQL files of a schema build and their content hash.
 *
 * @param projectDir the project root
 * @param files      the files, in build order
 * @param hash       sha256 hex over each file's relative path and bytes, in build order; it keys template databases
 * @param twoPass    Confiture's {@code build.two_pass}: the foreign keys of {@code CREATE TABLE} statements are
 *                   added after every file has run
 */
public record SchemaPlan(Path projectDir, List<SchemaFile> files, String hash, boolean twoPass) {

    public SchemaPlan {
        Objects.requireNonNull(projectDir, "projectDir");
        files = List.copyOf(files);
        Objects.requireNonNull(hash, "hash");
    }
}
