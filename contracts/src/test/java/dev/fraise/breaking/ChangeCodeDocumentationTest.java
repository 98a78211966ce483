package dev.fraise.breaking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** docs/contracts.md lists every change code with the severity the gate gives it. */
class ChangeCodeDocumentationTest {

    @Test
    void everyChangeCodeIsDocumentedWithItsSeverity() throws IOException {
        String docs = Files.readString(Path.of("../docs/contracts.md"), StandardCharsets.UTF_8);
        for (ChangeCode code : ChangeCode.values()) {
            String row = "| `" + code + "` | ";
            int at = docs.indexOf(row);
            assertTrue(at >= 0, "no row for " + code);
            String severity = docs.substring(at + row.length(), docs.indexOf(" |", at + row.length()));
            assertTrue(severity.startsWith(SdlDiff.severity(code).name().toLowerCase(Locale.ROOT)),
                    code + " is documented as " + severity);
        }
    }
}
