package dev.fraise.error;

/**
 * Stable, documented codes of every failure and warning Fraise reports. Codes never change meaning;
 * new ones are added at the end of their group. {@code docs/error-codes.md} lists them with fixes.
 */
public enum ErrorCode {
    /** An explicitly named config file does not exist. */
    CONFIG_NOT_FOUND,
    /** A config file is not valid YAML or has a value of the wrong type. */
    CONFIG_INVALID,
    /** A config key Fraise and Confiture do not know (warning). */
    CONFIG_UNKNOWN_KEY,
    /** The requested environment is not defined by the config. */
    CONFIG_ENV_MISSING,
    /** A {@code ${VAR}} reference names an environment variable that is not set. */
    CONFIG_VARIABLE_UNDEFINED,
    /**
     * A setting (system property, annotation attribute, plugin parameter) has a value Fraise does not accept; the
     * message names the setting, the value and the accepted values.
     */
    SETTING_INVALID,
    /**
     * A database password was given where it gets printed: a system property (test reports list them) or a plugin
     * parameter ({@code mvn -X} prints them) (warning).
     */
    SETTING_PASSWORD_EXPOSED,

    /** An include directory does not exist (and is not {@code auto_discover}). */
    BUILD_DIR_MISSING,
    /** The include directories hold no SQL files. */
    BUILD_NO_FILES,
    /** A schema file is not valid UTF-8. */
    BUILD_NOT_UTF8,
    /** A block comment is opened and never closed. */
    BUILD_UNCLOSED_COMMENT,
    /** A quoted string, quoted identifier or dollar-quoted body is never closed. */
    BUILD_UNTERMINATED_LITERAL,
    /** A schema file contains BEGIN, COMMIT or ROLLBACK, which would break the build's single transaction. */
    BUILD_TRANSACTION_CONTROL,
    /** PostgreSQL rejected a statement of a schema file. */
    BUILD_SQL_ERROR,
    /** A schema file needs a relation, function or type that a later file of the build creates. */
    BUILD_ORDER,
    /** Views of different schema files need each other, so no file order can build them. */
    BUILD_VIEW_CYCLE,
    /** No config and no {@code db/schema}, and several {@code db/<digits>_schema} directories could be the root. */
    BUILD_SCHEMA_ROOT_AMBIGUOUS,

    /** The configured PostgreSQL server cannot be reached or refused the login. */
    SERVER_UNREACHABLE,
    /** The configured server's role may not create databases. */
    SERVER_PERMISSION_DENIED,
    /** The requested provider cannot run here (no Docker daemon, missing library). */
    PROVIDER_UNAVAILABLE,
    /** The embedded PostgreSQL could not start. */
    EMBEDDED_START_FAILED,
    /** The JVM runs as root and {@code unshare -U} is not available, so PostgreSQL cannot start. */
    EMBEDDED_ROOT_WITHOUT_UNSHARE,
    /** No embedded PostgreSQL binaries for this platform, or of the requested major, are on the classpath. */
    EMBEDDED_BINARIES_MISSING,
    /** The server's major version differs from the requested one, or is older than Fraise supports (14). */
    SERVER_VERSION_MISMATCH,
    /** Creating or dropping a disposable database failed. */
    DATABASE_CLONE_FAILED,
    /** A template pool was asked for a clone after (or while) it was closed. */
    POOL_CLOSED,
    /**
     * The embedded provider's directory is not this user's own: owned by another user, group- or world-writable,
     * or a symbolic link, so its cached binaries and clusters cannot be trusted.
     */
    EMBEDDED_DIR_UNSAFE,

    /** A stored {@code pg_node_tree} could not be read (a PostgreSQL version Fraise does not know?). */
    INFERENCE_NODE_TREE_INVALID,
    /** Shape inference was asked for a view or table that does not exist. */
    INFERENCE_RELATION_MISSING,
    /** Reading the catalog for shape inference failed. */
    INFERENCE_CATALOG_FAILED,
    /** Sampling rows of a view to validate them against a shape failed. */
    SAMPLE_QUERY_FAILED,

    /** The migrations directory does not exist, but migrations were requested. */
    MIGRATION_DIR_MISSING,
    /** A migration file name does not follow {@code {version}_{name}.up.sql} / {@code .down.sql}. */
    MIGRATION_INVALID_NAME,
    /** Two migrations share a version. */
    MIGRATION_DUPLICATE_VERSION,
    /** A bare {@code {version}_{name}.sql} file, which is not run (warning). */
    MIGRATION_ORPHAN,
    /** A Python ({@code .py}) migration, which Fraise cannot run. */
    MIGRATION_UNSUPPORTED,
    /** Migration versions have different widths, so string order may not be the intended order (warning). */
    MIGRATION_VERSION_WIDTH,
    /** A migration file holds no statement (an error for {@code .up.sql}, a warning for {@code .down.sql}). */
    MIGRATION_EMPTY,
    /** A migration file controls transactions itself (ROLLBACK, ABORT, BEGIN with options, ...). */
    MIGRATION_TRANSACTION_CONTROL,
    /** PostgreSQL rejected a statement of a migration file. */
    MIGRATION_SQL_ERROR,
    /** An applied migration's file changed since it was applied (checksum differs). */
    MIGRATION_CHECKSUM_MISMATCH,
    /** The tracking table records a migration whose file no longer exists. */
    MIGRATION_FILE_MISSING,
    /** A migration to roll back has no {@code .down.sql} file. */
    MIGRATION_DOWN_MISSING,
    /** A target or baseline version names no migration file. */
    MIGRATION_TARGET_UNKNOWN,
    /** Another migration run held the migrations lock for longer than the lock timeout. */
    MIGRATION_LOCK_TIMEOUT,
    /** The tracking table name is not a plain, optionally schema-qualified identifier. */
    MIGRATION_TRACKING_TABLE_INVALID,
    /** A migration's {@code .down.sql} does not restore the schema its {@code .up.sql} started from. */
    MIGRATION_NOT_REVERSIBLE,

    /** An object the schema files define is missing from the database the migrations produce. */
    DRIFT_MISSING_IN_MIGRATED,
    /** The migrations produce an object the schema files do not define. */
    DRIFT_EXTRA_IN_MIGRATED,
    /** An object is defined differently by the schema files and by the migrations. */
    DRIFT_DEFINITION_DIFFERS,
    /** The base of a drift gate cannot be read: not a git repository, unknown ref, missing directory. */
    DRIFT_BASE_UNAVAILABLE,

    /** A configured GraphQL schema file or glob matches no readable file. */
    SDL_NOT_FOUND,
    /** A GraphQL schema file (SDL or introspection JSON) does not parse. */
    SDL_PARSE_ERROR,
    /** An {@code extend} in the SDL extends an undefined type, or adds a name its type already has. */
    SDL_EXTENSION_INVALID,
    /** A JSON schema file (introspection or FraiseQL) is not valid JSON. */
    SCHEMA_JSON_MALFORMED,
    /** A JSON schema file is neither an introspection result nor a FraiseQL schema. */
    SCHEMA_FORMAT_UNKNOWN,
    /** A FraiseQL schema file ({@code schema.json}, {@code schema.compiled.json}) has a value Fraise cannot read. */
    FRAISEQL_SCHEMA_INVALID,
    /** A FraiseQL schema names a type that no file declares and that is not a known scalar. */
    FRAISEQL_TYPE_UNDECLARED,
    /** Two FraiseQL schema files define the same type (or operation) differently. */
    FRAISEQL_TYPE_CONFLICT,
    /** A contract baseline file is missing or malformed. */
    CONTRACT_BASELINE_INVALID,
    /** A contract report file cannot be written (a directory in the way, no permission, a full disk). */
    REPORT_WRITE_FAILED,

    /** The GraphQL schema at the base of the breaking-change gate does not parse. */
    BREAKING_BASE_SDL_INVALID,
    /** The base a ratchet compares the contract findings with cannot be read, built or checked. */
    RATCHET_BASE_UNAVAILABLE,

    /** A schema, migration or project file or directory exists but cannot be read (permissions, an I/O error). */
    FILE_READ_FAILED,
    /** Reading the catalog of a drift gate's database failed. */
    CATALOG_READ_FAILED,
    /** A migration goal of the Maven plugin has no database to run on. */
    MIGRATION_DATABASE_MISSING,

    /**
     * The project's maven-surefire-plugin runs no JUnit 5 test (before 2.22.0, e.g. Maven 3.8's default 2.12.4)
     * though the project depends on JUnit Jupiter: its tests would silently not run and the build would pass.
     */
    SUREFIRE_RUNS_NO_JUNIT5,

    /**
     * Warning: an {@code include_dirs} (or {@code schema_dirs}) entry names a directory that does not exist; Confiture
     * skips it ({@code auto_discover}), so its files silently leave the build.
     */
    CONFIG_INCLUDE_DIR_MISSING,

    /** A GraphQL schema file (SDL or JSON) is not valid UTF-8. */
    SDL_NOT_UTF8,

    /** An SDL object, interface or input type declares no fields ({@code type Empty {}}), which GraphQL forbids. */
    SDL_TYPE_EMPTY
}
