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

    private static final String EMPTY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public SchemaPlan {
        Objects.requireNonNull(projectDir, "projectDir");
        files = List.copyOf(files);
        Objects.requireNonNull(hash, "hash");
    }

    /** The plan of no file (a project whose migrations build everything): its hash is sha256 of nothing. */
    public static SchemaPlan empty(Path projectDir) {
        return new SchemaPlan(projectDir, List.of(), EMPTY_HASH, false);
    }

    /** Whether a file of the plan is a schema file, not seed data. */
    public boolean hasSchemaFiles() {
        return files.stream().anyMatch(f -> !f.seed());
    }
}
