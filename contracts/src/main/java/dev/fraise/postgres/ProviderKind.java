package dev.fraise.postgres;

import dev.fraise.error.FraiseException;
import dev.fraise.error.InvalidSetting;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where disposable databases come from. */
public enum ProviderKind {
    /** An explicit server if one is configured, else Testcontainers if Docker answers, else embedded. */
    AUTO,
    /** An existing server named by a URL ({@code FRAISE_DATABASE_URL} or configuration). */
    SERVER,
    /** A PostgreSQL container started by Testcontainers. */
    TESTCONTAINERS,
    /**
     * PostgreSQL run as a child process: the one installed on the machine when its major is the wanted one, else
     * zonky's binaries from Maven Central ({@code -Dfraise.embedded.binaries=auto|installed|zonky}).
     */
    EMBEDDED;

    /**
     * Parses a case-insensitive name such as {@code embedded}.
     *
     * @param name    the value given
     * @param setting where it was given, for the error, e.g. {@code system property fraise.provider}
     * @throws FraiseException {@code SETTING_INVALID} naming the setting, the value and the accepted names
     */
    public static ProviderKind parse(String name, String setting) {
        String key = name.trim().toUpperCase(Locale.ROOT);
        for (ProviderKind kind : values()) {
            if (kind.name().equals(key)) {
                return kind;
            }
        }
        throw InvalidSetting.of(setting, name, Arrays.stream(values())
                .map(kind -> kind.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
    }
}
