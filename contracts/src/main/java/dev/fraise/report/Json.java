package dev.fraise.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fraise.error.SourceLocation;
import java.util.Optional;

/** Jackson set up for reports: two-space indent, {@code "key": value}, {@code \n} line ends on every platform. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private static final ObjectWriter WRITER;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        WRITER = MAPPER.writer(new DefaultPrettyPrinter(separators).withObjectIndenter(indenter)
                .withArrayIndenter(indenter));
    }

    private Json() {
    }

    /** The document, pretty-printed, ending with a line break. */
    static String print(ObjectNode document) {
        try {
            return WRITER.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** {@code {"file", "line", "column"}} with forward slashes, or null. */
    static void location(ObjectNode node, String name, Optional<SourceLocation> location) {
        if (location.isEmpty()) {
            node.putNull(name);
            return;
        }
        ObjectNode at = node.putObject(name);
        at.put("file", FindingText.file(location.get()));
        at.put("line", location.get().line());
        at.put("column", location.get().column());
    }
}
