package dev.fraise.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.schema.idl.TypeDefinitionRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractBaselineTest {

    private static Finding finding(FindingCode code, String path) {
        return new Finding(code, path, path.split("\\.")[0], Optional.empty(), Optional.empty(), "v_post", "",
                path + " is wrong", "", Optional.empty());
    }

    private static final List<Finding> CURRENT = List.of(
            finding(FindingCode.FIELD_NULLABLE, "Post.title"),
            finding(FindingCode.FIELD_MISSING, "Post.body"),
            finding(FindingCode.FIELD_MISSING, "Comment.\"quoted\""),
            finding(FindingCode.FIELD_MISSING, "Post.body"),
            finding(FindingCode.FIELD_NULLABLE, "Post.rating").suppress("@fraiseIgnore: accepted in the SDL"));

    private static List<Finding> reversed() {
        List<Finding> reversed = new ArrayList<>(CURRENT);
        Collections.reverse(reversed);
        return reversed;
    }

    @Test
    void writesEveryActiveFindingOnceSortedWithAPlaceholderReason() {
        String baseline = ContractBaseline.render(new ContractReport(List.of(), CURRENT));

        assertEquals("""
                {
                  "suppressions": [
                    {"code": "FIELD_MISSING", "path": "Comment.\\"quoted\\"", "reason": "TODO: why this is accepted"},
                    {"code": "FIELD_MISSING", "path": "Post.body", "reason": "TODO: why this is accepted"},
                    {"code": "FIELD_NULLABLE", "path": "Post.title", "reason": "TODO: why this is accepted"}
                  ]
                }
                """, baseline);
        assertEquals(baseline, ContractBaseline.render(new ContractReport(List.of(), reversed())));
        assertEquals("{\n  \"suppressions\": []\n}\n", ContractBaseline.render(new ContractReport(List.of(),
                List.of())));
    }

    @Test
    void theWrittenBaselineSuppressesExactlyTheCurrentFindingsWhenReadBack(@TempDir Path dir) {
        Path file = dir.resolve("fraise-baseline.json");
        assertEquals(3, ContractBaseline.write(new ContractReport(List.of(), CURRENT), file));

        Suppressions read = Suppressions.load(new TypeDefinitionRegistry(), Optional.of(file));
        CURRENT.stream().filter(Finding::active).map(read::apply).forEach(f -> assertEquals(
                Optional.of("baseline: " + ContractBaseline.PLACEHOLDER), f.suppressed(), f.path()));
        assertTrue(read.apply(finding(FindingCode.FIELD_MISSING, "Post.title")).active());
        assertTrue(read.apply(finding(FindingCode.FIELD_NULLABLE, "Post.body")).active());
        assertTrue(read.apply(finding(FindingCode.FIELD_MISSING, "Comment.body")).active());
    }

    @Test
    void rewritingKeepsTheReasonsAlreadyGivenAndDropsWhatIsFixed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fraise-baseline.json");
        Files.writeString(file, """
                {"suppressions": [
                  {"code": "FIELD_NULLABLE", "path": "Post.title", "reason": "FRA-7"},
                  {"code": "FIELD_MISSING", "path": "Post.gone", "reason": "fixed since"}
                ]}
                """);
        Suppressions read = Suppressions.load(new TypeDefinitionRegistry(), Optional.of(file));
        List<Finding> checked = CURRENT.stream().map(f -> f.active() ? read.apply(f) : f).toList();

        ContractBaseline.write(new ContractReport(List.of(), checked), file);

        String rewritten = Files.readString(file);
        assertTrue(rewritten.contains(
                "{\"code\": \"FIELD_NULLABLE\", \"path\": \"Post.title\", \"reason\": \"FRA-7\"}"), rewritten);
        assertTrue(rewritten.contains("{\"code\": \"FIELD_MISSING\", \"path\": \"Post.body\", \"reason\": "
                + "\"TODO: why this is accepted\"}"), rewritten);
        assertFalse(rewritten.contains("Post.gone"), rewritten);
    }
}
