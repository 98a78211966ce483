package dev.fraise.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fraise.error.FraiseException;
import dev.fraise.sample.SampleReport;
import dev.fraise.sample.SampleValidator;
import dev.fraise.sample.Violation;
import dev.fraise.shape.ViewShape;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Soundness of shape inference on random schemas ({@link SchemaGrammar}): for every generated view and
 * {@code tv_} table, every real row must conform to the inferred shape — no value null where inferred non-null,
 * no key missing where inferred always present, no other JSON kind, no fraction where an integer is inferred, no
 * key a closed object lacks. Runs on the default PostgreSQL and in the {@code postgres-15} execution.
 *
 * <p>Each schema is generated from one seed, and each seed is one test named {@code seed N}. By default the seeds
 * are {@code 1} to {@value #DEFAULT_TRIES}, so CI is reproducible. A failure names its seed, prints the whole schema
 * script and, per failing relation, its definition, inferred tree and violations, and says how to rerun that schema
 * alone: {@code -Dfraise.property.seed=1234}. {@code -Dfraise.property.seed=random -Dfraise.property.tries=500}
 * runs 500 schemas of random seeds, each named in its test; {@code -Dfraise.property.tries=N} alone runs seeds
 * {@code 1} to {@code N}.
 */
class ShapeInferencePropertyTest {

    static final String SEED = "fraise.property.seed";
    static final String TRIES = "fraise.property.tries";
    static final int DEFAULT_TRIES = 100;

    private static final int ROW_LIMIT = 100_000;
    private static final int MAX_VIOLATIONS = 10;

    private static ScratchDatabase database;
    private static int schemas;
    private static int views;
    private static int projections;
    private static int open;
    private static int rows;
    private static int tableRows;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = ScratchDatabase.create();
    }

    @AfterAll
    static void report() throws SQLException {
        System.out.printf("ShapeInferencePropertyTest on PostgreSQL %d: %d schemas, %d views and %d tv_ tables"
                        + " inferred (%d with an open object), %d view rows checked against their shapes (%d table"
                        + " rows generated)%n", database.majorVersion(), schemas, views, projections, open, rows,
                tableRows);
        database.close();
    }

    @TestFactory
    Stream<DynamicTest> everyRealRowConformsToTheInferredShape() {
        return seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
    }

    /** The seeds to run: {@value #SEED} (one seed, or {@code random}) and {@value #TRIES}. */
    static LongStream seeds() {
        String seed = System.getProperty(SEED, "").strip();
        int tries = Integer.getInteger(TRIES, DEFAULT_TRIES);
        if (seed.isEmpty()) {
            return LongStream.rangeClosed(1, tries);
        }
        if ("random".equals(seed)) {
            return new SecureRandom().longs(tries, 0, Long.MAX_VALUE);
        }
        try {
            return LongStream.of(Long.parseLong(seed));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEED + " is a number or 'random', not '" + seed + "'", e);
        }
    }

    private static void check(long seed) throws SQLException {
        RandomSchema schema = SchemaGrammar.generate(new Random(seed), database.majorVersion());
        String rerun = "seed " + seed + " (rerun this schema alone: mvn -o -pl contracts test-compile surefire:test"
                + " -Dtest=ShapeInferencePropertyTest -D" + SEED + "=" + seed + ")";
        try (Connection connection = database.connect()) {
            try (Statement st = connection.createStatement()) {
                st.execute("SET statement_timeout = '20s'");
                st.execute("DROP SCHEMA public CASCADE");
                st.execute("CREATE SCHEMA public");
                for (String statement : schema.statements()) {
                    try {
                        st.execute(statement);
                    } catch (SQLException e) {
                        fail(rerun + ": the grammar generated invalid SQL: " + e.getMessage() + "\n" + statement, e);
                    }
                }
            }
            List<ViewShape> shapes = ShapeInference.load(connection).inferAll();
            assertEquals(schema.views().size() + schema.projections().size(), shapes.size(),
                    rerun + ": every view and tv_ table is inferred");
            SampleValidator validator = new SampleValidator(ROW_LIMIT, MAX_VIOLATIONS);
            List<String> failures = new ArrayList<>();
            int checked = 0;
            for (ViewShape shape : shapes) {
                if (shape.relation().startsWith("tv_f")) {
                    assertTrue(shape.origin().contains(".data is written by "), "a function-filled projection takes"
                            + " its shape from its sync function: " + shape.origin() + "\n" + schema.script());
                }
                SampleReport report;
                try {
                    report = validator.validate(connection, shape);
                } catch (FraiseException e) {
                    throw new AssertionError(rerun + ": the grammar generated a relation that fails when read: "
                            + e.getMessage() + "\n" + schema.script(), e);
                }
                checked += report.rowsChecked();
                open += shape.toTree().contains(" (open)") ? 1 : 0;
                if (!report.violations().isEmpty()) {
                    failures.add(describe(schema, shape, report));
                }
            }
            schemas++;
            views += schema.views().size();
            projections += schema.projections().size();
            rows += checked;
            tableRows += schema.tableRows();
            if (!failures.isEmpty()) {
                fail(rerun + ": " + failures.size() + " relations have rows that contradict their inferred shape:\n\n"
                        + String.join("\n", failures) + "\nSchema:\n" + schema.script());
            }
        }
    }

    private static String describe(RandomSchema schema, ViewShape shape, SampleReport report) {
        String relation = shape.relation();
        String definition = schema.views().stream().filter(v -> v.name().equals(relation)).findFirst()
                .map(RandomSchema.View::sql).orElse(relation + " (a projection)");
        StringBuilder out = new StringBuilder("== ").append(relation).append('\n').append(definition).append('\n')
                .append(shape.toTree());
        for (Violation violation : report.violations()) {
            out.append("  ").append(violation.kind()).append(' ').append(violation).append('\n');
        }
        return out.toString();
    }
}
