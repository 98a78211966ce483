/**
 * The contract checker: every GraphQL type against the inferred shape of its view's {@code data} column, with
 * precise findings. {@link dev.fraise.contract.ContractChecker} is the entry point.
 */
package dev.fraise.contract;
