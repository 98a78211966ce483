package dev.fraise.drift;

import dev.fraise.config.IncludeDir;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.config.ProjectConfig;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project as it is at a {@link DriftBase}: for a git ref, its schema and migrations directories (and any extra
 * paths asked for) extracted from a {@code git archive} (a zip, read in Java: only {@code git} must be installed)
 * into a temporary directory that {@link #close()} deletes; for a directory, that directory itself.
 */
public final class BaseCheckout implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BaseCheckout.class);

    private final ProjectConfig config;
    private final String description;
    private final Path temporary;

    private BaseCheckout(ProjectConfig config, String description, Path temporary) {
        this.config = config;
        this.description = description;
        this.temporary = temporary;
    }

    /**
     * Materialises {@code base} for the project of {@code head}.
     *
     * @throws FraiseException {@code DRIFT_BASE_UNAVAILABLE}: not a git repository, unknown ref, a directory
     *                         outside the repository, a missing base directory, no git on the PATH
     */
    static BaseCheckout open(ProjectConfig head, DriftBase base) {
        return open(head, base, List.of());
    }

    /**
     * Materialises {@code base} for the project of {@code head}, with {@code extraPaths} (files or directories
     * relative to the project directory, e.g. the GraphQL schema files) extracted too when they exist at the base.
     *
     * @throws FraiseException {@code DRIFT_BASE_UNAVAILABLE} as {@link #open(ProjectConfig, DriftBase)}
     */
    public static BaseCheckout open(ProjectConfig head, DriftBase base, List<Path> extraPaths) {
        if (base instanceof DriftBase.Directory directory) {
            Path dir = directory.projectDir().toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new FraiseException(ErrorCode.DRIFT_BASE_UNAVAILABLE, "base directory does not exist",
                        SourceLocation.of(dir));
            }
            return new BaseCheckout(rebase(head, dir), base.describe(), null);
        }
        List<Path> extra = extraPaths.stream().map(p -> head.projectDir().resolve(p).normalize()).toList();
        return fromGit(head, ((DriftBase.GitRef) base).ref(), extra);
    }

    /**
     * What to extract for files given as paths or globs relative to the project directory (the GraphQL schema's
     * {@code schema/**}{@code /*.graphql}): each file, or the fixed directory a glob starts with.
     */
    public static List<Path> patternRoots(List<String> patterns) {
        List<Path> paths = new ArrayList<>();
        for (String pattern : patterns) {
            StringBuilder fixed = new StringBuilder();
            for (String segment : pattern.replace('\\', '/').split("/")) {
                if (segment.contains("*") || segment.contains("?") || segment.contains("{")
                        || segment.contains("[")) {
                    break;
                }
                fixed.append(fixed.length() == 0 ? "" : "/").append(segment);
            }
            paths.add(Path.of(fixed.length() == 0 ? "." : fixed.toString()));
        }
        return paths;
    }

    /** The head's configuration with every directory moved to the base. */
    public ProjectConfig config() {
        return config;
    }

    /** The base's project directory: extra paths are found relative to it. */
    public Path projectDir() {
        return config.projectDir();
    }

    /** E.g. {@code git ref origin/main (commit 1a2b3c4d5e6f)}. */
    public String description() {
        return description;
    }

    /**
     * Builds the base's schema files into a disposable database of {@code server} (an empty database when the
     * base has none), runs {@code work} on it, and drops it.
     *
     * @throws FraiseException a {@code BUILD_*} code, its message naming the base, when the base does not build
     */
    public void buildDatabase(PostgresServer server, Consumer<Connection> work) {
        buildDatabase(server, false, work);
    }

    /**
     * {@link #buildDatabase(PostgresServer, Consumer)}, with the base's own seed files too when {@code seeds} (as
     * HEAD's build loads HEAD's), so that what depends on rows is checked at the base as at HEAD.
     */
    public void buildDatabase(PostgresServer server, boolean seeds, Consumer<Connection> work) {
        GateDatabases.buildBase(server, this, seeds, work);
    }

    private static BaseCheckout fromGit(ProjectConfig head, String ref, List<Path> extra) {
        Path project = head.projectDir();
        GitCli.Result top = GitCli.tryRun(List.of("git", "-C", project.toString(), "rev-parse", "--show-toplevel"));
        if (top.exitCode() != 0) {
            throw new FraiseException(ErrorCode.DRIFT_BASE_UNAVAILABLE, "cannot read base " + ref
                    + ": the project is not in a git repository (" + GitCli.firstLine(top.error()) + ")",
                    SourceLocation.of(project));
        }
        Path root = realPath(Path.of(top.output()));
        GitCli.Result resolved = GitCli.tryRun(List.of("git", "-C", root.toString(), "rev-parse", "--verify",
                "--quiet", ref + "^{commit}"));
        if (resolved.exitCode() != 0 || resolved.output().isEmpty()) {
            throw new FraiseException(ErrorCode.DRIFT_BASE_UNAVAILABLE, "git ref '" + ref
                    + "' does not name a commit of " + root + " (fetch it, or check the spelling)");
        }
        String commit = resolved.output();
        Path projectInRepo = root.relativize(realPath(project));
        Set<String> paths = new LinkedHashSet<>();
        List<Path> wanted = new ArrayList<>(directories(head));
        wanted.addAll(extra);
        for (Path dir : wanted) {
            Path inRepo = projectInRepo.resolve(project.relativize(dir)).normalize();
            if (inRepo.startsWith("..")) {
                throw new FraiseException(ErrorCode.DRIFT_BASE_UNAVAILABLE, "directory is outside the git repository "
                        + root + ", so its base version cannot be read", SourceLocation.of(dir));
            }
            paths.add(inRepo.toString().isEmpty() ? "." : inRepo.toString().replace('\\', '/'));
        }
        Path temporary = createTemporary();
        try {
            Path tree = Files.createDirectories(temporary.resolve("tree"));
            List<String> existing = existingPaths(root, commit, paths);
            if (!existing.isEmpty()) {
                Path archive = temporary.resolve("base.zip");
                List<String> args = new ArrayList<>(List.of("archive", "--format=zip", "-0", "-o",
                        archive.toString(), commit, "--"));
                args.addAll(existing);
                GitCli.git(root, args.toArray(String[]::new));
                unzip(archive, tree);
                Files.delete(archive);
            }
            Path baseProject = Files.createDirectories(tree.resolve(projectInRepo.toString()));
            return new BaseCheckout(rebase(head, baseProject),
                    "git ref " + ref + " (commit " + commit.substring(0, Math.min(12, commit.length())) + ")",
                    temporary);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new FraiseException(ErrorCode.DRIFT_BASE_UNAVAILABLE, "cannot extract git ref " + ref + " into "
                    + temporary + ": " + e, null, e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    /**
     * Extracts the zip archive {@code git archive} wrote, in Java: no {@code tar} or {@code unzip} needed. A
     * symbolic link is extracted as a file holding its target, as git does where links are not supported.
     */
    private static void unzip(Path archive, Path target) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                Path to = target.resolve(entry.getName()).normalize();
                if (!to.startsWith(target)) {
                    throw new IOException("archive entry outside the extraction directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, to);
                    }
                }
            }
        }
    }

    /** The paths that exist in {@code commit}; {@code git archive} fails on a path that does not. */
    private static List<String> existingPaths(Path root, String commit, Set<String> paths) {
        List<String> existing = new ArrayList<>();
        for (String path : paths) {
            List<String> command = new ArrayList<>(List.of("git", "-C", root.toString(), "ls-tree", "--name-only",
                    commit, "--", path));
            GitCli.Result listed = GitCli.tryRun(command);
            if (listed.exitCode() == 0 && !listed.output().isEmpty()) {
                existing.add(path);
            }
        }
        return existing;
    }

    private static List<Path> directories(ProjectConfig config) {
        List<Path> dirs = new ArrayList<>();
        config.includeDirs().forEach(d -> dirs.add(d.path()));
        dirs.add(config.migrationsDir());
        return dirs;
    }

    private static ProjectConfig rebase(ProjectConfig head, Path baseProject) {
        List<IncludeDir> include = head.includeDirs().stream()
                .map(d -> new IncludeDir(move(head, baseProject, d.path()), d.recursive(), d.include(), d.exclude(),
                        d.autoDiscover(), d.order()))
                .toList();
        List<Path> exclude = head.excludeDirs().stream().map(d -> move(head, baseProject, d)).toList();
        return new ProjectConfig(baseProject, head.environment(), Optional.empty(), head.databaseUrl(), include,
                exclude, head.sortMode(), head.twoPass(), head.trackingTable(), move(head, baseProject, head.migrationsDir()),
                List.of());
    }

    private static Path move(ProjectConfig head, Path baseProject, Path path) {
        return baseProject.resolve(head.projectDir().relativize(path)).normalize();
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static Path createTemporary() {
        try {
            return Files.createTempDirectory("fraise-drift-base-");
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.DRIFT_BASE_UNAVAILABLE, "cannot create a temporary directory for"
                    + " the base in " + System.getProperty("java.io.tmpdir") + ": " + e, null, e);
        }
    }

    /** Deletes {@code dir}; what cannot be deleted is logged, never thrown over the gate's own outcome. */
    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("could not delete the extracted base {}: {}", dir, e.toString());
        }
    }

    /** Deletes the extracted base, if any. */
    @Override
    public void close() {
        deleteQuietly(temporary);
    }
}
