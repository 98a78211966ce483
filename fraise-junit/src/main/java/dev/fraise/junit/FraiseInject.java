package dev.fraise.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a {@link FraiseDatabase} test class to receive the class's (or the current method's)
 * database as a {@link dev.fraise.database.Database}, {@link javax.sql.DataSource} or
 * {@link java.sql.Connection}. Static fields are set before {@code @BeforeAll} methods, instance fields before
 * each test.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FraiseInject {
}
