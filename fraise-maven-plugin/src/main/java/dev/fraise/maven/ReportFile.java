package dev.fraise.maven;

import dev.fraise.contract.ContractReport;
import dev.fraise.report.ContractReports;
import dev.fraise.report.ReportFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A contract report format and the file the {@code check} goal writes it to. The JUnit XML is named as Surefire
 * names its reports ({@code TEST-*.xml}), so CI test-report collectors pick it up with their default pattern.
 */
enum ReportFile {
    JSON(ReportFormat.JSON, "report.json"),
    JUNIT(ReportFormat.JUNIT, "TEST-fraise-contracts.xml"),
    MARKDOWN(ReportFormat.MARKDOWN, "report.md"),
    SARIF(ReportFormat.SARIF, "report.sarif"),
    CONSOLE(ReportFormat.CONSOLE, "report.txt");

    private final ReportFormat format;
    private final String fileName;

    ReportFile(ReportFormat format, String fileName) {
        this.format = format;
        this.fileName = fileName;
    }

    /** The files for the {@code reportFormats} parameter; {@code none} (or nothing) for none. */
    static List<ReportFile> parse(List<String> names) {
        Set<ReportFile> files = new LinkedHashSet<>();
        for (String raw : names == null ? List.<String>of() : names) {
            for (String name : raw.split(",")) {
                String key = name.trim().toUpperCase(Locale.ROOT);
                if (key.isEmpty() || key.equals("NONE")) {
                    continue;
                }
                try {
                    files.add(valueOf(key.equals("XML") ? "JUNIT" : key.equals("MD") ? "MARKDOWN" : key));
                } catch (IllegalArgumentException e) {
                    throw AbstractFraiseMojo.invalidParameter("reportFormats", name.trim(),
                            "json, junit, markdown, sarif, console or none");
                }
            }
        }
        return List.copyOf(files);
    }

    /**
     * Writes {@code report} in each format to {@code dir}.
     *
     * @return the files written
     * @throws dev.fraise.error.FraiseException {@code REPORT_WRITE_FAILED}
     */
    static List<Path> writeAll(ContractReport report, Path dir, List<ReportFile> files) {
        List<Path> written = new ArrayList<>();
        for (ReportFile file : files) {
            written.add(ContractReports.write(report, file.format, dir.resolve(file.fileName)));
        }
        return written;
    }

    /**
     * Deletes the reports a previous run left in {@code dir}, so that a run that fails before it writes its own
     * (a schema that does not build) leaves none a CI step could post as this run's.
     */
    static void deleteAll(Path dir) {
        for (ReportFile file : values()) {
            try {
                java.nio.file.Files.deleteIfExists(dir.resolve(file.fileName));
            } catch (java.io.IOException e) {
                throw new dev.fraise.error.FraiseException(dev.fraise.error.ErrorCode.REPORT_WRITE_FAILED,
                        "cannot delete the previous report " + dir.resolve(file.fileName) + ": " + e.getMessage(),
                        dev.fraise.error.SourceLocation.of(dir.resolve(file.fileName)), e);
            }
        }
    }

    /** The file name, e.g. {@code report.json}. */
    String fileName() {
        return fileName;
    }
}
