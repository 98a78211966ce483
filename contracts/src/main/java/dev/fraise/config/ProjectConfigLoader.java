package dev.fraise.config;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private ProjectConfigLoader() {
    }

    /**
     * Loads the configuration of {@code environment}.
     *
     * <p>Without an explicit file the first of these applies: {@code db/environments/<env>.yaml},
     * {@code confiture.yaml}, a {@link ErrorCode#CONFIG_ENV_MISSING} failure when {@code db/environments}
     * holds only other environments, and finally {@link ProjectConfig#defaults}.
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
                return ProjectConfig.defaults(root, env);
            }
        }
        Path display = display(root, file);
        YamlNodes nodes = new YamlNodes(display, new VariableSubstitutor(variables == null ? Map.of() : variables));
        return new ConfigReader(root, env, file, nodes).read(YamlFile.read(file, display));
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
