package dev.fraise.junit;

import dev.fraise.database.Database;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/** The project directory each database handed out by {@link FraiseExtension} was built from. */
final class ProjectDirectories {

    private static final Map<Database, Path> BY_DATABASE = Collections.synchronizedMap(new WeakHashMap<>());

    private ProjectDirectories() {
    }

    static void register(Database database, Path projectDir) {
        BY_DATABASE.put(database, projectDir);
    }

    static void forget(Database database) {
        BY_DATABASE.remove(database);
    }

    /** The directory {@code database} was built from, when the extension handed it out. */
    static Optional<Path> of(Database database) {
        return Optional.ofNullable(BY_DATABASE.get(database));
    }

    /** The project directory for an annotation value: the value, else {@code fraise.project.dir}, else the cwd. */
    static Path resolve(String configured) {
        return Path.of(!configured.isEmpty() ? configured
                : System.getProperty(FraiseExtension.PROJECT_DIR_PROPERTY, "")).toAbsolutePath().normalize();
    }
}
