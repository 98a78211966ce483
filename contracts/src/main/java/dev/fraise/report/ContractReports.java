package dev.fraise.report;

import dev.fraise.contract.ContractReport;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link ContractReport} in any {@link ReportFormat}. Every format is deterministic: the same report gives
 * the same bytes (UTF-8, {@code \n} line ends, no timestamps).
 *
 * <pre>{@code
 * ContractReport report = ContractChecker.check(connection, projectDir, List.of("schema.graphql"), options);
 * System.out.print(ContractReports.render(report, ReportFormat.CONSOLE));
 * ContractReports.writeAll(report, Path.of("target/fraise"), EnumSet.allOf(ReportFormat.class));
 * }</pre>
 */
public final class ContractReports {

    private ContractReports() {
    }

    /** The report in {@code format}, as text. */
    public static String render(ContractReport report, ReportFormat format) {
        return switch (format) {
            case CONSOLE -> ConsoleReport.render(report);
            case JSON -> JsonReport.render(report);
            case JUNIT -> JunitReport.render(report);
            case MARKDOWN -> MarkdownReport.render(report);
            case SARIF -> SarifReport.render(report);
        };
    }

    /** Writes the report in {@code format} to {@code out}, which stays open. */
    public static void write(ContractReport report, ReportFormat format, Writer out) throws IOException {
        out.write(render(report, format));
        out.flush();
    }

    /**
     * Writes the report in {@code format} to {@code file} (UTF-8), creating its directory, replacing the file.
     *
     * @return the file
     * @throws FraiseException {@code REPORT_WRITE_FAILED} naming the file when it cannot be written
     */
    public static Path write(ContractReport report, ReportFormat format, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, render(report, format), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FraiseException(ErrorCode.REPORT_WRITE_FAILED, "cannot write the " + format.name()
                    .toLowerCase(Locale.ROOT) + " report: " + reason(e), SourceLocation.of(file), e);
        }
    }

    /**
     * Writes the report in each of {@code formats} to {@code dir}, as {@link ReportFormat#fileName()}
     * ({@code fraise-contracts.txt}, {@code .json}, {@code .xml}, {@code .md}, {@code .sarif}).
     *
     * @return the files written, in {@link ReportFormat} order
     * @throws FraiseException {@code REPORT_WRITE_FAILED} naming the file that cannot be written
     */
    public static List<Path> writeAll(ContractReport report, Path dir, Collection<ReportFormat> formats) {
        List<Path> files = new ArrayList<>();
        for (ReportFormat format : formats.isEmpty() ? EnumSet.noneOf(ReportFormat.class) : EnumSet.copyOf(formats)) {
            files.add(write(report, format, dir.resolve(format.fileName())));
        }
        return files;
    }

    private static String reason(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : " " + message);
    }
}
