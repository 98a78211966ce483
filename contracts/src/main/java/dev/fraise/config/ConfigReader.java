package dev.fraise.config;

import dev.fraise.config.YamlNodes.Entry;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one config document in either supported form: a Confiture environment file, or a
 * {@code confiture.yaml} with a top-level {@code environments:} map. Unknown keys become warnings.
 */
final class ConfigReader {

    private static final Set<String> CONFITURE_KEYS = Set.of("name", "database_url", "include_dirs",
            "exclude_dirs", "build", "migration", "migration_table");
    private static final Set<String> CONFITURE_IGNORED = Set.of("superuser_dirs", "superuser_post_dirs",
            "auto_backup", "require_confirmation", "seed", "infrastructure", "pggit", "ssh_tunnel", "acls",
            "ownership", "function_coverage", "security_lint");
    private static final Set<String> BUILD_KEYS = Set.of("sort_mode", "two_pass");
    private static final Set<String> BUILD_IGNORED = Set.of("validate_comments", "separators", "lint");
    private static final Set<String> MIGRATION_KEYS = Set.of("tracking_table");
    private static final Set<String> MIGRATION_IGNORED = Set.of("strict_mode", "locking", "view_helpers",
            "snapshot_history", "snapshots_dir", "live_snapshot", "rebuild_threshold", "grant_dir",
            "allow_unsafe_under_replication", "migration_generators");
    private static final Set<String> INCLUDE_DIR_KEYS = Set.of("path", "recursive", "include", "exclude",
            "auto_discover", "order");
    private static final Set<String> SEED_BLOG_KEYS = Set.of("project", "environments");
    private static final Set<String> ENVIRONMENT_KEYS = Set.of("database", "schema_dirs", "migrations_dir",
            "include_dirs", "exclude_dirs", "build", "migration", "database_url");
    private static final Set<String> DATABASE_KEYS = Set.of("host", "port", "database", "user", "password");

    private final Path projectDir;
    private final String environment;
    private final Path source;
    private final YamlNodes nodes;
    private final List<ConfigWarning> warnings = new ArrayList<>();

    /**
     * @param projectDir  absolute, normalized project root
     * @param environment the environment to read
     * @param source      absolute path of the file read
     * @param nodes       the typed reader of that file
     */
    ConfigReader(Path projectDir, String environment, Path source, YamlNodes nodes) {
        this.projectDir = projectDir;
        this.environment = environment;
        this.source = source;
        this.nodes = nodes;
    }

    /** The config the document defines for the environment, detecting its form. */
    ProjectConfig read(Node document) {
        if (!(document instanceof MappingNode)) {
            throw nodes.invalid(document, "the config must be a mapping of keys");
        }
        Map<String, Entry> top = nodes.mapping(document, "");
        return top.containsKey("environments") ? readEnvironments(top) : readConfiture(top);
    }

    private ProjectConfig readConfiture(Map<String, Entry> top) {
        Entry legacyTable = top.get("migration_table");
        if (legacyTable != null) {
            throw nodes.invalid(legacyTable.keyNode(),
                    "migration_table is not supported by Confiture; use migration.tracking_table");
        }
        warnUnknown(top, CONFITURE_KEYS, CONFITURE_IGNORED);
        Node name = value(top, "name");
        if (name != null) {
            nodes.string(name, "name");
        }
        Node includeDirs = value(top, "include_dirs");
        if (includeDirs == null) {
            Entry empty = top.get("include_dirs");
            throw empty == null
                    ? new FraiseException(ErrorCode.CONFIG_INVALID, "include_dirs is required", nodes.locateFile())
                    : nodes.invalid(empty.keyNode(), "include_dirs is required");
        }
        return config(databaseUrl(top, ""), includeDirs(includeDirs, "include_dirs"), paths(top, "", "exclude_dirs"),
                build(top, ""), trackingTable(top, ""), projectDir.resolve("db/migrations"));
    }

    private ProjectConfig readEnvironments(Map<String, Entry> top) {
        warnUnknown(top, SEED_BLOG_KEYS, Set.of());
        Entry environments = top.get("environments");
        Map<String, Entry> defined = environments.value() == null
                ? Map.of() : nodes.mapping(environments.value(), "environments");
        Entry selected = defined.get(environment);
        if (selected == null) {
            String names = defined.isEmpty() ? "none" : String.join(", ", defined.keySet());
            throw new FraiseException(ErrorCode.CONFIG_ENV_MISSING, "environment '" + environment
                    + "' is not defined under environments (defined: " + names + ")",
                    nodes.locate(environments.keyNode()));
        }
        String prefix = selected.path() + ".";
        Map<String, Entry> env = selected.value() == null
                ? Map.of() : nodes.mapping(selected.value(), selected.path());
        warnUnknown(env, ENVIRONMENT_KEYS, Set.of());

        List<IncludeDir> includeDirs = new ArrayList<>();
        Node schemaDirs = value(env, "schema_dirs");
        if (schemaDirs != null) {
            List<Node> items = nodes.sequence(schemaDirs, prefix + "schema_dirs");
            for (int i = 0; i < items.size(); i++) {
                String itemName = prefix + "schema_dirs[" + i + "]";
                includeDirs.add(warnIfMissing(items.get(i), itemName, IncludeDir.of(path(items.get(i), itemName))));
            }
        }
        Node moreDirs = value(env, "include_dirs");
        if (moreDirs != null) {
            includeDirs.addAll(includeDirs(moreDirs, prefix + "include_dirs"));
        }
        if (includeDirs.isEmpty()) {
            includeDirs.add(IncludeDir.required(projectDir.resolve("db/schema")));
        }
        Optional<String> databaseUrl = databaseUrl(env, prefix);
        Node database = value(env, "database");
        if (databaseUrl.isEmpty() && database != null) {
            databaseUrl = Optional.of(databaseFromParts(database, prefix + "database"));
        }
        Node migrationsDir = value(env, "migrations_dir");
        return config(databaseUrl, includeDirs, paths(env, prefix, "exclude_dirs"), build(env, prefix),
                trackingTable(env, prefix), migrationsDir == null
                        ? projectDir.resolve("db/migrations") : path(migrationsDir, prefix + "migrations_dir"));
    }

    private ProjectConfig config(Optional<String> databaseUrl, List<IncludeDir> includeDirs, List<Path> excludeDirs,
                                 BuildOptions build, String trackingTable, Path migrationsDir) {
        return new ProjectConfig(projectDir, environment, Optional.of(source), databaseUrl, includeDirs,
                excludeDirs, build.sortMode(), build.twoPass(), trackingTable, migrationsDir, warnings);
    }

    private List<IncludeDir> includeDirs(Node node, String name) {
        List<Node> items = nodes.sequence(node, name);
        List<IncludeDir> dirs = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemName = name + "[" + i + "]";
            dirs.add(warnIfMissing(item, itemName,
                    item instanceof MappingNode ? includeDir(item, itemName) : IncludeDir.of(path(item, itemName))));
        }
        return dirs;
    }

    /**
     * Warns when a skippable entry's directory does not exist: Confiture drops it without a word, and with it every
     * file the author meant to build. A required one ({@code auto_discover: false}) fails the build later instead.
     */
    private IncludeDir warnIfMissing(Node item, String name, IncludeDir dir) {
        if (dir.autoDiscover() && !Files.isDirectory(dir.path())) {
            Path shown = dir.path().startsWith(projectDir) ? projectDir.relativize(dir.path()) : dir.path();
            warnings.add(new ConfigWarning(ErrorCode.CONFIG_INCLUDE_DIR_MISSING, name + " '"
                    + shown.toString().replace('\\', '/') + "' does not exist; its files are not built (skipped as auto_discover allows)",
                    nodes.locate(item)));
        }
        return dir;
    }

    private IncludeDir includeDir(Node node, String name) {
        Map<String, Entry> entries = nodes.mapping(node, name);
        warnUnknown(entries, INCLUDE_DIR_KEYS, Set.of());
        Node path = value(entries, "path");
        if (path == null) {
            throw nodes.invalid(node, name + ".path is required");
        }
        Node recursiveNode = value(entries, "recursive");
        boolean recursive = recursiveNode == null || nodes.bool(recursiveNode, name + ".recursive");
        Node include = value(entries, "include");
        Node exclude = value(entries, "exclude");
        Node autoDiscover = value(entries, "auto_discover");
        Node order = value(entries, "order");
        return new IncludeDir(path(path, name + ".path"), recursive,
                include != null ? nodes.strings(include, name + ".include")
                        : List.of(recursive ? "**/*.sql" : "*.sql"),
                exclude != null ? nodes.strings(exclude, name + ".exclude") : List.of(),
                autoDiscover == null || nodes.bool(autoDiscover, name + ".auto_discover"),
                order == null ? 0 : nodes.integer(order, name + ".order"));
    }

    private List<Path> paths(Map<String, Entry> entries, String prefix, String key) {
        Node node = value(entries, key);
        if (node == null) {
            return List.of();
        }
        List<Path> dirs = new ArrayList<>();
        List<Node> items = nodes.sequence(node, prefix + key);
        for (int i = 0; i < items.size(); i++) {
            dirs.add(path(items.get(i), prefix + key + "[" + i + "]"));
        }
        return dirs;
    }

    /** The {@code build:} section's {@code sort_mode} and {@code two_pass}. */
    private BuildOptions build(Map<String, Entry> entries, String prefix) {
        Map<String, Entry> build = section(entries, "build", BUILD_KEYS, BUILD_IGNORED);
        Node twoPass = value(build, "two_pass");
        return new BuildOptions(sortMode(value(build, "sort_mode"), prefix),
                twoPass != null && nodes.bool(twoPass, prefix + "build.two_pass"));
    }

    private SortMode sortMode(Node node, String prefix) {
        if (node == null) {
            return SortMode.ALPHABETICAL;
        }
        String name = prefix + "build.sort_mode";
        String mode = nodes.string(node, name);
        return switch (mode) {
            case "alphabetical" -> SortMode.ALPHABETICAL;
            case "hex" -> SortMode.HEX;
            default -> throw nodes.invalid(node, name + " must be alphabetical or hex, got '" + mode + "'");
        };
    }

    private String trackingTable(Map<String, Entry> entries, String prefix) {
        Map<String, Entry> migration = section(entries, "migration", MIGRATION_KEYS, MIGRATION_IGNORED);
        Node node = value(migration, "tracking_table");
        return node == null ? ProjectConfig.DEFAULT_TRACKING_TABLE
                : nodes.string(node, prefix + "migration.tracking_table");
    }

    private Optional<String> databaseUrl(Map<String, Entry> entries, String prefix) {
        Node node = value(entries, "database_url");
        if (node == null) {
            return Optional.empty();
        }
        String url = nodes.string(node, prefix + "database_url");
        if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
            throw nodes.invalid(node, prefix + "database_url must start with postgresql:// or postgres://");
        }
        return Optional.of(url);
    }

    /** {@code postgresql://user:password@host:port/database}, leaving out the parts that are not set. */
    private String databaseFromParts(Node node, String name) {
        Map<String, Entry> parts = nodes.mapping(node, name);
        warnUnknown(parts, DATABASE_KEYS, Set.of());
        StringBuilder url = new StringBuilder("postgresql://");
        Node user = value(parts, "user");
        Node password = value(parts, "password");
        if (user != null) {
            url.append(encode(nodes.string(user, name + ".user")));
            if (password != null) {
                url.append(':').append(encode(nodes.string(password, name + ".password")));
            }
            url.append('@');
        }
        Node host = value(parts, "host");
        if (host != null) {
            String hostName = nodes.string(host, name + ".host");
            url.append(hostName.contains(":") && !hostName.startsWith("[") ? "[" + hostName + "]" : hostName);
            Node portNode = value(parts, "port");
            int port = portNode == null ? 5432 : nodes.integer(portNode, name + ".port");
            if (port < 1 || port > 65535) {
                throw nodes.invalid(portNode, name + ".port must be between 1 and 65535, got " + port);
            }
            url.append(':').append(port);
        }
        Node database = value(parts, "database");
        if (database != null) {
            url.append('/').append(encode(nodes.string(database, name + ".database")));
        }
        return url.toString();
    }

    private Map<String, Entry> section(Map<String, Entry> entries, String key, Set<String> known,
                                       Set<String> ignored) {
        Entry entry = entries.get(key);
        if (entry == null || entry.value() == null) {
            return Map.of();
        }
        Map<String, Entry> section = nodes.mapping(entry.value(), entry.path());
        warnUnknown(section, known, ignored);
        return section;
    }

    private Path path(Node node, String name) {
        String text = nodes.string(node, name);
        try {
            return projectDir.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw nodes.invalid(node, name + " is not a valid path: " + e.getReason());
        }
    }

    private void warnUnknown(Map<String, Entry> entries, Set<String> known, Set<String> ignored) {
        for (Entry entry : entries.values()) {
            if (!known.contains(entry.key()) && !ignored.contains(entry.key())) {
                warnings.add(new ConfigWarning(ErrorCode.CONFIG_UNKNOWN_KEY,
                        "unknown key '" + entry.path() + "' (ignored)", nodes.locate(entry.keyNode())));
            }
        }
    }

    private static Node value(Map<String, Entry> entries, String key) {
        Entry entry = entries.get(key);
        return entry == null ? null : entry.value();
    }

    private record BuildOptions(SortMode sortMode, boolean twoPass) {
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
