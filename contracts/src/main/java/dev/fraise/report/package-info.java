/**
 * Reports. A {@link dev.fraise.contract.ContractReport} written for people (console, Markdown for a pull-request
 * comment) and for tools (JSON, JUnit XML, SARIF 2.1.0) by {@link dev.fraise.report.ContractReports}; and every gate's
 * findings — contract, drift, reversibility, breaking change, migration status — as one model
 * ({@link dev.fraise.report.GateReport} of {@link dev.fraise.report.Problem}s), written one gate's or several
 * combined by {@link dev.fraise.report.GateReports}, and kept per build in a
 * {@link dev.fraise.report.ReportDirectory} with the build's one pull-request report. Every format is deterministic
 * plain text.
 */
package dev.fraise.report;
