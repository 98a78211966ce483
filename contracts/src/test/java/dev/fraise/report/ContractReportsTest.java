package dev.fraise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.TestFiles;
import dev.fraise.contract.ContractOptions;
import dev.fraise.contract.ContractReport;
import dev.fraise.contract.ContractSummary;
import dev.fraise.contract.Finding;
import dev.fraise.contract.FindingCode;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format's exact output for a real check with an error, a warning and suppressed findings. */
class ContractReportsTest {

    private static ReportFixture fixture;

    @TempDir
    Path project;

    @BeforeAll
    static void database() throws SQLException {
        fixture = ReportFixture.create();
    }

    @AfterAll
    static void drop() throws SQLException {
        fixture.close();
    }

    private ContractReport report() {
        return fixture.check(project, ReportFixture.SDL);
    }

    @Test
    void theFixtureHasAnErrorAWarningAndFindingsSuppressedBothWays() {
        ContractReport report = report();
        assertEquals(new ContractSummary(2, 1, 1, 1, 2), report.summary());
        assertEquals(List.of("ratings are backfilled", "baseline: FRA-7"), report.findings().stream()
                .filter(f -> !f.active()).map(f -> f.suppressed().orElseThrow()).toList());
    }

    @Test
    void consoleGroupsFindingsByType() {
        assertEquals(ReportFixture.expected("expected/blog.txt"), ContractReports.render(report(),
                ReportFormat.CONSOLE));
    }

    @Test
    void jsonIsTheDocumentedDocument() {
        assertEquals(ReportFixture.expected("expected/blog.json"), ContractReports.render(report(),
                ReportFormat.JSON));
    }

    @Test
    void junitHasOneTestCasePerType() {
        assertEquals(ReportFixture.expected("expected/blog.xml"), ContractReports.render(report(),
                ReportFormat.JUNIT));
    }

    @Test
    void markdownTablesTheErrorsAndFoldsTheRest() {
        assertEquals(ReportFixture.expected("expected/blog.md"), ContractReports.render(report(),
                ReportFormat.MARKDOWN));
    }

    @Test
    void sarifLocatesResultsInTheSchemaFile() {
        assertEquals(ReportFixture.expected("expected/blog.sarif"), ContractReports.render(report(),
                ReportFormat.SARIF));
    }

    @Test
    void aPassingReport() {
        ContractReport report = fixture.check(project, ReportFixture.CLEAN_SDL);
        assertEquals(List.of(), report.findings());
        assertEquals("""
                GraphQL contract check (fraise %s):
                Coverage: 3 types: 1 checked, 1 checked through a parent, 1 not checked (root type: 1); 9 of 9 fields \
                checked
                Query (schema/blog.graphql:1:1): not checked (root type: its fields are bound through @sqlSource)
                Post (schema/blog.graphql:5:1): checked against v_post (@sqlSource of Query.posts)
                User (schema/blog.graphql:14:1): checked through its parent (embedded in Post.author)

                PASSED: 2 types checked against 1 view; 0 errors, 0 warnings, 0 suppressed
                """.formatted(ContractReport.version()), ContractReports.render(report, ReportFormat.CONSOLE));
        assertEquals("""
                <!-- fraise-contracts -->
                ### ✅ Fraise contract check passed

                **Coverage:** 3 types: 1 checked, 1 checked through a parent, 1 not checked (root type: 1); 9 of 9 \
                fields checked

                <details>
                <summary>1 type not checked by design</summary>

                | Type | Reason |
                |---|---|
                | `Query` | root type: its fields are bound through @sqlSource |

                </details>

                **0 errors**, 0 warnings, 0 suppressed · 2 types checked against 1 view
                """, ContractReports.render(report, ReportFormat.MARKDOWN));
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="fraise.contracts" tests="3" failures="0" errors="0" skipped="1" time="0">
                  <properties>
                    <property name="fraise.coverage" value="3 types: 1 checked, 1 checked through a parent, 1 not \
                checked (root type: 1); 9 of 9 fields checked"/>
                    <property name="fraise.coverage.types" value="3"/>
                    <property name="fraise.coverage.typesChecked" value="1"/>
                    <property name="fraise.coverage.typesCheckedThroughParent" value="1"/>
                    <property name="fraise.coverage.typesNotChecked" value="1"/>
                    <property name="fraise.coverage.gaps" value=""/>
                    <property name="fraise.coverage.fields" value="9"/>
                    <property name="fraise.coverage.fieldsChecked" value="9"/>
                    <property name="fraise.coverage.fieldsShapeUnknown" value="0"/>
                  </properties>
                  <testcase classname="fraise.contracts" name="Query" time="0">
                    <skipped message="root type: its fields are bound through @sqlSource"/>
                  </testcase>
                  <testcase classname="fraise.contracts" name="Post" time="0"/>
                  <testcase classname="fraise.contracts" name="User" time="0"/>
                </testsuite>
                """, ContractReports.render(report, ReportFormat.JUNIT));
    }

    @Test
    void everyFormatShowsTheGapsWithTheirReasons() {
        ContractReport report = fixture.check(project, ReportFixture.CLEAN_SDL + """

                type Tag {
                  id: ID!
                }

                type Draft @fraiseIgnore(codes: [TYPE_NOT_CHECKED], reason: "built in the API") {
                  id: ID!
                }
                """);
        String tag = "Tag is not checked: no source: no @sqlSource, no Query field returns it, and"
                + " v_tag does not exist";
        String console = ContractReports.render(report, ReportFormat.CONSOLE);
        assertTrue(console.contains("\nCoverage: 5 types: 1 checked, 1 checked through a parent, 3 not checked (root"
                + " type: 1, no source: 2); gaps: Tag, Draft (suppressed); 9 of 11 fields checked, 2 not reached\n"), console);
        assertTrue(console.contains("\n  WARNING TYPE_NOT_CHECKED Tag\n      " + tag + "\n"), console);
        String markdown = ContractReports.render(report, ReportFormat.MARKDOWN);
        assertTrue(markdown.indexOf("| Not checked by anything | Reason |\n|---|---|\n| `Tag` | no source: no"
                + " @sqlSource") > 0, markdown);
        assertTrue(markdown.contains("| `Draft` | no source: no @sqlSource, no Query field returns it,"
                + " and v\\_draft does not exist (suppressed: built in the API) |"), markdown);
        assertTrue(markdown.indexOf("Not checked by anything") < markdown.indexOf("**0 errors**"), markdown);
        String json = ContractReports.render(report, ReportFormat.JSON);
        assertTrue(json.contains("""
                    "gaps": [
                      {
                        "type": "Tag",
                        "reason": "no source: no @sqlSource, no Query field returns it, and v_tag does \
                not exist",
                        "sdlLocation": {
                          "file": "schema/blog.graphql",
                          "line": 20,
                          "column": 1
                        },
                        "suppressed": null
                      },"""), json);
        String junit = ContractReports.render(report, ReportFormat.JUNIT);
        assertTrue(junit.contains("<property name=\"fraise.coverage.gaps\" value=\"Tag,Draft\"/>"), junit);
        assertTrue(junit.contains("<skipped message=\"no source: no @sqlSource"), junit);
        String sarif = ContractReports.render(report, ReportFormat.SARIF);
        assertTrue(sarif.contains("\"ruleId\": \"TYPE_NOT_CHECKED\""), sarif);
        assertTrue(sarif.contains("\"fieldsNotReached\": 2"), sarif);
        ContractReport failing = fixture.check(project, ReportFixture.CLEAN_SDL + "\ntype Tag {\n  id: ID!\n}\n",
                ContractOptions.DEFAULT.withoutLint().withFailOnUnchecked());
        assertTrue(ContractReports.render(failing, ReportFormat.JUNIT).contains(
                "<failure message=\"1 contract error: TYPE_NOT_CHECKED Tag\" type=\"TYPE_NOT_CHECKED\">"));
    }

    @Test
    void sdlThatDoesNotParseFailsEveryFormatAtItsLocation() {
        ContractReport report = fixture.check(project, "type Post {\n  id: ID!\n  title String\n}\n");
        Finding parseError = report.findings().get(0);
        assertEquals(FindingCode.SDL_PARSE_ERROR, parseError.code());
        assertEquals("GraphQL contract check (fraise " + ContractReport.version() + "):\n"
                + "Coverage: 0 types: 0 checked; 0 of 0 fields checked\n"
                + "Schema:\n"
                + "  ERROR SDL_PARSE_ERROR\n"
                + "      " + parseError.message() + "\n"
                + "      at schema/blog.graphql:3:9\n"
                + "\n"
                + "FAILED: 0 types checked against 0 views; 1 error, 0 warnings, 0 suppressed\n",
                ContractReports.render(report, ReportFormat.CONSOLE));
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="fraise.contracts" tests="1" failures="1" errors="0" skipped="0" time="0">
                  <properties>
                    <property name="fraise.coverage" value="0 types: 0 checked; 0 of 0 fields checked"/>
                    <property name="fraise.coverage.types" value="0"/>
                    <property name="fraise.coverage.typesChecked" value="0"/>
                    <property name="fraise.coverage.typesCheckedThroughParent" value="0"/>
                    <property name="fraise.coverage.typesNotChecked" value="0"/>
                    <property name="fraise.coverage.gaps" value=""/>
                    <property name="fraise.coverage.fields" value="0"/>
                    <property name="fraise.coverage.fieldsChecked" value="0"/>
                    <property name="fraise.coverage.fieldsShapeUnknown" value="0"/>
                  </properties>
                  <testcase classname="fraise.contracts" name="schema" time="0">
                    <failure message="1 contract error: SDL_PARSE_ERROR" type="SDL_PARSE_ERROR">
                ERROR SDL_PARSE_ERROR (schema/blog.graphql:3:9): %s
                    </failure>
                  </testcase>
                </testsuite>
                """.formatted(parseError.message()), ContractReports.render(report, ReportFormat.JUNIT));
        String markdown = ContractReports.render(report, ReportFormat.MARKDOWN);
        assertTrue(markdown.contains("\n| `SDL_PARSE_ERROR` |  | `schema/blog.graphql:3:9` | "), markdown);
        String sarif = ContractReports.render(report, ReportFormat.SARIF);
        assertTrue(sarif.contains("\"startLine\": 3,\n                  \"startColumn\": 9"), sarif);
    }

    @Test
    void writeAllWritesOneFilePerFormatInFormatOrder() throws IOException {
        ContractReport report = report();
        Path dir = project.resolve("target/fraise");
        List<Path> files = ContractReports.writeAll(report, dir, EnumSet.allOf(ReportFormat.class));
        assertEquals(List.of("fraise-contracts.txt", "fraise-contracts.json", "fraise-contracts.xml",
                "fraise-contracts.md", "fraise-contracts.sarif"), files.stream().map(f -> f.getFileName()
                .toString()).toList());
        for (ReportFormat format : ReportFormat.values()) {
            assertEquals(ContractReports.render(report, format), Files.readString(dir.resolve(format.fileName()),
                    StandardCharsets.UTF_8), format.name());
        }
        assertEquals(List.of(dir.resolve("fraise-contracts.txt"), dir.resolve("fraise-contracts.sarif")),
                ContractReports.writeAll(report, dir, List.of(ReportFormat.SARIF, ReportFormat.CONSOLE,
                        ReportFormat.SARIF)));
    }

    @Test
    void writeToAWriterLeavesItOpen() throws IOException {
        ContractReport report = report();
        StringWriter out = new StringWriter();
        ContractReports.write(report, ReportFormat.JSON, out);
        out.write("after");
        assertEquals(ContractReports.render(report, ReportFormat.JSON) + "after", out.toString());
    }

    @Test
    void aReportThatCannotBeWrittenNamesTheFile() {
        TestFiles.write(project, "target", "a file where the report directory should be");
        Path file = project.resolve("target/fraise-contracts.json");
        FraiseException e = assertThrows(FraiseException.class, () -> ContractReports.write(report(),
                ReportFormat.JSON, file));
        assertEquals(ErrorCode.REPORT_WRITE_FAILED, e.code());
        assertEquals(file, e.location().orElseThrow().file());
        assertTrue(e.getMessage().startsWith("REPORT_WRITE_FAILED: " + file + ": cannot write the json report: "),
                e.getMessage());
    }
}
