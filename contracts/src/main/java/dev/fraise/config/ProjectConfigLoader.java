package dev.fraise.config;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds and reads a project's Confiture configuration for one environment.
 *
 * <p>Two YAML forms are understood: Confiture's environment file ({@code db/environments/<env>.yaml}) and a
 * {@code confiture.yaml} with a top-level {@code environments:} map. {@code ${VAR}} and
 * {@code ${VAR:-default}} references in values are replaced from the given variables.
 */
public final class ProjectConfigLoader {

    /** The environment used when none is given. */
    public static final String DEFAULT_ENVIRONMENT = "local";

    private static final String ENVIRONMENTS_DIR = "db/environments";
    private static final String LEGACY_CONFIG = "confiture.yaml";
    private static final String YAML_SUFFIX = ".yaml";
    private static final Pattern NUMBERED_SCHEMA = Pattern.compile("\\d+_schema");
    private static final Pattern NUMBERED_SEEDS = Pattern.compile("\\d+_seeds?(?:[_-].*)?");

    private ProjectConfigLoader() {
    }

    /**
     * Loads the configuration of {@code environment}.
     *
     * <p>Without an explicit file the first of these applies: {@code db/environments/<env>.yaml},
     * {@code confiture.yaml}, a {@link ErrorCode#CONFIG_ENV_MISSING} failure when {@code db/environments}
     * holds only other environments, and finally the defaults: {@link ProjectConfig#defaults}, or FraiseQL's
     * numbered layout when there is no {@code db/schema} but exactly one {@code db/<digits>_schema}.
     *
     * @param projectDir  the project root; relative paths, including {@code configFile}, resolve against it
     * @param environment the environment name, {@code null} for {@value #DEFAULT_ENVIRONMENT}
     * @param configFile  the config file to read, {@code null} to discover it
     * @param variables   values for {@code ${VAR}} references (usually {@link System#getenv()}), may be {@code null}
     * @return the resolved configuration, with non-fatal problems in {@link ProjectConfig#warnings()}
     * @throws FraiseException {@code CONFIG_NOT_FOUND}, {@code CONFIG_INVALID}, {@code CONFIG_ENV_MISSING} or
     *                         {@code CONFIG_VARIABLE_UNDEFINED}, located at the file and line at fault
     */
    public static ProjectConfig load(Path projectDir, String environment, Path configFile,
                                     Map<String, String> variables) {
        Objects.requireNonNull(projectDir, "projectDir");
        Path root = projectDir.toAbsolutePath().normalize();
        String env = environment == null ? DEFAULT_ENVIRONMENT : environment;
        Path file;
        if (configFile != null) {
            file = root.resolve(configFile).normalize();
            if (!Files.isRegularFile(file)) {
                throw new FraiseException(ErrorCode.CONFIG_NOT_FOUND, "config file not found",
                        SourceLocation.of(display(root, file)));
            }
        } else {
            file = discover(root, env);
            if (file == null) {
                return defaults(root, env);
            }
        }
        Path display = display(root, file);
        YamlNodes nodes = new YamlNodes(display, new VariableSubstitutor(variables == null ? Map.of() : variables));
        return new ConfigReader(root, env, file, nodes).read(YamlFile.read(file, display));
    }

    /**
     * The config of a project without a config file: {@link ProjectConfig#defaults}, unless {@code db/schema} is
     * missing and exactly one {@code db/<digits>_schema} directory exists (FraiseQL's numbered layout,
     * {@code db/0_schema/01_write/...}): then that directory is the schema root, and the
     * {@code db/<digits>_seed[s][_...]} directories are seed directories.
     *
     * @throws FraiseException {@code BUILD_SCHEMA_ROOT_AMBIGUOUS} when several {@code db/<digits>_schema} exist
     */
    private static ProjectConfig defaults(Path root, String env) {
        ProjectConfig defaults = ProjectConfig.defaults(root, env);
        Path db = root.resolve("db");
        if (Files.isDirectory(db.resolve("schema")) || !Files.isDirectory(db)) {
            return defaults;
        }
        List<Path> schemas = directories(db, NUMBERED_SCHEMA);
        if (schemas.isEmpty()) {
            return defaults;
        }
        if (schemas.size() > 1) {
            throw new FraiseException(ErrorCode.BUILD_SCHEMA_ROOT_AMBIGUOUS, "no config file and no db/schema, and "
                    + schemas.size() + " numbered schema roots: " + schemas.stream().map(d -> "db/" + d.getFileName())
                    .collect(Collectors.joining(", ")) + "; name the one to build in db/environments/" + env
                    + YAML_SUFFIX + " (include_dirs)", SourceLocation.of(display(root, db)));
        }
        List<IncludeDir> dirs = new ArrayList<>();
        dirs.add(IncludeDir.required(schemas.get(0)));
        directories(db, NUMBERED_SEEDS).forEach(d -> dirs.add(IncludeDir.of(d)));
        return defaults.withIncludeDirs(dirs);
    }

    /** The directories directly in {@code dir} whose name matches {@code name}, sorted by name. */
    private static List<Path> directories(Path dir, Pattern name) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                    .filter(d -> name.matcher(d.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.FILE_READ_FAILED, "cannot list the directory: " + e,
                    SourceLocation.of(dir), e);
        }
    }

    /** The config file for {@code env}, or {@code null} when the project has none. */
    private static Path discover(Path root, String env) {
        Path environments = root.resolve(ENVIRONMENTS_DIR);
        Path envFile = environments.resolve(env + YAML_SUFFIX);
        if (Files.isRegularFile(envFile)) {
            return envFile;
        }
        Path legacy = root.resolve(LEGACY_CONFIG);
        if (Files.isRegularFile(legacy)) {
            return legacy;
        }
        List<String> available = environmentNames(environments);
        if (!available.isEmpty()) {
            throw new FraiseException(ErrorCode.CONFIG_ENV_MISSING, "environment '" + env + "' has no "
                    + ENVIRONMENTS_DIR + "/" + env + YAML_SUFFIX + " (available: " + String.join(", ", available) + ")",
                    SourceLocation.of(display(root, environments)));
        }
        return null;
    }

    private static List<String> environmentNames(Path environments) {
        if (!Files.isDirectory(environments)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(environments)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(YAML_SUFFIX))
                    .map(name -> name.substring(0, name.length() - YAML_SUFFIX.length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.CONFIG_INVALID, "cannot list environments: " + e.getMessage(),
                    SourceLocation.of(environments), e);
        }
    }

    /** The file relative to the project when it is inside it, else absolute. */
    private static Path display(Path root, Path file) {
        return file.startsWith(root) ? root.relativize(file) : file;
    }
}
