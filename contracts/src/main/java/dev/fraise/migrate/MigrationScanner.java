package dev.fraise.migrate;

import dev.fraise.config.ProjectConfig;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the migrations of a directory as Confiture does: {@code {version}_{name}.up.sql} with an optional
 * {@code .down.sql}, the version being the name's prefix before the first {@code _}, ordered as plain strings.
 *
 * <p>Errors (thrown, first in file-name order): a missing directory ({@code MIGRATION_DIR_MISSING}), a Python
 * migration ({@code MIGRATION_UNSUPPORTED}), a malformed name or a {@code .down.sql} without its {@code .up.sql}
 * ({@code MIGRATION_INVALID_NAME}), two migrations of one version ({@code MIGRATION_DUPLICATE_VERSION}), an
 * {@code .up.sql} without a statement ({@code MIGRATION_EMPTY}), and the file-level SQL problems of the schema
 * build (encoding, unclosed comments and literals). Warnings (in {@link MigrationSet#warnings()}): a bare
 * {@code .sql} file ({@code MIGRATION_ORPHAN}), versions of different widths ({@code MIGRATION_VERSION_WIDTH}),
 * an empty {@code .down.sql} ({@code MIGRATION_EMPTY}). Python files starting with {@code _} (so {@code __init__.py}),
 * other extensions and subdirectories are ignored.
 */
public final class MigrationScanner {

    private static final String UP = ".up.sql";
    private static final String DOWN = ".down.sql";
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9]+");

    private MigrationScanner() {
    }

    /**
     * Scans {@code directory}; messages show files relative to the working directory.
     *
     * @throws FraiseException see the class description
     */
    public static MigrationSet scan(Path directory) {
        return scan(directory, Path.of("").toAbsolutePath());
    }

    /**
     * Scans the project's migrations directory ({@code db/migrations} or {@code migrations_dir}); messages show
     * files relative to the project directory.
     *
     * @throws FraiseException see the class description
     */
    public static MigrationSet scan(ProjectConfig config) {
        return scan(config.migrationsDir(), config.projectDir());
    }

    private static MigrationSet scan(Path directory, Path displayRoot) {
        Path dir = directory.toAbsolutePath().normalize();
        Path root = displayRoot.toAbsolutePath().normalize();
        MigrationSet empty = new MigrationSet(dir, List.of(), List.of(), root);
        if (!Files.isDirectory(dir)) {
            throw new FraiseException(ErrorCode.MIGRATION_DIR_MISSING, "migrations directory does not exist;"
                    + " create it or set migrations_dir", empty.locate(dir));
        }
        Map<String, Path> ups = new TreeMap<>();
        Map<String, Path> downs = new LinkedHashMap<>();
        List<MigrationIssue> warnings = new ArrayList<>();
        for (Path file : files(dir)) {
            String fileName = file.getFileName().toString();
            if (fileName.endsWith(".py") && fileName.startsWith("_")) {
                continue;
            }
            if (fileName.endsWith(".py")) {
                String stem = fileName.substring(0, fileName.length() - 3);
                throw new FraiseException(ErrorCode.MIGRATION_UNSUPPORTED, "Python migrations cannot run in Fraise;"
                        + " convert it to " + stem + UP + " (the SQL of up()) and " + stem + DOWN
                        + " (the SQL of down())", empty.locate(file));
            }
            if (fileName.endsWith(UP)) {
                ups.put(fileName.substring(0, fileName.length() - UP.length()), file);
            } else if (fileName.endsWith(DOWN)) {
                downs.put(fileName.substring(0, fileName.length() - DOWN.length()), file);
            } else if (fileName.endsWith(".sql")) {
                String stem = fileName.substring(0, fileName.length() - 4);
                warnings.add(new MigrationIssue(ErrorCode.MIGRATION_ORPHAN, "not a migration, so never run;"
                        + " rename it to " + stem + UP + " (Confiture's `migrate fix` does)", empty.locate(file)));
            }
        }
        for (Map.Entry<String, Path> down : downs.entrySet()) {
            if (!ups.containsKey(down.getKey())) {
                throw new FraiseException(ErrorCode.MIGRATION_INVALID_NAME, "has no matching " + down.getKey() + UP,
                        empty.locate(down.getValue()));
            }
        }
        Map<String, Migration> byVersion = new TreeMap<>();
        for (Map.Entry<String, Path> up : ups.entrySet()) {
            Migration migration = migration(up.getKey(), up.getValue(), Optional.ofNullable(downs.get(up.getKey())),
                    empty, warnings);
            Migration clash = byVersion.putIfAbsent(migration.version(), migration);
            if (clash != null) {
                throw new FraiseException(ErrorCode.MIGRATION_DUPLICATE_VERSION, "version " + migration.version()
                        + " is also used by " + clash.upFile().getFileName() + "; give each migration its own version",
                        empty.locate(migration.upFile()));
            }
        }
        List<Migration> ordered = byVersion.values().stream()
                .sorted(Comparator.comparing(Migration::version)).toList();
        widthWarning(ordered, empty).ifPresent(warnings::add);
        return new MigrationSet(dir, ordered, warnings, root);
    }

    private static Migration migration(String stem, Path up, Optional<Path> down, MigrationSet display,
                                       List<MigrationIssue> warnings) {
        int underscore = stem.indexOf('_');
        if (underscore <= 0 || underscore == stem.length() - 1
                || !VERSION.matcher(stem.substring(0, underscore)).matches()) {
            throw new FraiseException(ErrorCode.MIGRATION_INVALID_NAME, "a migration is named {version}_{name}"
                    + UP + " with a version of letters and digits (e.g. 001_add_post_views" + UP + ")",
                    display.locate(up));
        }
        if (MigrationScript.read(up, display.display(up)).statements().isEmpty()) {
            throw new FraiseException(ErrorCode.MIGRATION_EMPTY, "the migration has no statement;"
                    + " write its SQL or delete the file", display.locate(up));
        }
        if (down.isPresent() && MigrationScript.read(down.get(), display.display(down.get())).statements().isEmpty()) {
            warnings.add(new MigrationIssue(ErrorCode.MIGRATION_EMPTY, "the down migration has no statement;"
                    + " rolling back will change nothing", display.locate(down.get())));
        }
        return new Migration(stem.substring(0, underscore), stem.substring(underscore + 1), up, down, sha256(up));
    }

    private static Optional<MigrationIssue> widthWarning(List<Migration> migrations, MigrationSet display) {
        if (migrations.isEmpty()) {
            return Optional.empty();
        }
        Migration first = migrations.get(0);
        return migrations.stream()
                .filter(m -> m.version().length() != first.version().length())
                .findFirst()
                .map(m -> new MigrationIssue(ErrorCode.MIGRATION_VERSION_WIDTH, "version " + m.version()
                        + " is not as wide as " + first.version() + "; versions are ordered as strings (10 before 9),"
                        + " so pad them to one width", display.locate(m.upFile())));
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.FILE_READ_FAILED, "cannot list the migrations directory: " + e,
                    SourceLocation.of(dir), e);
        }
    }

    /** sha256 hex of the file's bytes, as Confiture's {@code compute_checksum}. */
    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.FILE_READ_FAILED, "cannot read the migration: " + e,
                    SourceLocation.of(file), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
