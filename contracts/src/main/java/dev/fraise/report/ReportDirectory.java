package dev.fraise.report;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A build's report directory ({@code target/fraise}): each gate's own files, and the combined report of every gate
 * that ran in the build, which each gate rewrites when it ends, so that whichever runs last leaves it complete.
 *
 * <ul>
 *   <li>{@code <gate>.json}: the gate's report ({@link GateReports}' JSON), stamped with the build; the combined
 *       report is merged from these. Besides, as asked: {@code <gate>.txt}, {@code <gate>.md},
 *       {@code <gate>.sarif}, {@code TEST-fraise-<gate>.xml}.</li>
 *   <li>Combined: {@code pr-comment.md} (one pull-request comment), {@code fraise.sarif} (one SARIF run),
 *       {@code TEST-fraise.xml} (one JUnit {@code <testsuites>}), {@code fraise.json}, {@code fraise.txt}.</li>
 * </ul>
 *
 * <p>A gate's file stamped by another build (a previous {@code mvn verify}) is never merged: {@link #begin}
 * deletes it, and the gate's own files, before the gate runs.
 */
public final class ReportDirectory {

    /** The combined Markdown: one pull-request comment for every gate of the build. */
    public static final String COMMENT = "pr-comment.md";
    /** The combined SARIF. */
    public static final String SARIF = "fraise.sarif";
    /** The combined JUnit XML, named as Surefire names its reports. */
    public static final String JUNIT = "TEST-fraise.xml";
    /** The combined JSON. */
    public static final String JSON = "fraise.json";
    /** The combined text. */
    public static final String TEXT = "fraise.txt";

    private final Path dir;
    private final String build;

    private ReportDirectory(Path dir, String build) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.build = Objects.requireNonNull(build, "build");
    }

    /**
     * The directory {@code dir} for the build {@code build}: any text that differs from one build to the next and
     * is the same for every gate of a build (Maven: the session's start time).
     */
    public static ReportDirectory of(Path dir, String build) {
        return new ReportDirectory(dir, build);
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** The file of {@code gate}'s report in {@code format}: {@code drift.md}, {@code TEST-fraise-drift.xml}. */
    public Path file(Gate gate, ReportFormat format) {
        return dir.resolve(format == ReportFormat.JUNIT ? "TEST-fraise-" + gate.id() + ".xml"
                : gate.id() + "." + format.extension());
    }

    /**
     * Before {@code gate} runs: deletes its files of an earlier run, so that a gate that fails before it reports
     * leaves none, and every file another build stamped, combined ones included.
     *
     * @throws FraiseException {@code REPORT_WRITE_FAILED} naming a file that cannot be deleted
     */
    public void begin(Gate gate) {
        for (ReportFormat format : ReportFormat.values()) {
            delete(file(gate, format));
        }
        for (Gate other : Gate.values()) {
            if (read(file(other, ReportFormat.JSON)).filter(d -> !d.build().equals(Optional.of(build))).isPresent()) {
                for (ReportFormat format : ReportFormat.values()) {
                    delete(file(other, format));
                }
            }
        }
        if (read(dir.resolve(JSON)).filter(d -> !d.build().equals(Optional.of(build))).isPresent()) {
            for (String name : List.of(COMMENT, SARIF, JUNIT, JSON, TEXT)) {
                delete(dir.resolve(name));
            }
        }
    }

    /**
     * Writes {@code report}'s JSON, stamped with the build, its files in {@code formats} (JSON is always written),
     * then the combined report of every gate of this build.
     *
     * @return the gate's files, then the combined ones
     * @throws FraiseException {@code REPORT_WRITE_FAILED} naming the file that cannot be written
     */
    public List<Path> write(GateReport report, Collection<ReportFormat> formats) {
        List<Path> written = new ArrayList<>();
        written.add(write(file(report.gate(), ReportFormat.JSON), GateJson.render(List.of(report),
                Optional.of(build))));
        EnumSet<ReportFormat> others = formats.isEmpty() ? EnumSet.noneOf(ReportFormat.class)
                : EnumSet.copyOf(formats);
        others.remove(ReportFormat.JSON);
        for (ReportFormat format : others) {
            written.add(write(file(report.gate(), format), GateReports.render(report, format)));
        }
        written.addAll(writeCombined());
        return written;
    }

    /** The reports of every gate that ran in this build and wrote its JSON here, in {@link Gate} order. */
    public List<GateReport> gates() {
        List<GateReport> reports = new ArrayList<>();
        for (Gate gate : Gate.values()) {
            read(file(gate, ReportFormat.JSON)).filter(d -> d.build().equals(Optional.of(build)))
                    .ifPresent(d -> reports.addAll(d.reports()));
        }
        return reports;
    }

    /**
     * (Re)writes the combined report of {@link #gates()}: {@code pr-comment.md}, {@code fraise.sarif},
     * {@code TEST-fraise.xml}, {@code fraise.json}, {@code fraise.txt}.
     *
     * @return the files
     */
    public List<Path> writeCombined() {
        List<GateReport> reports = gates();
        return List.of(
                write(dir.resolve(COMMENT), GateReports.renderCombined(reports, ReportFormat.MARKDOWN)),
                write(dir.resolve(SARIF), GateReports.renderCombined(reports, ReportFormat.SARIF)),
                write(dir.resolve(JUNIT), GateReports.renderCombined(reports, ReportFormat.JUNIT)),
                write(dir.resolve(JSON), GateJson.render(reports, Optional.of(build))),
                write(dir.resolve(TEXT), GateReports.renderCombined(reports, ReportFormat.CONSOLE)));
    }

    private static Optional<GateJson.Document> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(GateJson.read(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            // not a report this version wrote: treated as another build's
            return Optional.of(new GateJson.Document(Optional.empty(), List.of()));
        }
    }

    private static Path write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.REPORT_WRITE_FAILED, "cannot write the report " + file.getFileName()
                    + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), SourceLocation.of(file), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.REPORT_WRITE_FAILED, "cannot delete the previous report "
                    + file.getFileName() + ": " + e.getMessage(), SourceLocation.of(file), e);
        }
    }
}
