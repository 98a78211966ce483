package dev.fraise.report;

/**
 * How much a {@link Problem} matters, in SARIF's terms: an error fails its gate, a warning is worth a look, a note
 * is information (a safe schema change).
 */
public enum Level {
    /** Fails the gate (a contract error, drift, a breaking change, an edited applied migration). */
    ERROR,
    /** Worth a look; fails the gate only with {@code failOn=warning} (a contract warning, a dangerous change). */
    WARNING,
    /** Information only (a safe change); never an alert. */
    NOTE
}
