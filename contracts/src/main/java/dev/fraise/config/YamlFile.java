package dev.fraise.config;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a config file as strict UTF-8 and composes it into a SnakeYAML node tree that keeps line numbers. */
final class YamlFile {

    private YamlFile() {
    }

    /**
     * The document's root node, never {@code null}.
     *
     * @param file    the file to read
     * @param display the file as it is named in errors
     * @throws FraiseException {@link ErrorCode#CONFIG_INVALID} when the file cannot be read, is not UTF-8,
     *                         is not valid YAML or holds no document
     */
    static Node read(Path file, Path display) {
        String text = decode(readBytes(file, display), display);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourceLocation location = mark == null
                    ? SourceLocation.of(display) : SourceLocation.of(display, mark.getLine() + 1);
            throw new FraiseException(ErrorCode.CONFIG_INVALID, "invalid YAML: " + oneLine(e.getProblem()),
                    location, e);
        } catch (YAMLException e) {
            throw new FraiseException(ErrorCode.CONFIG_INVALID, "invalid YAML: " + oneLine(e.getMessage()),
                    SourceLocation.of(display), e);
        }
        if (root == null || YamlNodes.isNull(root)) {
            throw new FraiseException(ErrorCode.CONFIG_INVALID, "empty config", SourceLocation.of(display));
        }
        return root;
    }

    private static byte[] readBytes(Path file, Path display) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.CONFIG_INVALID, "cannot read config: " + e.getMessage(),
                    SourceLocation.of(display), e);
        }
    }

    private static String decode(byte[] bytes, Path display) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new FraiseException(ErrorCode.CONFIG_INVALID, "config is not valid UTF-8",
                    SourceLocation.of(display, lineAt(bytes, in.position())));
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.strip().replaceAll("\\s+", " ");
    }
}
