package dev.fraise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.error.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatchetTest {

    private static Problem problem(String code, String path, int line) {
        return Problem.builder(code, Level.ERROR).path(path).group(path.split("\\.")[0])
                .at(new SourceLocation(Path.of("schema.graphql"), line, 3)).object("v_post")
                .jsonPath("$." + path.substring(path.indexOf('.') + 1)).message(path + " is wrong").build();
    }

    private static GateReport report(Problem... problems) {
        return GateReport.of(Gate.CHECK, List.of("1 type checked"), List.of(GateReport.Case.checked("Post")),
                List.of(problems));
    }

    private static List<Problem.Status> statuses(GateReport report) {
        return report.problems().stream().map(p -> p.status().orElseThrow()).toList();
    }

    @Test
    void headAddingOneErrorToThreeFailsOnTheNewOneOnly() {
        GateReport base = report(problem("FIELD_MISSING", "Post.a", 3), problem("FIELD_MISSING", "Post.b", 4),
                problem("FIELD_NULLABLE", "Post.c", 5));
        // every line moved by two: matched by code and path, not by line
        GateReport head = report(problem("FIELD_MISSING", "Post.a", 5), problem("FIELD_MISSING", "Post.b", 6),
                problem("FIELD_NULLABLE", "Post.c", 7), problem("FIELD_MISSING", "Post.d", 8));

        GateReport ratcheted = Ratchet.compare(head, base, "git ref origin/main");

        assertEquals(List.of(Problem.Status.EXISTING, Problem.Status.EXISTING, Problem.Status.EXISTING,
                Problem.Status.NEW), statuses(ratcheted));
        assertFalse(ratcheted.passed());
        assertEquals(List.of("Post.d"), ratcheted.problems().stream().filter(p -> p.fails(Level.ERROR))
                .map(Problem::path).toList());
        assertEquals(List.of("1 type checked", "against git ref origin/main: 1 new error, 3 existing errors, 0 fixed"),
                ratcheted.coverage());
    }

    @Test
    void aProblemOnlyTheBaseHasIsFixedAndTheRestPasses() {
        GateReport base = report(problem("FIELD_MISSING", "Post.a", 3), problem("FIELD_MISSING", "Post.b", 4));
        GateReport head = report(problem("FIELD_MISSING", "Post.b", 3));

        GateReport ratcheted = Ratchet.compare(head, base, "base");

        assertEquals(List.of(Problem.Status.EXISTING, Problem.Status.FIXED), statuses(ratcheted));
        assertEquals("Post.a", ratcheted.problems().get(1).path());
        assertTrue(ratcheted.passed());
        assertEquals(1, ratcheted.counts().errors());
        assertEquals("against base: 0 new errors, 1 existing error, 1 fixed", ratcheted.coverage().get(1));
        assertFalse(head.passed(), "without the base, the existing error fails");
    }

    @Test
    void existingWarningsAreCountedApartFromExistingErrors() {
        Problem warning = Problem.builder("SCALAR_UNMAPPED", Level.WARNING).path("Post.w").group("Post")
                .message("Post.w has an unmapped scalar").build();
        GateReport base = report(problem("FIELD_MISSING", "Post.a", 3), problem("FIELD_MISSING", "Post.b", 4),
                warning);
        GateReport head = report(problem("FIELD_MISSING", "Post.a", 3), problem("FIELD_MISSING", "Post.b", 4),
                warning, problem("FIELD_MISSING", "Post.c", 5));

        GateReport ratcheted = Ratchet.compare(head, base, "base");

        assertEquals("against base: 1 new error, 2 existing errors (1 existing warning), 0 fixed",
                ratcheted.coverage().get(1));
        assertEquals("1 new error (1 new warning), 0 existing errors, 0 fixed",
                Ratchet.counts(Ratchet.compare(report(problem("FIELD_MISSING", "Post.c", 5), warning), report(),
                        "base").problems()));
    }

    @Test
    void aFixedProblemIsCountedFixedNotSuppressed() {
        GateReport ratcheted = Ratchet.compare(report(), report(problem("FIELD_MISSING", "Post.a", 3)), "base");

        assertEquals(new GateReport.Counts(0, 0, 0, 0, 1), ratcheted.counts());
        String comment = GateReports.renderCombined(List.of(ratcheted), ReportFormat.MARKDOWN);
        assertTrue(comment.contains("| 0 | 0 | 0 |"), comment);
        String text = GateReports.renderCombined(List.of(ratcheted), ReportFormat.CONSOLE);
        assertTrue(text.contains("PASSED: 0 errors, 0 warnings, 0 suppressed, 1 fixed"), text);
        assertFalse(text.contains("[suppressed]"), text);
    }

    @Test
    void anotherCodeAtTheSamePathIsNewAndDuplicatesAreMatchedOneForOne() {
        GateReport base = report(problem("FIELD_MISSING", "Post.a", 3));
        GateReport head = report(problem("FIELD_NULLABLE", "Post.a", 3), problem("FIELD_MISSING", "Post.a", 3),
                problem("FIELD_MISSING", "Post.a", 9));

        assertEquals(List.of(Problem.Status.NEW, Problem.Status.EXISTING, Problem.Status.NEW),
                statuses(Ratchet.compare(head, base, "base")));
    }

    @Test
    void suppressedProblemsCountOnNeitherSide() {
        Problem suppressed = Problem.builder("FIELD_MISSING", Level.ERROR).path("Post.a").message("m")
                .suppressed(Problem.Suppression.Kind.EXTERNAL, "FRA-7").build();
        GateReport ratcheted = Ratchet.compare(report(suppressed), report(suppressed), "base");

        assertEquals(List.of(suppressed), ratcheted.problems());
        assertTrue(ratcheted.passed());
    }

    @Test
    void theCombinedCommentCountsAndListsNewErrorsThenExistingThenFixed() {
        GateReport base = report(problem("FIELD_MISSING", "Post.a", 3), problem("FIELD_MISSING", "Post.b", 4));
        GateReport head = report(problem("FIELD_MISSING", "Post.b", 4), problem("FIELD_MISSING", "Post.c", 5));

        String comment = GateReports.renderCombined(List.of(Ratchet.compare(head, base, "git ref origin/main")),
                ReportFormat.MARKDOWN);

        assertTrue(comment.contains("against git ref origin/main: 1 new error, 1 existing error, 1 fixed"), comment);
        int added = comment.indexOf("#### New errors (1)");
        int existing = comment.indexOf("<summary>1 existing problem</summary>");
        int fixed = comment.indexOf("<summary>1 fixed problem</summary>");
        assertTrue(added > 0 && added < existing && existing < fixed, comment);
        assertTrue(comment.substring(added, existing).contains("`Post.c`"), comment);
        assertFalse(comment.substring(added, existing).contains("`Post.b`"), comment);
        assertTrue(comment.substring(existing, fixed).contains("`Post.b`"), comment);
        assertTrue(comment.substring(fixed).contains("`Post.a`"), comment);
    }
}
