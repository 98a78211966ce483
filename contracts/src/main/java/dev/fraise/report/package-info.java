/**
 * Contract reports: a {@link dev.fraise.contract.ContractReport} written for people (console, Markdown for a
 * pull-request comment) and for tools (JSON, JUnit XML, SARIF 2.1.0). {@link dev.fraise.report.ContractReports}
 * is the entry point; every format is deterministic plain text.
 */
package dev.fraise.report;
