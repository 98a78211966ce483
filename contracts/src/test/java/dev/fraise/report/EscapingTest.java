package dev.fraise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fraise.contract.ContractReport;
import dev.fraise.contract.Finding;
import dev.fraise.contract.FindingCode;
import dev.fraise.contract.TypeResult;
import dev.fraise.error.SourceLocation;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * Text from the schema and the database (sample rows, names, reasons) cannot break the markup: XML stays
 * well-formed and keeps the text, Markdown tables keep their cells.
 */
class EscapingTest {

    private static final String NASTY = "row id 7: <b>\"a & b\"</b> | *x* _y_ `z` [l](u) \\ \u0001 end";

    private static ContractReport report() {
        Finding finding = new Finding(FindingCode.SAMPLE_VIOLATION, "Post.title", "Post", Optional.of("title"),
                Optional.of(new SourceLocation(Path.of("schema.graphql"), 3, 3)), "v_post", "$.title", NASTY,
                "KIND <x>", Optional.empty());
        Finding suppressed = new Finding(FindingCode.KEY_NOT_IN_TYPE, "Post", "Post", Optional.empty(),
                Optional.empty(), "v_post", "$.a\"b", "key 'a\"b' & more", "", Optional.of("why <not>"));
        TypeResult type = new TypeResult("Post", TypeResult.Status.CHECKED, Optional.of("v_post"), "configured",
                Optional.of(new SourceLocation(Path.of("schema.graphql"), 1, 1)));
        TypeResult skipped = new TypeResult("In\"put", TypeResult.Status.NOT_CHECKED, Optional.empty(),
                "input <type> & \"more\"", Optional.empty());
        return new ContractReport(List.of(type, skipped), List.of(finding, suppressed));
    }

    @Test
    void junitXmlIsWellFormedAndKeepsTheText() throws Exception {
        String xml = ContractReports.render(report(), ReportFormat.JUNIT);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(
                new StringReader(xml)));
        Element failure = (Element) document.getElementsByTagName("failure").item(0);
        assertEquals("1 contract error: SAMPLE_VIOLATION Post.title", failure.getAttribute("message"));
        assertEquals("\n" + FindingText.line(report().findings().get(0)).replace('\u0001', '\uFFFD') + "\n    ",
                failure.getTextContent());
        Element out = (Element) document.getElementsByTagName("system-out").item(0);
        assertTrue(out.getTextContent().contains("key 'a\"b' & more (suppressed: why <not>)"), out.getTextContent());
        Element skipped = (Element) document.getElementsByTagName("skipped").item(0);
        assertEquals("input <type> & \"more\"", skipped.getAttribute("message"));
        assertEquals("In\"put", ((Element) document.getElementsByTagName("testcase").item(1)).getAttribute("name"));
    }

    @Test
    void markdownCellsEscapeMarkupAndPipes() {
        String markdown = ContractReports.render(report(), ReportFormat.MARKDOWN);
        assertTrue(markdown.contains("| `SAMPLE_VIOLATION` | `Post.title` | `schema.graphql:3:3`<br>`v_post $.title`"
                + " | row id 7: &lt;b&gt;\"a &amp; b\"&lt;/b&gt; \\| \\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\\\ \uFFFD end"
                + "<br>KIND &lt;x&gt; |\n"), markdown);
        assertTrue(markdown.contains("| `KEY_NOT_IN_TYPE` | `Post` | `v_post $.a\"b` | key 'a\"b' &amp; more"
                + " | why &lt;not&gt; |\n"), markdown);
    }

    @Test
    void jsonAndSarifEscapeAsJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals(NASTY, json.readTree(ContractReports.render(report(), ReportFormat.JSON)).get("findings").get(0)
                .get("message").textValue());
        assertEquals(NASTY + " [KIND <x>]", json.readTree(ContractReports.render(report(), ReportFormat.SARIF))
                .get("runs").get(0).get("results").get(0).get("message").get("text").textValue());
    }
}
