package dev.fraise.sample;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.shape.ViewShape;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Validates real rows of a view against an expected shape: reads up to {@code rowLimit} rows of {@code id} and
 * {@code data} and reports the first {@code maxViolations} violations with the row id and JSON path.
 */
public final class SampleValidator {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final int rowLimit;
    private final int maxViolations;

    /**
     * @param rowLimit      the most rows read per relation
     * @param maxViolations the most violations reported per relation
     */
    public SampleValidator(int rowLimit, int maxViolations) {
        if (rowLimit < 1 || maxViolations < 1) {
            throw new IllegalArgumentException("rowLimit and maxViolations must be positive");
        }
        this.rowLimit = rowLimit;
        this.maxViolations = maxViolations;
    }

    /** Checks the {@code data} of the rows of {@code expected.relation()} against {@code expected}. */
    public SampleReport validate(Connection connection, ViewShape expected) {
        return validate(connection, expected, "data");
    }

    /** Checks the JSON column {@code column} of the rows of {@code expected.relation()} against {@code expected}. */
    public SampleReport validate(Connection connection, ViewShape expected, String column) {
        return validate(connection, expected, column, UnaryOperator.identity());
    }

    /**
     * As {@link #validate(Connection, ViewShape, String)}, with each parsed value passed through {@code prepare}
     * first (the contract checker matches a field's candidate keys with it).
     */
    public SampleReport validate(Connection connection, ViewShape expected, String column,
            UnaryOperator<JsonNode> prepare) {
        String sql = "SELECT id::text, " + quote(column) + "::text FROM " + quote(expected.relation()) + " LIMIT ?";
        List<Violation> violations = new ArrayList<>();
        int rows = 0;
        boolean[] truncated = {false};
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setInt(1, rowLimit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    String id = rs.getString(1);
                    String data = rs.getString(2);
                    JsonNode value = data == null ? null : prepare.apply(MAPPER.readTree(data));
                    ShapeConformance.check(id, value, expected.data(), expected.nullability(), v -> {
                        if (violations.size() < maxViolations) {
                            violations.add(v);
                        } else {
                            truncated[0] = true;
                        }
                    });
                }
            }
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.SAMPLE_QUERY_FAILED, expected.relation() + ": " + e.getMessage(),
                    null, e);
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.SAMPLE_QUERY_FAILED, expected.relation()
                    + ": data is not valid JSON: " + e.getMessage(), null, e);
        }
        return new SampleReport(expected.relation(), rows, violations, truncated[0]);
    }

    private static String quote(String relation) {
        return Arrays.stream(relation.split("\\.", 2)).map(part -> "\"" + part.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining("."));
    }
}
