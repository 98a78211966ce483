package dev.fraise.build;

import dev.fraise.config.IncludeDir;
import dev.fraise.config.ProjectConfig;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Collects a project's schema files as Confiture does (include/exclude globs, legacy {@code exclude_dirs},
 * seed detection, one global sort) and hashes them.
 */
public final class SchemaPlanner {

    private static final Pattern SEED_COMPONENT = Pattern.compile("(^|[_-])seeds?($|[_-])", Pattern.CASE_INSENSITIVE);

    private SchemaPlanner() {
    }

    /**
     * Plans the build of {@code config}'s schema.
     *
     * @param config the project configuration
     * @param seeds  whether seed files are included
     * @return the ordered files and their hash
     * @throws FraiseException {@code BUILD_DIR_MISSING} or {@code BUILD_NO_FILES}
     */
    public static SchemaPlan plan(ProjectConfig config, boolean seeds) {
        List<Path> missing = new ArrayList<>();
        List<Path> candidates = new ArrayList<>();
        for (IncludeDir dir : config.includeDirs()) {
            if (!Files.isDirectory(dir.path())) {
                if (!dir.autoDiscover()) {
                    throw new FraiseException(ErrorCode.BUILD_DIR_MISSING,
                            "schema directory does not exist", SourceLocation.of(display(config, dir.path())));
                }
                missing.add(dir.path());
                continue;
            }
            for (Path file : collect(dir)) {
                if (config.excludeDirs().stream().noneMatch(file::startsWith)) {
                    candidates.add(file);
                }
            }
        }
        // Confiture's base_dir: the common parent of the include dirs; seeds are judged below its parent
        Path hashRoot = commonParent(config.includeDirs().stream().map(IncludeDir::path).toList());
        List<Path> selected = candidates.stream().filter(f -> seeds || !isSeed(hashRoot, f)).toList();
        if (selected.isEmpty()) {
            throw new FraiseException(ErrorCode.BUILD_NO_FILES, "no SQL files found in "
                    + config.includeDirs().stream()
                            .map(d -> display(config, d.path()) + (missing.contains(d.path()) ? " (missing)" : ""))
                            .collect(Collectors.joining(", ")));
        }
        List<Path> ordered = ConfitureOrder.sort(selected, config.sortMode());
        List<SchemaFile> files = ordered.stream()
                .map(f -> new SchemaFile(f, display(config, f), slashes(hashRoot.relativize(f)), isSeed(hashRoot, f)))
                .toList();
        return new SchemaPlan(config.projectDir(), files, hash(files), config.twoPass());
    }

    /**
     * Confiture's discovery for one include dir: per include pattern {@code rglob} (or {@code glob} when not
     * recursive), minus files whose relative path {@code match}es an exclude pattern. A file matched by two
     * patterns is listed twice, as in Confiture.
     */
    private static List<Path> collect(IncludeDir dir) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir.path())) {
            files = walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.FILE_READ_FAILED, "cannot list the schema directory: " + e,
                    SourceLocation.of(dir.path()), e);
        }
        List<Path> result = new ArrayList<>();
        for (String pattern : dir.include()) {
            for (Path file : files) {
                List<String> rel = components(dir.path().relativize(file));
                boolean included = dir.recursive() ? PythonGlob.rglob(pattern, rel) : PythonGlob.glob(pattern, rel);
                if (included && dir.exclude().stream().noneMatch(x -> PythonGlob.match(x, rel))) {
                    result.add(file);
                }
            }
        }
        return result;
    }

    private static List<String> components(Path relative) {
        List<String> parts = new ArrayList<>(relative.getNameCount());
        for (Path part : relative) {
            parts.add(part.toString());
        }
        return parts;
    }

    /**
     * Confiture's {@code is_seed_path(file, anchor=base_dir.parent)}: a component at or below the common parent
     * of the include dirs is {@code seed}/{@code seeds} as a whole token. Directories above it do not count.
     */
    private static boolean isSeed(Path baseDir, Path file) {
        Path anchor = baseDir.getParent();
        Path judged = anchor != null && file.startsWith(anchor) ? anchor.relativize(file) : file;
        for (Path component : judged) {
            if (SEED_COMPONENT.matcher(component.toString()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Confiture's {@code _find_common_parent}: a single include dir is its own base; several share the longest
     * common component prefix.
     */
    private static Path commonParent(List<Path> dirs) {
        Path common = dirs.get(0);
        for (Path dir : dirs) {
            while (!dir.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common;
    }

    private static Path display(ProjectConfig config, Path path) {
        return path.startsWith(config.projectDir()) ? config.projectDir().relativize(path) : path;
    }

    private static byte[] read(SchemaFile file) {
        try {
            return Files.readAllBytes(file.path());
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.FILE_READ_FAILED, "cannot read the schema file: " + e,
                    SourceLocation.of(file.displayPath()), e);
        }
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static String hash(List<SchemaFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (SchemaFile file : files) {
                digest.update(file.hashPath().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(read(file));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

}
