package dev.fraise.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.contract.FindingCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** docs/contracts.md documents every finding code as the SARIF rules describe it, and every JSON report key. */
class DocumentationTest {

    private static String docs() throws IOException {
        return Files.readString(Path.of("../docs/contracts.md"), StandardCharsets.UTF_8);
    }

    @Test
    void everyFindingCodeHasItsSeverityMeaningExampleAndFix() throws IOException {
        String docs = docs();
        for (FindingCode code : FindingCode.values()) {
            String heading = "### `" + code + "` (" + code.severity().name().toLowerCase(Locale.ROOT) + ")\n\n";
            int start = docs.indexOf(heading);
            assertTrue(start >= 0, "no heading " + heading.trim());
            int end = docs.indexOf("\n#", start + heading.length());
            String section = docs.substring(start + heading.length(), end).replace("`", "").replace("\n", " ");
            String meaning = CodeTexts.meaning(code);
            assertTrue(section.startsWith(meaning.substring(0, meaning.length() - 1)), code + ": " + section);
            assertTrue(section.contains("Example: "), code + ": " + section);
            assertTrue(section.contains("**Fix.** " + CodeTexts.fix(code)), code + ": " + section);
        }
    }

    @Test
    void everyJsonReportKeyIsDocumented() throws IOException {
        String docs = docs();
        for (String key : new String[] {"tool", "version", "coverage.types", "coverage.checked",
                "coverage.checkedThroughParent", "coverage.notChecked", "coverage.notCheckedByReason",
                "coverage.gaps[]", "coverage.gaps[].type", "coverage.gaps[].reason", "coverage.gaps[].sdlLocation",
                "coverage.gaps[].suppressed", "coverage.fields", "coverage.fieldsChecked", "coverage.fieldsShapeUnknown",
                "coverage.fieldsNotReached", "summary.types", "summary.views", "summary.errors",
                "summary.warnings", "summary.suppressed", "types[].type", "types[].status", "types[].view",
                "types[].reason", "types[].sdlLocation", "types[].sources", "types[].sources[].view",
                "types[].sources[].column", "types[].sources[].reason", "findings[].severity", "findings[].code",
                "findings[].path", "findings[].graphqlType", "findings[].field", "findings[].sdlLocation",
                "findings[].view", "findings[].jsonPath", "findings[].message", "findings[].provenance",
                "findings[].suppressed"}) {
            assertTrue(docs.contains("| `" + key + "` |"), key);
        }
    }
}
