package dev.fraise.report;

import dev.fraise.contract.ContractReport;
import dev.fraise.contract.FieldCounts;
import dev.fraise.contract.Finding;
import dev.fraise.contract.TypeCounts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JUnit XML in Surefire's format: one {@code <testsuite name="fraise.contracts">} with the coverage as its
 * {@code <properties>} and one test case per GraphQL type. A type with active errors fails, listing them; a type not checked (and without errors) is skipped with the
 * reason; warnings and suppressed findings go to the test case's {@code <system-out>}. Findings of the schema as a
 * whole ({@code SDL_PARSE_ERROR}) get a test case named {@code schema}.
 */
final class JunitReport {

    /** The suite name, and the class name of every test case. */
    static final String SUITE = "fraise.contracts";

    private JunitReport() {
    }

    /** Whether a test case is skipped: a type not checked, without errors of its own. */
    private static boolean skipped(TypeGroup group) {
        return !group.checked() && group.errors().isEmpty();
    }

    static String render(ContractReport report) {
        List<TypeGroup> groups = TypeGroup.of(report);
        long failures = groups.stream().filter(g -> !g.errors().isEmpty()).count();
        long skipped = groups.stream().filter(JunitReport::skipped).count();
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuite name=\"").append(SUITE).append("\" tests=\"").append(groups.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"0\">\n");
        properties(report, out);
        groups.forEach(group -> testCase(group, out));
        out.append("</testsuite>\n");
        return out.toString();
    }

    /** The coverage as the suite's properties: {@code fraise.coverage} (the line), types, gaps and fields. */
    private static void properties(ContractReport report, StringBuilder out) {
        TypeCounts types = report.typeCounts();
        FieldCounts fields = report.fields();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("fraise.coverage", report.coverageLine());
        properties.put("fraise.coverage.types", String.valueOf(types.total()));
        properties.put("fraise.coverage.typesChecked", String.valueOf(types.checked()));
        properties.put("fraise.coverage.typesCheckedThroughParent", String.valueOf(types.throughParent()));
        properties.put("fraise.coverage.typesNotChecked", String.valueOf(types.notCheckedTotal()));
        properties.put("fraise.coverage.gaps", report.gaps().stream().map(Finding::path)
                .collect(Collectors.joining(",")));
        properties.put("fraise.coverage.fields", String.valueOf(fields.total()));
        properties.put("fraise.coverage.fieldsChecked", String.valueOf(fields.checked()));
        properties.put("fraise.coverage.fieldsShapeUnknown", String.valueOf(fields.shapeUnknown()));
        out.append("  <properties>\n");
        properties.forEach((name, value) -> out.append("    <property name=\"").append(name).append("\" value=\"")
                .append(attribute(value)).append("\"/>\n"));
        out.append("  </properties>\n");
    }

    private static void testCase(TypeGroup group, StringBuilder out) {
        out.append("  <testcase classname=\"").append(SUITE).append("\" name=\"").append(attribute(group.name()))
                .append("\" time=\"0\"");
        List<Finding> errors = group.errors();
        List<Finding> output = group.findings().stream().filter(f -> !errors.contains(f)).toList();
        if (errors.isEmpty() && output.isEmpty() && !skipped(group)) {
            out.append("/>\n");
            return;
        }
        out.append(">\n");
        if (skipped(group)) {
            out.append("    <skipped message=\"").append(attribute(group.type().orElseThrow().reason()))
                    .append("\"/>\n");
        }
        if (!errors.isEmpty()) {
            String message = FindingText.count(errors.size(), "contract error") + ": "
                    + errors.stream().map(JunitReport::name).collect(Collectors.joining(", "));
            String codes = errors.stream().map(f -> f.code().name()).distinct().collect(Collectors.joining(","));
            out.append("    <failure message=\"").append(attribute(message)).append("\" type=\"")
                    .append(attribute(codes)).append("\">").append(text(lines(errors))).append("</failure>\n");
        }
        if (!output.isEmpty()) {
            out.append("    <system-out>").append(text(lines(output))).append("</system-out>\n");
        }
        out.append("  </testcase>\n");
    }

    /** {@code FIELD_NULLABLE Post.author.bio}. */
    private static String name(Finding finding) {
        return finding.path().isEmpty() ? finding.code().name() : finding.code() + " " + finding.path();
    }

    private static String lines(List<Finding> findings) {
        return findings.stream().map(FindingText::line).collect(Collectors.joining("\n", "\n", "\n    "));
    }

    private static String attribute(String value) {
        return Xml.attribute(value);
    }

    private static String text(String value) {
        return Xml.text(value);
    }
}
