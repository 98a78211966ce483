package dev.fraise.report;

import dev.fraise.breaking.ChangeCode;
import dev.fraise.contract.FindingCode;
import dev.fraise.contract.Severity;
import dev.fraise.error.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The gates whose problems Fraise reports, in the order a combined report lists them. Each has an id (its report
 * files are named after it) and the codes it reports, which SARIF lists as rules.
 */
public enum Gate {
    /** The GraphQL contract check ({@code fraise:check}): {@code FindingCode}s. */
    CHECK("GraphQL contract check"),
    /** The migration drift gates ({@code fraise:drift}): DDL = migrations, and reversibility. */
    DRIFT("Migration drift"),
    /** The breaking-change gate ({@code fraise:diff}): {@code ChangeCode}s. */
    DIFF("Breaking changes"),
    /** The migration status of a real database ({@code fraise:status}): applied migrations edited or gone. */
    STATUS("Migration status");

    private final String title;

    Gate(String title) {
        this.title = title;
    }

    /** {@code check}, {@code drift}, {@code diff}, {@code status}: the goal's name, and the report files'. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a report calls it: {@code GraphQL contract check}. */
    public String title() {
        return title;
    }

    /**
     * How the gate names a level in text: the breaking-change gate's {@code BREAKING}, {@code DANGEROUS},
     * {@code SAFE}; the level's name for the others.
     */
    public String label(Level level) {
        if (this != DIFF) {
            return level.name();
        }
        return switch (level) {
            case ERROR -> "BREAKING";
            case WARNING -> "DANGEROUS";
            case NOTE -> "SAFE";
        };
    }

    /** The gate of {@code id}. */
    public static Optional<Gate> of(String id) {
        return Arrays.stream(values()).filter(g -> g.id().equals(id)).findFirst();
    }

    /** Every code the gate reports, in its enum's order. */
    List<Rule> rules() {
        return switch (this) {
            case CHECK -> Arrays.stream(FindingCode.values()).map(c -> new Rule(c.name(), CodeTexts.meaning(c),
                    CodeTexts.fix(c), c.severity() == Severity.ERROR ? Level.ERROR : Level.WARNING)).toList();
            case DRIFT -> Stream.of(ErrorCode.DRIFT_MISSING_IN_MIGRATED, ErrorCode.DRIFT_EXTRA_IN_MIGRATED,
                    ErrorCode.DRIFT_DEFINITION_DIFFERS, ErrorCode.MIGRATION_NOT_REVERSIBLE).map(RuleTexts::rule)
                    .toList();
            case DIFF -> Arrays.stream(ChangeCode.values()).map(RuleTexts::rule).toList();
            case STATUS -> Stream.of(ErrorCode.MIGRATION_CHECKSUM_MISMATCH, ErrorCode.MIGRATION_FILE_MISSING)
                    .map(RuleTexts::rule).toList();
        };
    }
}
