package dev.fraise.drift;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a drift gate found.
 *
 * @param gate       which gate ran, e.g. {@code DDL = migrations}
 * @param base       what the migrations started from, e.g. {@code git ref origin/main}; empty for integrity
 * @param migrations the migrations the gate applied or checked ({@code version_name}), in order
 * @param findings   the findings; empty when the gate passes
 * @param elapsed    wall time of the gate
 */
public record DriftReport(String gate, String base, List<String> migrations, List<DriftFinding> findings,
                          Duration elapsed) {

    public DriftReport {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(base, "base");
        migrations = List.copyOf(migrations);
        findings = List.copyOf(findings);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Whether the gate found nothing. */
    public boolean passed() {
        return findings.isEmpty();
    }

    /** A summary line followed by every finding with its definitions. */
    public String render() {
        String summary = gate + (base.isEmpty() ? "" : " against " + base) + ": " + migrations.size()
                + " migration(s) " + migrations + ", " + (passed() ? "no findings" : findings.size() + " finding(s)")
                + " in " + elapsed.toMillis() + " ms";
        return findings.isEmpty() ? summary
                : summary + "\n" + findings.stream().map(DriftFinding::render).collect(Collectors.joining("\n"));
    }
}
