package dev.fraise.postgres;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to obtain a PostgreSQL server. Equal settings share one server per JVM.
 *
 * @param provider      the provider, or {@link ProviderKind#AUTO}
 * @param serverUrl     an explicit server ({@code postgresql://user:pw@host:port/db} or a JDBC URL)
 * @param postgresMajor the PostgreSQL major version wanted (14–18), or empty for the provider's default
 */
public record ServerSettings(ProviderKind provider, Optional<String> serverUrl, OptionalInt postgresMajor) {

    /** System property naming the provider ({@code auto}, {@code server}, {@code testcontainers}, {@code embedded}). */
    public static final String PROVIDER_PROPERTY = "fraise.provider";
    /** System property with the PostgreSQL major version. */
    public static final String MAJOR_PROPERTY = "fraise.postgres.major";
    /** System property with an explicit server URL. */
    public static final String URL_PROPERTY = "fraise.server.url";
    /** Environment variable with an explicit server URL. */
    public static final String URL_VARIABLE = "FRAISE_DATABASE_URL";

    public ServerSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(postgresMajor, "postgresMajor");
        postgresMajor.ifPresent(major -> {
            if (major < 14 || major > 18) {
                throw new IllegalArgumentException("PostgreSQL major must be between 14 and 18, was " + major);
            }
        });
    }

    /** Automatic choice, no explicit server, the default major. */
    public static ServerSettings defaults() {
        return new ServerSettings(ProviderKind.AUTO, Optional.empty(), OptionalInt.empty());
    }

    /**
     * Fills what these settings leave open from system properties ({@code fraise.provider},
     * {@code fraise.postgres.major}, {@code fraise.server.url}) and the {@code FRAISE_DATABASE_URL} variable.
     */
    public ServerSettings withDefaultsFrom(Map<String, String> systemProperties, Map<String, String> environment) {
        ProviderKind kind = provider;
        if (kind == ProviderKind.AUTO && systemProperties.containsKey(PROVIDER_PROPERTY)) {
            kind = ProviderKind.parse(systemProperties.get(PROVIDER_PROPERTY));
        }
        Optional<String> url = serverUrl
                .or(() -> Optional.ofNullable(systemProperties.get(URL_PROPERTY)))
                .or(() -> Optional.ofNullable(environment.get(URL_VARIABLE)))
                .filter(u -> !u.isBlank());
        OptionalInt major = postgresMajor;
        if (major.isEmpty() && systemProperties.containsKey(MAJOR_PROPERTY)) {
            major = OptionalInt.of(Integer.parseInt(systemProperties.get(MAJOR_PROPERTY).trim()));
        }
        return new ServerSettings(kind, url, major);
    }
}
