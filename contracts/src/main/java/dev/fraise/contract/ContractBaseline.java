package dev.fraise.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A baseline file written from a report's findings, in the format {@link ContractOptions#withBaseline} reads
 * ({@code {"suppressions": [{"code", "path", "reason"}]}}), for a team that adopts the check on a project with
 * drift and prefers a committed baseline to a ratchet. Every active finding becomes an entry whose reason is
 * {@value #PLACEHOLDER}, to be replaced; a finding the baseline read by the check already suppressed keeps its
 * reason. Entries are sorted by code then path, one per line, so the file is stable and diffs well.
 *
 * <pre>{@code
 * ContractBaseline.write(ContractChecker.check(connection, schema, options.withBaseline(file)), file);
 * }</pre>
 */
public final class ContractBaseline {

    /** The reason of an entry nobody has justified yet. */
    public static final String PLACEHOLDER = "TODO: why this is accepted";

    private static final String BASELINE_PREFIX = "baseline: ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractBaseline() {
    }

    /** The baseline of {@code report}: its active findings, and those a baseline suppressed, with their reasons. */
    public static String render(ContractReport report) {
        Map<Key, String> entries = new LinkedHashMap<>();
        for (Finding finding : report.findings()) {
            if (finding.active()) {
                entries.putIfAbsent(new Key(finding.code().name(), finding.path()), PLACEHOLDER);
            } else if (finding.suppressed().orElseThrow().startsWith(BASELINE_PREFIX)) {
                entries.put(new Key(finding.code().name(), finding.path()),
                        finding.suppressed().orElseThrow().substring(BASELINE_PREFIX.length()));
            }
        }
        StringBuilder out = new StringBuilder("{\n  \"suppressions\": [");
        String separator = "\n";
        for (Map.Entry<Key, String> entry : entries.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .toList()) {
            out.append(separator).append("    {\"code\": ").append(quote(entry.getKey().code()))
                    .append(", \"path\": ").append(quote(entry.getKey().path())).append(", \"reason\": ")
                    .append(quote(entry.getValue())).append('}');
            separator = ",\n";
        }
        return out.append(entries.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    /**
     * Writes {@link #render(ContractReport)} to {@code file}.
     *
     * @return the number of entries
     * @throws FraiseException {@code REPORT_WRITE_FAILED} when the file cannot be written
     */
    public static int write(ContractReport report, Path file) {
        String text = render(report);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.REPORT_WRITE_FAILED, "cannot write the baseline " + file.getFileName()
                    + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), SourceLocation.of(file), e);
        }
        return (int) text.lines().filter(l -> l.startsWith("    {")).count();
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Key(String code, String path) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing(Key::code).thenComparing(Key::path);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }
}
