package dev.fraise.migrate;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One migration of a project: {@code {version}_{name}.up.sql} and, optionally, its {@code .down.sql}.
 *
 * @param version  the file name's prefix before the first {@code _}, e.g. {@code 001} or {@code 20260228120530}
 * @param name     the rest of the name, e.g. {@code add_post_views}
 * @param upFile   the {@code .up.sql} file (absolute)
 * @param downFile the {@code .down.sql} file (absolute), if there is one
 * @param checksum sha256 hex of the {@code .up.sql} bytes, as Confiture records it in its tracking table
 */
public record Migration(String version, String name, Path upFile, Optional<Path> downFile, String checksum) {

    public Migration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(upFile, "upFile");
        Objects.requireNonNull(downFile, "downFile");
        Objects.requireNonNull(checksum, "checksum");
    }

    /** {@code {version}_{name}}, as Confiture names a migration. */
    public String id() {
        return version + "_" + name;
    }

    @Override
    public String toString() {
        return id();
    }
}
