package dev.fraise.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * JUnit XML in Surefire's format: one {@code <testsuite name="fraise.<gate>">} per gate (several inside a
 * {@code <testsuites>} for the combined report) with what it checked as the property {@code fraise.coverage}, and
 * one test case per {@link GateReport.Case}. A case with errors that fail the gate (active, and not already in a
 * baseline) fails, listing them; a skipped case (without
 * errors) is skipped with its reason; warnings, notes and suppressed problems go to its {@code <system-out>}.
 */
final class GateJunit {

    private GateJunit() {
    }

    /** One {@code <testsuite>} document. */
    static String render(GateReport report) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + suite(report, "");
    }

    /** A {@code <testsuites>} document holding each report's suite. */
    static String renderAll(List<GateReport> reports) {
        List<GateReport.Case> cases = reports.stream().flatMap(r -> r.allCases().stream()).toList();
        long failures = reports.stream().mapToLong(GateJunit::failures).sum();
        long skipped = reports.stream().mapToLong(GateJunit::skipped).sum();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"fraise\" tests=\"" + cases.size()
                + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\"0\">\n"
                + reports.stream().map(r -> suite(r, "  ")).collect(Collectors.joining()) + "</testsuites>\n";
    }

    private static long failures(GateReport report) {
        return report.allCases().stream().filter(c -> !errors(report, c).isEmpty()).count();
    }

    private static long skipped(GateReport report) {
        return report.allCases().stream().filter(c -> skipped(report, c)).count();
    }

    private static boolean skipped(GateReport report, GateReport.Case testCase) {
        return testCase.skipped().isPresent() && errors(report, testCase).isEmpty();
    }

    private static List<Problem> errors(GateReport report, GateReport.Case testCase) {
        return report.problemsOf(testCase).stream().filter(p -> p.fails(Level.ERROR)).toList();
    }

    private static String suite(GateReport report, String indent) {
        String name = "fraise." + report.gate().id();
        List<GateReport.Case> cases = report.allCases();
        StringBuilder out = new StringBuilder(indent).append("<testsuite name=\"").append(name).append("\" tests=\"")
                .append(cases.size()).append("\" failures=\"").append(failures(report))
                .append("\" errors=\"0\" skipped=\"").append(skipped(report)).append("\" time=\"0\">\n");
        out.append(indent).append("  <properties>\n").append(indent).append("    <property name=\"fraise.coverage\"")
                .append(" value=\"").append(Xml.attribute(String.join("; ", report.coverage()))).append("\"/>\n")
                .append(indent).append("  </properties>\n");
        for (GateReport.Case testCase : cases) {
            testCase(report, testCase, name, indent + "  ", out);
        }
        return out.append(indent).append("</testsuite>\n").toString();
    }

    private static void testCase(GateReport report, GateReport.Case testCase, String suite, String indent,
            StringBuilder out) {
        out.append(indent).append("<testcase classname=\"").append(suite).append("\" name=\"")
                .append(Xml.attribute(testCase.name())).append("\" time=\"0\"");
        List<Problem> errors = errors(report, testCase);
        List<Problem> output = report.problemsOf(testCase).stream().filter(p -> !errors.contains(p)).toList();
        if (errors.isEmpty() && output.isEmpty() && !skipped(report, testCase)) {
            out.append("/>\n");
            return;
        }
        out.append(">\n");
        if (skipped(report, testCase)) {
            out.append(indent).append("  <skipped message=\"").append(Xml.attribute(testCase.skipped().orElseThrow()))
                    .append("\"/>\n");
        }
        if (!errors.isEmpty()) {
            String message = FindingText.count(errors.size(), "error") + ": " + errors.stream()
                    .map(p -> p.path().isEmpty() ? p.code() : p.code() + " " + p.path())
                    .collect(Collectors.joining(", "));
            String codes = errors.stream().map(Problem::code).distinct().collect(Collectors.joining(","));
            out.append(indent).append("  <failure message=\"").append(Xml.attribute(message)).append("\" type=\"")
                    .append(Xml.attribute(codes)).append("\">").append(Xml.text(lines(report.gate(), errors, indent)))
                    .append("</failure>\n");
        }
        if (!output.isEmpty()) {
            out.append(indent).append("  <system-out>").append(Xml.text(lines(report.gate(), output, indent)))
                    .append("</system-out>\n");
        }
        out.append(indent).append("</testcase>\n");
    }

    /** One problem a line, with its definitions indented under it. */
    private static String lines(Gate gate, List<Problem> problems, String indent) {
        return problems.stream().map(p -> line(gate, p)).collect(Collectors.joining("\n", "\n", "\n" + indent + "  "));
    }

    private static String line(Gate gate, Problem problem) {
        String where = problem.location().toString();
        StringBuilder line = new StringBuilder(gate.label(problem.level()) + " " + problem.code()
                + (problem.path().isEmpty() ? "" : " " + problem.path()) + (where.isEmpty() ? "" : " (" + where + ")")
                + ": " + problem.message() + (problem.why().isEmpty() ? "" : " [" + problem.why() + "]")
                + problem.suppression().map(s -> " (suppressed: " + s.reason() + ")").orElse(""));
        problem.details().forEach(d -> line.append("\n    ").append(d.label()).append(": ")
                .append(d.text().replace("\n", "\n    ")));
        return line.toString();
    }
}
