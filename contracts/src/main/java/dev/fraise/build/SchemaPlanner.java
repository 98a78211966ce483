package dev.fraise.build;

import dev.fraise.config.IncludeDir;
import dev.fraise.config.ProjectConfig;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
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
        List<Candidate> candidates = new ArrayList<>();
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
                    candidates.add(new Candidate(file, isSeed(dir.path(), file)));
                }
            }
        }
        List<Candidate> selected = candidates.stream().filter(c -> seeds || !c.seed()).toList();
        if (selected.isEmpty()) {
            throw new FraiseException(ErrorCode.BUILD_NO_FILES, "no SQL files found in "
                    + config.includeDirs().stream()
                            .map(d -> display(config, d.path()) + (missing.contains(d.path()) ? " (missing)" : ""))
                            .collect(Collectors.joining(", ")));
        }
        Path hashRoot = commonParent(config.includeDirs().stream().map(IncludeDir::path).toList());
        Set<Path> seedFiles = selected.stream().filter(Candidate::seed).map(Candidate::file).collect(Collectors.toSet());
        List<Path> ordered = ConfitureOrder.sort(selected.stream().map(Candidate::file).toList(), config.sortMode());
        List<SchemaFile> files = ordered.stream()
                .map(f -> new SchemaFile(f, display(config, f), slashes(hashRoot.relativize(f)), seedFiles.contains(f)))
                .toList();
        return new SchemaPlan(config.projectDir(), files, hash(files));
    }

    private static List<Path> collect(IncludeDir dir) {
        List<PathMatcher> includes = matchers(dir.include());
        List<PathMatcher> excludes = matchers(dir.exclude());
        try (Stream<Path> walk = Files.walk(dir.path(), dir.recursive() ? Integer.MAX_VALUE : 1)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> {
                        Path rel = dir.path().relativize(f);
                        return matchesAny(includes, rel, dir.recursive()) && !matchesAny(excludes, rel, true);
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.path(), e);
        }
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        List<PathMatcher> result = new ArrayList<>();
        for (String glob : globs) {
            result.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            if (glob.startsWith("**/")) {
                result.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
            }
        }
        return result;
    }

    /** Python's rglob/match semantics: a pattern without a slash matches the file name at any depth. */
    private static boolean matchesAny(List<PathMatcher> matchers, Path relative, boolean anyDepth) {
        for (PathMatcher m : matchers) {
            if (m.matches(relative)) {
                return true;
            }
            if (anyDepth) {
                for (int i = 1; i < relative.getNameCount(); i++) {
                    if (m.matches(relative.subpath(i, relative.getNameCount()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isSeed(Path includeRoot, Path file) {
        if (includeRoot.getFileName() != null && SEED_COMPONENT.matcher(includeRoot.getFileName().toString()).find()) {
            return true;
        }
        for (Path component : includeRoot.relativize(file)) {
            if (SEED_COMPONENT.matcher(component.toString()).find()) {
                return true;
            }
        }
        return false;
    }

    private static Path commonParent(List<Path> dirs) {
        Path common = dirs.get(0).getParent() == null ? dirs.get(0) : dirs.get(0).getParent();
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

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static String hash(List<SchemaFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (SchemaFile file : files) {
                digest.update(file.hashPath().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file.path()));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private record Candidate(Path file, boolean seed) {
    }
}
