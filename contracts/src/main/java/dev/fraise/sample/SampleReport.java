package dev.fraise.sample;

import java.util.List;

/**
 * The result of checking sampled rows of a relation.
 *
 * @param relation    the view or table sampled
 * @param rowsChecked how many rows were read
 * @param violations  the first violations found, in row order
 * @param truncated   whether more violations were found than reported
 */
public record SampleReport(String relation, int rowsChecked, List<Violation> violations, boolean truncated) {

    public SampleReport {
        violations = List.copyOf(violations);
    }

    /** Whether every sampled row conforms. */
    public boolean conforms() {
        return violations.isEmpty();
    }
}
