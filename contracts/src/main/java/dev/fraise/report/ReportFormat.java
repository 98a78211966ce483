package dev.fraise.report;

/** The formats a contract report is written in, each with the file name {@link ContractReports#writeAll} uses. */
public enum ReportFormat {
    /** A plain-text summary grouped by GraphQL type, for a console or a log. */
    CONSOLE("txt"),
    /** The JSON report documented in {@code docs/contracts.md}. */
    JSON("json"),
    /** JUnit XML as Surefire writes it: one test case per GraphQL type. */
    JUNIT("xml"),
    /** Markdown for a pull-request comment. */
    MARKDOWN("md"),
    /** SARIF 2.1.0, with locations in the GraphQL schema files (code scanning). */
    SARIF("sarif");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension, without the dot: {@code txt}, {@code json}, {@code xml}, {@code md}, {@code sarif}. */
    public String extension() {
        return extension;
    }

    /** {@code fraise-contracts.<extension>}. */
    public String fileName() {
        return "fraise-contracts." + extension;
    }
}
