package dev.fraise.report;

import dev.fraise.contract.ContractSummary;
import dev.fraise.contract.Finding;
import dev.fraise.contract.TypeResult;
import dev.fraise.error.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The pieces of text every format shares: where a finding is, one-line findings, counts, suppression kinds. */
final class FindingText {

    /** The prefix the contract checker gives reasons that come from a baseline file. */
    static final String BASELINE_PREFIX = "baseline: ";

    private FindingText() {
    }

    /** {@code schema/blog.graphql:16:3, v_post $.author.bio}, leaving out what a finding lacks ({@link Finding#where()}). */
    static String where(Finding finding) {
        return finding.where();
    }

    /**
     * {@code ERROR FIELD_NULLABLE Post.author.bio (schema.graphql:16:3, v_post $.author.bio): message [provenance]},
     * with {@code (suppressed: reason)} at the end of suppressed findings.
     */
    static String line(Finding finding) {
        String where = where(finding);
        return finding.severity() + " " + finding.code() + (finding.path().isEmpty() ? "" : " " + finding.path())
                + (where.isEmpty() ? "" : " (" + where + ")") + ": " + finding.message()
                + (finding.provenance().isEmpty() ? "" : " [" + finding.provenance() + "]")
                + finding.suppressed().map(r -> " (suppressed: " + r + ")").orElse("");
    }

    /**
     * What the checker did with a type: {@code checked against v_post (default v_post)}, and each other source
     * after it: {@code checked against v_post (@sqlSource on Post), tv_post (@sqlSource of Query.postsFast)}.
     */
    static String status(TypeResult type) {
        return switch (type.status()) {
            case CHECKED -> "checked against " + (type.sources().isEmpty()
                    ? type.view().orElse("?") + " (" + type.reason() + ")"
                    : type.sources().stream().map(FindingText::source).collect(Collectors.joining(", ")));
            case CHECKED_THROUGH_PARENT -> "checked through its parent (" + type.reason() + ")";
            case NOT_CHECKED -> "not checked (" + type.reason() + ")";
        };
    }

    /** {@code v_post (@sqlSource on Post)}, {@code tv_post.payload (…)} for a column other than {@code data}. */
    private static String source(TypeResult.Source source) {
        return source.view() + (source.column().equals("data") ? "" : "." + source.column()) + " (" + source.reason()
                + ")";
    }

    /** {@code 2 types checked against 1 view}. */
    static String scope(ContractSummary summary) {
        return count(summary.types(), "type") + " checked against " + count(summary.views(), "view");
    }

    /** {@code 1 error, 2 warnings, 0 suppressed}. */
    static String counts(ContractSummary summary) {
        return count(summary.errors(), "error") + ", " + count(summary.warnings(), "warning") + ", "
                + summary.suppressed() + " suppressed";
    }

    /** {@code 1 error}, {@code 2 errors}. */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Whether a suppressed finding was suppressed by a baseline file rather than by {@code @fraiseIgnore}. */
    static boolean byBaseline(Finding finding) {
        return finding.suppressed().map(r -> r.startsWith(BASELINE_PREFIX)).orElse(false);
    }

    /** The reason of a suppressed finding, without the baseline prefix. */
    static String justification(Finding finding) {
        String reason = finding.suppressed().orElse("");
        return reason.startsWith(BASELINE_PREFIX) ? reason.substring(BASELINE_PREFIX.length()) : reason;
    }

    /** A location's file with forward slashes, as the checker gave it (relative to the project directory). */
    static String file(SourceLocation location) {
        Path file = location.file();
        List<String> names = new ArrayList<>();
        file.forEach(name -> names.add(name.toString()));
        String joined = String.join("/", names);
        return file.getRoot() == null ? joined : file.getRoot().toString().replace('\\', '/') + joined;
    }
}
