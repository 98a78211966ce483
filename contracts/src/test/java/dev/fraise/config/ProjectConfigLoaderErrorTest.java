package dev.fraise.config;

import static dev.fraise.config.ConfigTestSupport.assertFailure;
import static dev.fraise.config.ConfigTestSupport.load;
import static dev.fraise.config.ConfigTestSupport.write;

import dev.fraise.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectConfigLoaderErrorTest {

    private static final String ENV_FILE = "db/environments/local.yaml";

    @TempDir
    Path project;

    private void loadEnvFile(String yaml) {
        write(project, ENV_FILE, yaml);
        load(project, Map.of());
    }

    @Test
    void migrationTableIsRejected() {
        assertFailure(ErrorCode.CONFIG_INVALID, ENV_FILE + ":3",
                "migration_table is not supported by Confiture; use migration.tracking_table",
                () -> loadEnvFile("include_dirs:\n  - db/schema\nmigration_table: tb_migrations\n"));
    }

    @Test
    void malformedYamlReportsTheProblemLine() {
        assertFailure(ErrorCode.CONFIG_INVALID, ENV_FILE + ":3",
                "invalid YAML: mapping values are not allowed here",
                () -> loadEnvFile("name: local\nbuild:\n  sort_mode: hex: alphabetical\n"));
    }

    @Test
    void keyWithoutColonIsInvalidYaml() {
        assertFailure(ErrorCode.CONFIG_INVALID, ENV_FILE + ":5", "invalid YAML: could not find expected ':'",
                () -> loadEnvFile("name: local\ninclude_dirs:\n  - db/schema\n"
                        + "database_url postgresql://x\nbuild: {}\n"));
    }

    @Test
    void unclosedFlowSequenceIsInvalidYaml() {
        assertFailure(ErrorCode.CONFIG_INVALID, ENV_FILE + ":3",
                "invalid YAML: expected ',' or ']', but got :",
                () -> loadEnvFile("name: local\ninclude_dirs: [db/schema\nbuild: {}\n"));
    }

    @Test
    void environmentMissingFromEnvironmentsDirectoryListsTheOthers() {
        write(project, "db/environments/prod.yaml", "include_dirs: [db/schema]\n");
        write(project, "db/environments/ci.yaml", "include_dirs: [db/schema]\n");

        assertFailure(ErrorCode.CONFIG_ENV_MISSING, "db/environments",
                "environment 'staging' has no db/environments/staging.yaml (available: ci, prod)",
                () -> ProjectConfigLoader.load(project, "staging", null, Map.of()));
    }

    @Test
    void environmentMissingFromEnvironmentsMapListsTheDefinedOnes() {
        write(project, "confiture.yaml", """
                project:
                  name: blog
                environments:
                  local:
                    schema_dirs: [db/schema]
                  test:
                    schema_dirs: [db/schema]
                """);

        assertFailure(ErrorCode.CONFIG_ENV_MISSING, "confiture.yaml:3",
                "environment 'prod' is not defined under environments (defined: local, test)",
                () -> ProjectConfigLoader.load(project, "prod", null, Map.of()));
    }

    @Test
    void undefinedVariableReportsTheLineOfItsScalar() {
        assertFailure(ErrorCode.CONFIG_VARIABLE_UNDEFINED, ENV_FILE + ":4",
                "environment variable DB_PASSWORD is not set",
                () -> loadEnvFile("""
                        name: local
                        include_dirs:
                          - db/schema
                        database_url: postgresql://app:${DB_PASSWORD}@localhost/blog
                        """));
    }

    @Test
    void databaseUrlMustBePostgres() {
        assertFailure(ErrorCode.CONFIG_INVALID, ENV_FILE + ":1",
                "database_url must start with postgresql:// or postgres://",
                () -> loadEnvFile("database_url: mysql://localhost/blog\ninclude_dirs: [db/schema]\n"));
    }

    @Test
    void includeDirsMustBeAList() {
        assertFailure(ErrorCode.CONFIG_INVALID, ENV_FILE + ":2", "include_dirs must be a list, got '42'",
                () -> loadEnvFile("name: local\ninclude_dirs: 42\n"));
    }

    @Test
    void recursiveMustBeABoolean() {
        assertFailure(ErrorCode.CONFIG_INVALID, ENV_FILE + ":4",
                "include_dirs[1].recursive must be true or false, got 'maybe'",
                () -> loadEnvFile("include_dirs:\n  - db/a\n  - path: db/b\n    recursive: maybe\n"));
    }

    @Test
    void orderMustBeAnInteger() {
        assertFailure(ErrorCode.CONFIG_INVALID, ENV_FILE + ":3",
                "include_dirs[0].order must be an integer, got 'first'",
                () -> loadEnvFile("include_dirs:\n  - path: db/a\n    order: first\n"));
    }

    @Test
    void includeDirMappingNeedsAPath() {
        assertFailure(ErrorCode.CONFIG_INVALID, ENV_FILE + ":2", "include_dirs[0].path is required",
                () -> loadEnvFile("include_dirs:\n  - recursive: false\n"));
    }

    @Test
    void sortModeMustBeKnown() {
        assertFailure(ErrorCode.CONFIG_INVALID, ENV_FILE + ":3",
                "build.sort_mode must be alphabetical or hex, got 'random'",
                () -> loadEnvFile("include_dirs: [db/schema]\nbuild:\n  sort_mode: random\n"));
    }

    @Test
    void buildMustBeAMapping() {
        assertFailure(ErrorCode.CONFIG_INVALID, ENV_FILE + ":2", "build must be a mapping, got a list",
                () -> loadEnvFile("include_dirs: [db/schema]\nbuild: [hex]\n"));
    }

    @Test
    void portMustBeAnInteger() {
        write(project, "confiture.yaml", """
                environments:
                  local:
                    database:
                      host: localhost
                      port: fast
                """);

        assertFailure(ErrorCode.CONFIG_INVALID, "confiture.yaml:5",
                "environments.local.database.port must be an integer, got 'fast'", () -> load(project, Map.of()));
    }

    @Test
    void includeDirsIsRequired() {
        assertFailure(ErrorCode.CONFIG_INVALID, ENV_FILE, "include_dirs is required",
                () -> loadEnvFile("name: local\ndatabase_url: postgresql://localhost/blog\n"));
    }

    @Test
    void duplicateKeysAreRejected() {
        assertFailure(ErrorCode.CONFIG_INVALID, ENV_FILE + ":3", "duplicate key include_dirs",
                () -> loadEnvFile("include_dirs: [a]\nname: local\ninclude_dirs: [b]\n"));
    }

    @Test
    void configMustBeAMapping() {
        assertFailure(ErrorCode.CONFIG_INVALID, ENV_FILE + ":1", "the config must be a mapping of keys",
                () -> loadEnvFile("- db/schema\n"));
    }

    @Test
    void emptyFileIsInvalid() {
        assertFailure(ErrorCode.CONFIG_INVALID, ENV_FILE, "empty config", () -> loadEnvFile(""));
    }

    @Test
    void fileWithOnlyCommentsIsEmpty() {
        assertFailure(ErrorCode.CONFIG_INVALID, ENV_FILE, "empty config", () -> loadEnvFile("# nothing yet\n"));
    }

    @Test
    void nonUtf8FileIsInvalid() {
        byte[] latin1 = "name: local\ninclude_dirs:\n  - db/sch\u00e9ma\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        write(project, ENV_FILE, latin1);

        assertFailure(ErrorCode.CONFIG_INVALID, ENV_FILE + ":3", "config is not valid UTF-8",
                () -> load(project, Map.of()));
    }

    @Test
    void explicitConfigFileThatDoesNotExistIsNotFound() {
        assertFailure(ErrorCode.CONFIG_NOT_FOUND, "config/missing.yaml", "config file not found",
                () -> ProjectConfigLoader.load(project, "local", Path.of("config/missing.yaml"), Map.of()));
    }

    @Test
    void configOutsideTheProjectIsNamedAbsolutely(@TempDir Path elsewhere) {
        Path file = write(elsewhere, "shared.yaml", "include_dirs: 7\n").toAbsolutePath();

        assertFailure(ErrorCode.CONFIG_INVALID, file.toString().replace('\\', '/') + ":1",
                "include_dirs must be a list, got '7'",
                () -> ProjectConfigLoader.load(project, "local", file, Map.of()));
    }
}
