package dev.fraise.junit;

import dev.fraise.postgres.ProviderKind;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a disposable PostgreSQL database built from the project's Confiture schema directories.
 *
 * <h2>Creation</h2>
 * The first class that needs a given schema starts a server (one per JVM: an explicit server from
 * {@code FRAISE_DATABASE_URL}, else Testcontainers when Docker answers, else embedded PostgreSQL) and builds
 * the schema once, in one transaction, into a template database. Every class, or every test method with
 * {@link Isolation#PER_METHOD}, then gets its own {@code CREATE DATABASE ... TEMPLATE} clone; a background
 * thread keeps clones ready so that acquiring one takes a few milliseconds.
 *
 * <h2>Injection</h2>
 * Parameters of test methods, constructors and lifecycle methods, and fields annotated with
 * {@link FraiseInject}, of type {@link dev.fraise.database.Database} (name, JDBC URL, credentials,
 * {@code execute}, {@code queryJson}), {@link javax.sql.DataSource} or {@link java.sql.Connection}. A connection
 * is closed after the test (or after the class, for static fields and {@code @BeforeAll} parameters).
 *
 * <h2>Cleanup</h2>
 * Clones are dropped when their class or method ends; templates and the server at JVM exit. An embedded
 * server leaves no process or data directory behind, and those of a killed JVM are reaped on the next start.
 *
 * <h2>Migrations</h2>
 * With {@link #migrations()}, the template carries the project's migrations by Confiture's rule for a database that
 * already has the schema: the schema files build it, and every migration is recorded as applied in Confiture's
 * tracking table, with its checksum, without running ({@code confiture build}, then
 * {@code confiture migrate baseline}). The database is the DDL's: a migration that re-creates a view with an older
 * definition does not replace the DDL's one. A project without schema files (only {@code db/migrations}, perhaps
 * seeds) is built by running its migrations, each in its own transaction as {@code confiture migrate up} runs
 * them, then its seeds. That the DDL and the migrations agree is the drift gate's job ({@code fraise:drift}).
 *
 * <h2>Failures</h2>
 * A schema that does not build fails the class with the build error's code, file, line and PostgreSQL's
 * message, e.g. {@code BUILD_SQL_ERROR: db/schema/20_views/20_v_post.sql:7:10: relation "tb_usr" does not
 * exist (SQLSTATE 42P01)}; a migration likewise ({@code MIGRATION_SQL_ERROR}, {@code MIGRATION_*}). An attribute
 * or system property Fraise does not accept fails it with {@code SETTING_INVALID}, naming the setting, the value
 * and the accepted values: {@code SETTING_INVALID: @FraiseDatabase(postgresMajor) is '13'; accepted: 14 to 18}.
 * Config warnings ({@code CONFIG_UNKNOWN_KEY: db/environments/local.yaml:4: ...}) are logged at WARN, once per
 * JVM.
 *
 * <h2>Parallel execution</h2>
 * Safe under JUnit's parallel execution: each class (or method) has its own database.
 *
 * @see FraiseContracts the contract check as one dynamic test per GraphQL type and Query field
 * @see ViewAssertions JSON assertions on view rows
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FraiseExtension.class)
public @interface FraiseDatabase {

    /** The Confiture environment: {@code db/environments/<env>.yaml}. */
    String env() default "local";

    /** An explicit config file, relative to the project directory; empty to discover it. */
    String config() default "";

    /** Schema directories that replace the config's {@code include_dirs}, relative to the project directory. */
    String[] schemaDirs() default {};

    /** Whether seed files ({@code db/seeds}, any path component named {@code seed(s)}) are loaded. */
    boolean seeds() default false;

    /**
     * Whether the template carries the project's migrations ({@code db/migrations}, or the config's
     * {@code migrations_dir}) and Confiture's tracking table, so every clone does: recorded as applied over the
     * schema files' build, or run when the project has no schema file (see <em>Migrations</em> above). A missing
     * directory, an invalid file, or a migration that fails when run fails the class with its code, e.g.
     * {@code MIGRATION_SQL_ERROR: db/migrations/002_x.up.sql:3:5: ...}.
     */
    boolean migrations() default false;

    /** A fresh database per class (default) or per test method. */
    Isolation isolation() default Isolation.PER_CLASS;

    /** Where PostgreSQL comes from; {@link ProviderKind#AUTO} unless the {@code fraise.provider} property says otherwise. */
    ProviderKind provider() default ProviderKind.AUTO;

    /** The PostgreSQL major version (14–18); 0 for the provider's default (17 for embedded binaries). */
    int postgresMajor() default 0;

    /** The project directory; empty for the {@code fraise.project.dir} property or the working directory. */
    String projectDir() default "";

    /**
     * How many clones the background threads keep ready at first (0 to 16); each acquire that finds none ready adds
     * one, up to four times as many (see {@code PoolOptions.prefetch()}).
     */
    int prefetch() default 2;

    /**
     * How many clones are made at the same time, each on a thread and server session of its own (1 to 8); 0 for
     * {@code PoolOptions.DEFAULT_CLONE_THREADS} (the machine's cores plus one, at most 4).
     */
    int cloneThreads() default 0;
}
