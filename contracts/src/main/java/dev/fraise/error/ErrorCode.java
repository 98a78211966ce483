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
    /** The server's major version differs from the requested one. */
    SERVER_VERSION_MISMATCH,
    /** Creating or dropping a disposable database failed. */
    DATABASE_CLONE_FAILED,
    /** A requested feature is not available in this version of Fraise. */
    FEATURE_UNAVAILABLE,

    /** A stored {@code pg_node_tree} could not be read (a PostgreSQL version Fraise does not know?). */
    INFERENCE_NODE_TREE_INVALID,
    /** Shape inference was asked for a view or table that does not exist. */
    INFERENCE_RELATION_MISSING,
    /** Reading the catalog for shape inference failed. */
    INFERENCE_CATALOG_FAILED,
    /** Sampling rows of a view to validate them against a shape failed. */
    SAMPLE_QUERY_FAILED
}
