package dev.fraise.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one gate found, in the form every report format is written from ({@link GateReports}).
 *
 * @param gate     the gate
 * @param coverage what the gate checked, one line each, shown before any problem: the contract's coverage line, the
 *                 migrations a drift gate applied, the base a diff compared with
 * @param cases    what a test report counts, in order (a GraphQL type, a gate part), each passing unless it is
 *                 skipped or a problem of its group is an active error; groups of problems not listed here are
 *                 added after them
 * @param problems every problem, suppressed ones included, in the gate's order
 * @param passed   the gate's verdict, by its own rule ({@code failOn}): a failed gate fails the build
 */
public record GateReport(Gate gate, List<String> coverage, List<Case> cases, List<Problem> problems,
        boolean passed) {

    public GateReport {
        Objects.requireNonNull(gate, "gate");
        coverage = List.copyOf(coverage);
        cases = List.copyOf(cases);
        problems = List.copyOf(problems);
    }

    /**
     * A report that passes unless a problem {@linkplain Problem#fails fails} it: an active error the baseline did
     * not already have.
     */
    public static GateReport of(Gate gate, List<String> coverage, List<Case> cases, List<Problem> problems) {
        return new GateReport(gate, coverage, cases, problems, problems.stream().noneMatch(p -> p.fails(Level.ERROR)));
    }

    /** This report failing on warnings too ({@code failOn=warning}). */
    public GateReport failingOnWarnings() {
        return new GateReport(gate, coverage, cases, problems,
                passed && problems.stream().noneMatch(p -> p.fails(Level.WARNING)));
    }

    /** The active problems of {@code level}. */
    public List<Problem> active(Level level) {
        return problems.stream().filter(p -> p.active() && p.level() == level).toList();
    }

    /** The suppressed (and fixed) problems. */
    public List<Problem> inactive() {
        return problems.stream().filter(p -> !p.active()).toList();
    }

    /** The counts: active errors, warnings and notes, the suppressed problems and the fixed ones. */
    public Counts counts() {
        int suppressed = (int) problems.stream().filter(p -> p.suppression().isPresent()).count();
        int fixed = (int) problems.stream().filter(p -> p.suppression().isEmpty()
                && p.status().equals(Optional.of(Problem.Status.FIXED))).count();
        return new Counts(active(Level.ERROR).size(), active(Level.WARNING).size(), active(Level.NOTE).size(),
                suppressed, fixed);
    }

    /** {@link #cases()}, then a case for each group of problems no case names, in problem order. */
    List<Case> allCases() {
        Set<String> named = new LinkedHashSet<>();
        List<Case> all = new ArrayList<>(cases);
        cases.forEach(c -> named.add(c.name()));
        for (Problem problem : problems) {
            if (named.add(problem.group())) {
                all.add(new Case(problem.group(), Optional.empty()));
            }
        }
        return all;
    }

    /** The problems of one case. */
    List<Problem> problemsOf(Case testCase) {
        return problems.stream().filter(p -> p.group().equals(testCase.name())).toList();
    }

    /**
     * One thing a test report counts.
     *
     * @param name    its name ({@code Post}, {@code DDL = migrations})
     * @param skipped why the gate did not check it, when it did not
     */
    public record Case(String name, Optional<String> skipped) {

        public Case {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(skipped, "skipped");
        }

        /** A case the gate checked. */
        public static Case checked(String name) {
            return new Case(name, Optional.empty());
        }
    }

    /**
     * A report's counts.
     *
     * @param errors     active errors
     * @param warnings   active warnings
     * @param notes      active notes
     * @param suppressed suppressed problems (a baseline's, an {@code @fraiseIgnore})
     * @param fixed      problems only the base of a ratchet has ({@link Problem.Status#FIXED}), never suppressed ones
     */
    public record Counts(int errors, int warnings, int notes, int suppressed, int fixed) {

        /** {@code 1 error, 2 warnings, 0 suppressed}, with notes and fixed problems when there are some. */
        @Override
        public String toString() {
            return FindingText.count(errors, "error") + ", " + FindingText.count(warnings, "warning")
                    + (notes == 0 ? "" : ", " + FindingText.count(notes, "note")) + ", " + suppressed + " suppressed"
                    + (fixed == 0 ? "" : ", " + fixed + " fixed");
        }
    }
}
