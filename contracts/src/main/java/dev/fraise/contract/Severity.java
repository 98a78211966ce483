package dev.fraise.contract;

/** How bad a finding is. Errors fail the build; warnings are reported. */
public enum Severity {
    /** The API can break: fails the check. */
    ERROR,
    /** Worth a look; does not fail the check. */
    WARNING
}
