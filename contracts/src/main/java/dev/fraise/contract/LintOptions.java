package dev.fraise.contract;

import java.util.Objects;
import java.util.Set;

/**
 * Options of the naming lint that runs with every contract check.
 *
 * @param enabled  whether the lint runs
 * @param severity the severity of its findings ({@code LINT_*}); {@code ERROR} makes them fail the check
 * @param excluded relations not linted, by name as reports show it ({@code tb_x}, or {@code schema.tb_x} outside
 *                 {@code public})
 */
public record LintOptions(boolean enabled, Severity severity, Set<String> excluded) {

    /** Confiture's migrations tracking table, which is not a FraiseQL entity table. */
    public static final String TRACKING_TABLE = "tb_confiture";

    /** On, warnings, Confiture's default tracking table excluded. */
    public static final LintOptions DEFAULT = new LintOptions(true, Severity.WARNING, Set.of(TRACKING_TABLE));

    public LintOptions {
        Objects.requireNonNull(severity, "severity");
        excluded = Set.copyOf(excluded);
    }
}
