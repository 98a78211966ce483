package dev.fraise.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/error-codes.md has a row for every {@link ErrorCode}, and no row for a code that does not exist. */
class ErrorCodeDocumentationTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z][A-Z0-9_]+)` \\|", Pattern.MULTILINE);

    @Test
    void everyErrorCodeHasExactlyOneRowAndEveryRowACode() throws IOException {
        String docs = Files.readString(Path.of("../docs/error-codes.md"), StandardCharsets.UTF_8);
        Set<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(docs);
        while (row.find()) {
            assertEquals(true, documented.add(row.group(1)), "documented twice: " + row.group(1));
        }
        Set<String> codes = Arrays.stream(ErrorCode.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(codes, documented);
    }
}
