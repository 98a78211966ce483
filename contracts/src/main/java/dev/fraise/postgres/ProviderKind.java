package dev.fraise.postgres;

import java.util.Locale;

/** Where disposable databases come from. */
public enum ProviderKind {
    /** An explicit server if one is configured, else Testcontainers if Docker answers, else embedded. */
    AUTO,
    /** An existing server named by a URL ({@code FRAISE_DATABASE_URL} or configuration). */
    SERVER,
    /** A PostgreSQL container started by Testcontainers. */
    TESTCONTAINERS,
    /** PostgreSQL binaries from Maven Central, run as a child process. */
    EMBEDDED;

    /** Parses a case-insensitive name such as {@code embedded}. */
    public static ProviderKind parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
