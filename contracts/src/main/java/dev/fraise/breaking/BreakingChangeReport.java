package dev.fraise.breaking;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the breaking-change gate found.
 *
 * @param base    what HEAD was compared with, e.g. {@code git ref origin/main (commit 1a2b3c4d5e6f)}
 * @param changes every change, breaking first, then dangerous, then safe, each group by path
 * @param elapsed wall time of the gate
 */
public record BreakingChangeReport(String base, List<SchemaChange> changes, Duration elapsed) {

    public BreakingChangeReport {
        Objects.requireNonNull(base, "base");
        changes = changes.stream().sorted(Comparator.comparing(SchemaChange::severity)
                .thenComparing(SchemaChange::path).thenComparing(SchemaChange::code)).toList();
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** The breaking changes. */
    public List<SchemaChange> breaking() {
        return of(ChangeSeverity.BREAKING);
    }

    /** The dangerous changes. */
    public List<SchemaChange> dangerous() {
        return of(ChangeSeverity.DANGEROUS);
    }

    /** The changes of one severity. */
    public List<SchemaChange> of(ChangeSeverity severity) {
        return changes.stream().filter(c -> c.severity() == severity).toList();
    }

    /** Whether no change is breaking. */
    public boolean passed() {
        return breaking().isEmpty();
    }

    /** A summary line followed by every change with its definitions. */
    public String render() {
        String summary = "breaking changes against " + base + ": " + breaking().size() + " breaking, "
                + dangerous().size() + " dangerous, " + of(ChangeSeverity.SAFE).size() + " safe in "
                + elapsed.toMillis() + " ms";
        return changes.isEmpty() ? summary
                : summary + "\n" + changes.stream().map(SchemaChange::render).collect(Collectors.joining("\n"));
    }
}
