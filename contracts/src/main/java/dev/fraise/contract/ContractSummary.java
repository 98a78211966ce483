package dev.fraise.contract;

/**
 * Counts of a contract report.
 *
 * @param types      GraphQL object types checked (directly or through a parent)
 * @param views      distinct views checked (a view a type is bound to but that does not exist is not counted)
 * @param errors     active error findings
 * @param warnings   active warning findings
 * @param suppressed suppressed findings
 */
public record ContractSummary(int types, int views, int errors, int warnings, int suppressed) {
}
