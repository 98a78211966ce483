package dev.fraise.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A gate's problems against the same gate's problems at a base (the pull request's target branch), as SonarQube
 * judges "new code": a problem the base has too, matched by {@link Problem#fingerprint()} (code, path and JSON
 * path, never the line), is {@link Problem.Status#EXISTING}; one the base lacks is {@link Problem.Status#NEW}; one
 * only the base has is {@link Problem.Status#FIXED}, listed but not counted. The report then fails on new errors
 * only ({@link Problem#fails}).
 *
 * <pre>{@code
 * GateReport ratcheted = Ratchet.compare(GateReports.of(head), GateReports.of(base), "git ref origin/main");
 * }</pre>
 */
public final class Ratchet {

    private Ratchet() {
    }

    /**
     * {@code head}'s problems classified against {@code base}'s: {@code head}'s, in their order, then the fixed
     * ones. Suppressed problems keep no status (they count on neither side). The coverage gains a line such as
     * {@code against git ref origin/main: 1 new error, 2 existing errors (8 existing warnings), 0 fixed}
     * ({@link #counts}).
     *
     * @param against how to name the base in the report
     */
    public static GateReport compare(GateReport head, GateReport base, String against) {
        Map<String, Deque<Problem>> before = new LinkedHashMap<>();
        base.problems().stream().filter(Problem::active)
                .forEach(p -> before.computeIfAbsent(p.fingerprint(), k -> new ArrayDeque<>()).add(p));
        List<Problem> problems = new ArrayList<>();
        for (Problem problem : head.problems()) {
            if (!problem.active()) {
                problems.add(problem);
                continue;
            }
            Deque<Problem> same = before.get(problem.fingerprint());
            boolean had = same != null && same.poll() != null;
            problems.add(problem.withStatus(had ? Problem.Status.EXISTING : Problem.Status.NEW));
        }
        for (Deque<Problem> gone : before.values()) {
            for (Problem problem : gone) {
                problems.add(problem.withStatus(Problem.Status.FIXED));
            }
        }
        List<String> coverage = new ArrayList<>(head.coverage());
        coverage.add("against " + against + ": " + counts(problems));
        return GateReport.of(head.gate(), coverage, head.cases(), problems);
    }

    /**
     * A ratcheted report's problems counted by status, errors apart from warnings (which never fail
     * {@code failOn=new}): {@code 1 new error, 2 existing errors (8 existing warnings), 0 fixed}; new and existing
     * warnings are named only when there are some.
     */
    public static String counts(List<Problem> problems) {
        return count(problems, Problem.Status.NEW) + ", " + count(problems, Problem.Status.EXISTING) + ", "
                + problems.stream().filter(p -> p.status().equals(Optional.of(Problem.Status.FIXED))).count()
                + " fixed";
    }

    private static String count(List<Problem> problems, Problem.Status status) {
        String name = status.name().toLowerCase(Locale.ROOT);
        long errors = of(problems, status, Level.ERROR);
        long warnings = of(problems, status, Level.WARNING);
        return errors + " " + name + " error" + (errors == 1 ? "" : "s")
                + (warnings == 0 ? "" : " (" + warnings + " " + name + " warning" + (warnings == 1 ? "" : "s") + ")");
    }

    private static long of(List<Problem> problems, Problem.Status status, Level level) {
        return problems.stream().filter(p -> p.level() == level && p.status().equals(Optional.of(status))).count();
    }
}
