package dev.fraise.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fraise.error.FraiseException;
import dev.fraise.sample.SampleReport;
import dev.fraise.sample.SampleValidator;
import dev.fraise.sample.Violation;
import dev.fraise.shape.ViewShape;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Soundness of shape inference on random schemas ({@link SchemaGrammar}): for every generated view and
 * {@code tv_} table, every real row must conform to the inferred shape — no value null where inferred non-null,
 * no key missing where inferred always present, no other JSON kind, no fraction where an integer is inferred, no
 * key the shape lacks. Runs on the default PostgreSQL and in the {@code postgres-15} execution. A failure prints
 * jqwik's seed, the whole schema script and, per failing view, its definition, inferred tree and violations.
 */
class ShapeInferencePropertyTest {

    private static final int ROW_LIMIT = 100_000;
    private static final int MAX_VIOLATIONS = 10;

    private static ScratchDatabase database;
    private static int schemas;
    private static int views;
    private static int projections;
    private static int rows;
    private static int tableRows;

    @BeforeContainer
    static void createDatabase() throws SQLException {
        database = ScratchDatabase.create();
    }

    @AfterContainer
    static void report() throws SQLException {
        System.out.printf("ShapeInferencePropertyTest on PostgreSQL %d: %d schemas, %d views and %d tv_ tables"
                        + " inferred, %d view rows checked against their shapes (%d table rows generated)%n",
                database.majorVersion(), schemas, views, projections, rows, tableRows);
        database.close();
    }

    @Provide
    Arbitrary<RandomSchema> schemas() {
        return Arbitraries.randomValue(random -> SchemaGrammar.generate(random, database.majorVersion()));
    }

    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    void everyRealRowConformsToTheInferredShape(@ForAll("schemas") RandomSchema schema) throws SQLException {
        try (Connection connection = database.connect()) {
            try (Statement st = connection.createStatement()) {
                st.execute("SET statement_timeout = '20s'");
                st.execute("DROP SCHEMA public CASCADE");
                st.execute("CREATE SCHEMA public");
                for (String statement : schema.statements()) {
                    try {
                        st.execute(statement);
                    } catch (SQLException e) {
                        fail("the grammar generated invalid SQL: " + e.getMessage() + "\n" + statement, e);
                    }
                }
            }
            List<ViewShape> shapes = ShapeInference.load(connection).inferAll();
            assertEquals(schema.views().size() + schema.projections().size(), shapes.size(),
                    "every view and tv_ table is inferred");
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
                    throw new AssertionError("the grammar generated a relation that fails when read: "
                            + e.getMessage() + "\n" + schema.script(), e);
                }
                checked += report.rowsChecked();
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
                fail(failures.size() + " relations have rows that contradict their inferred shape:\n\n"
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
