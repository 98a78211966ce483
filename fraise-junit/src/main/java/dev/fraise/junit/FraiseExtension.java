package dev.fraise.junit;

import dev.fraise.Fraise;
import dev.fraise.FraiseSettings;
import dev.fraise.database.Database;
import dev.fraise.database.PoolOptions;
import dev.fraise.database.TemplatePool;
import dev.fraise.error.FraiseException;
import dev.fraise.error.InvalidSetting;
import dev.fraise.postgres.ServerSettings;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/** The extension behind {@link FraiseDatabase}; see there for what it does. */
final class FraiseExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    /** System property with the project directory when the annotation does not name one. */
    static final String PROJECT_DIR_PROPERTY = "fraise.project.dir";

    private static final Namespace NAMESPACE = Namespace.create(FraiseExtension.class);
    private static final List<Class<?>> INJECTABLE = List.of(Database.class, DataSource.class, Connection.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        FraiseDatabase config = annotation(context);
        TemplatePool pool = pool(context, config);
        if (config.isolation() == Isolation.PER_CLASS) {
            classStore(context).getOrComputeIfAbsent(new DatabaseKey(pool, Isolation.PER_CLASS),
                    k -> ScopedDatabase.acquire(pool, config), ScopedDatabase.class);
        }
        injectFields(context, null, true);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            injectFields(context, instance, false);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTABLE.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        boolean classScope = context.getTestMethod().isEmpty();
        return valueFor(parameter.getParameter().getType(), context, classScope,
                "parameter " + parameter.getParameter().getName() + " of " + parameter.getDeclaringExecutable());
    }

    /**
     * Injects the static fields of the test class ({@code instance} null), or the instance fields of
     * {@code instance}: the test instance or, for a {@code @Nested} test, one of its enclosing instances.
     */
    private void injectFields(ExtensionContext context, Object instance, boolean statics) {
        Class<?> testClass = statics ? context.getRequiredTestClass() : instance.getClass();
        for (Field field : AnnotationSupport.findAnnotatedFields(testClass, FraiseInject.class,
                f -> Modifier.isStatic(f.getModifiers()) == statics, HierarchyTraversalMode.TOP_DOWN)) {
            if (!INJECTABLE.contains(field.getType())) {
                throw new ExtensionConfigurationException("@FraiseInject field " + field.getName() + " of "
                        + testClass.getName() + " must be a Database, DataSource or Connection, not "
                        + field.getType().getName());
            }
            if (Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException("@FraiseInject field " + field.getName() + " must not be final");
            }
            Object value = valueFor(field.getType(), context, statics, "field " + field.getName());
            try {
                field.setAccessible(true);
                field.set(instance, value);
            } catch (IllegalAccessException e) {
                throw new ExtensionConfigurationException("cannot set @FraiseInject field " + field.getName(), e);
            }
        }
    }

    private Object valueFor(Class<?> type, ExtensionContext context, boolean classScope, String target) {
        Database database = database(context, classScope, target);
        if (type == Database.class) {
            return database;
        }
        if (type == DataSource.class) {
            return database.dataSource();
        }
        ExtensionContext.Store store = classScope ? classStore(context) : context.getStore(NAMESPACE);
        ScopedConnection connection = new ScopedConnection(openConnection(database));
        store.put(connection, connection);
        return connection.connection();
    }

    private Database database(ExtensionContext context, boolean classScope, String target) {
        FraiseDatabase config = annotation(context);
        TemplatePool pool = pool(context, config);
        if (config.isolation() == Isolation.PER_CLASS) {
            ScopedDatabase db = classStore(context).get(new DatabaseKey(pool, Isolation.PER_CLASS),
                    ScopedDatabase.class);
            if (db == null) {
                throw new ExtensionConfigurationException("no Fraise database for " + target
                        + ": the class's database was not prepared");
            }
            return db.database();
        }
        if (classScope) {
            throw new ExtensionConfigurationException(target + " needs a class-wide database, but "
                    + context.getRequiredTestClass().getSimpleName() + " uses isolation = PER_METHOD;"
                    + " inject it into test methods or instance fields instead");
        }
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(new DatabaseKey(pool, Isolation.PER_METHOD),
                        k -> ScopedDatabase.acquire(pool, config), ScopedDatabase.class)
                .database();
    }

    /** The shared pool for the annotation, looked up once per class (planning reads every schema file). */
    private static TemplatePool pool(ExtensionContext context, FraiseDatabase config) {
        return classStore(context).getOrComputeIfAbsent(config, c -> {
            try {
                return new PoolRef(Fraise.sharedPool(settings(config)));
            } catch (FraiseException e) {
                throw new FraiseSetupException(e);
            }
        }, PoolRef.class).pool();
    }

    /** The engine settings of the annotation; an attribute value Fraise does not accept is {@code SETTING_INVALID}. */
    static FraiseSettings settings(FraiseDatabase config) {
        Path projectDir = ProjectDirectories.resolve(config.projectDir());
        OptionalInt major = config.postgresMajor() == 0 ? OptionalInt.empty()
                : OptionalInt.of(ServerSettings.requireSupportedMajor(config.postgresMajor(),
                        "@FraiseDatabase(postgresMajor)"));
        int prefetch = PoolOptions.requireValidPrefetch(config.prefetch(), "@FraiseDatabase(prefetch)");
        int cloneThreads = cloneThreads(config.cloneThreads());
        FraiseSettings settings = FraiseSettings.forProject(projectDir)
                .withEnvironment(config.env())
                .withSchemaDirs(Arrays.stream(config.schemaDirs()).map(Path::of).toList())
                .withSeeds(config.seeds())
                .withMigrations(config.migrations())
                .withServer(new ServerSettings(config.provider(), Optional.empty(), major))
                .withPool(PoolOptions.DEFAULT.withPrefetch(prefetch).withCloneThreads(cloneThreads));
        return config.config().isEmpty() ? settings : settings.withConfigFile(projectDir.resolve(config.config()));
    }

    /** {@code @FraiseDatabase(cloneThreads)}: 0 for the machine's default, else 1 to the pool's maximum. */
    private static int cloneThreads(int value) {
        if (value == 0) {
            return PoolOptions.DEFAULT_CLONE_THREADS;
        }
        if (value < 0 || value > PoolOptions.MAX_CLONE_THREADS) {
            throw InvalidSetting.of("@FraiseDatabase(cloneThreads)", value, "0 (the machine's default) or 1 to "
                    + PoolOptions.MAX_CLONE_THREADS);
        }
        return value;
    }

    private static FraiseDatabase annotation(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), FraiseDatabase.class,
                        context.getEnclosingTestClasses())
                .orElseThrow(() -> new ExtensionConfigurationException(
                        context.getRequiredTestClass().getName() + " is not annotated with @FraiseDatabase"));
    }

    /** The store of the nearest class-level context. */
    private static ExtensionContext.Store classStore(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c.getStore(NAMESPACE);
    }

    private static Connection openConnection(Database database) {
        try {
            return database.dataSource().getConnection();
        } catch (SQLException e) {
            throw new ExtensionConfigurationException("cannot connect to " + database.name() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Where a scope's database is stored. Stores are looked up through their parents, so a {@code @Nested} class
     * shares its enclosing class's database when both build the same schema, and gets its own otherwise.
     */
    private record DatabaseKey(TemplatePool pool, Isolation isolation) {
    }

    /** The shared pool of an annotation; a holder, so that JUnit never closes the pool with the class. */
    private record PoolRef(TemplatePool pool) {
    }

    /** A database dropped when its JUnit scope ends; {@link FraiseContracts} finds its project directory. */
    @SuppressWarnings("deprecation")
    private record ScopedDatabase(Database database) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        static ScopedDatabase acquire(TemplatePool pool, FraiseDatabase config) {
            Database database = pool.acquire();
            ProjectDirectories.register(database, ProjectDirectories.resolve(config.projectDir()));
            return new ScopedDatabase(database);
        }

        @Override
        public void close() {
            ProjectDirectories.forget(database);
            database.close();
        }
    }

    /** A connection closed when its JUnit scope ends. */
    @SuppressWarnings("deprecation")
    private record ScopedConnection(Connection connection)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
