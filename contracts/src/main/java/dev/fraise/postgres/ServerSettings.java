package dev.fraise.postgres;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.InvalidSetting;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How to obtain a PostgreSQL server. Equal settings share one server per JVM.
 *
 * @param provider      the provider, or {@link ProviderKind#AUTO}
 * @param serverUrl     an explicit server ({@code postgresql://user:pw@host:port/db} or a JDBC URL, read by
 *                      {@link PostgresUrl}); {@link #toString()} shows it without its password
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
    /** The oldest PostgreSQL major Fraise supports. */
    public static final int MIN_MAJOR = 14;
    /** The newest PostgreSQL major Fraise supports. */
    public static final int MAX_MAJOR = 18;

    private static final String SUPPORTED_MAJORS = MIN_MAJOR + " to " + MAX_MAJOR;
    private static final Logger LOG = LoggerFactory.getLogger(ServerSettings.class);
    /** System properties (name=value) already warned about, so each warning is logged once per JVM. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    /**
     * @throws FraiseException {@code SETTING_INVALID} when {@code serverUrl} is not a URL {@link PostgresUrl}
     *                         reads, or {@code postgresMajor} is outside {@value #MIN_MAJOR}–{@value #MAX_MAJOR}
     */
    public ServerSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(postgresMajor, "postgresMajor");
        serverUrl.ifPresent(url -> PostgresUrl.parse(url, "ServerSettings.serverUrl"));
        postgresMajor.ifPresent(major -> requireSupportedMajor(major, "ServerSettings.postgresMajor"));
    }

    /** Automatic choice, no explicit server, the default major. */
    public static ServerSettings defaults() {
        return new ServerSettings(ProviderKind.AUTO, Optional.empty(), OptionalInt.empty());
    }

    /**
     * Fills what these settings leave open from system properties ({@code fraise.provider},
     * {@code fraise.postgres.major}, {@code fraise.server.url}) and the {@code FRAISE_DATABASE_URL} variable.
     *
     * @throws FraiseException {@code SETTING_INVALID} naming the system property whose value is not accepted
     */
    public ServerSettings withDefaultsFrom(Map<String, String> systemProperties, Map<String, String> environment) {
        ProviderKind kind = provider;
        if (kind == ProviderKind.AUTO && systemProperties.containsKey(PROVIDER_PROPERTY)) {
            kind = ProviderKind.parse(systemProperties.get(PROVIDER_PROPERTY), "system property " + PROVIDER_PROPERTY);
        }
        Optional<String> url = serverUrl;
        if (url.isEmpty()) {
            url = checkedUrl(systemProperties.get(URL_PROPERTY), "system property " + URL_PROPERTY);
        }
        if (url.isEmpty()) {
            url = checkedUrl(environment.get(URL_VARIABLE), "environment variable " + URL_VARIABLE);
        }
        OptionalInt major = postgresMajor;
        if (major.isEmpty() && systemProperties.containsKey(MAJOR_PROPERTY)) {
            major = OptionalInt.of(parseMajor(systemProperties.get(MAJOR_PROPERTY),
                    "system property " + MAJOR_PROPERTY));
        }
        return new ServerSettings(kind, url, major);
    }

    /** This record with {@link #serverUrl} redacted: the password is never part of it. */
    @Override
    public String toString() {
        return "ServerSettings[provider=" + provider + ", serverUrl=" + serverUrl.map(PostgresUrl::redact)
                + ", postgresMajor=" + postgresMajor + "]";
    }

    private static Optional<String> checkedUrl(String url, String setting) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        PostgresUrl parsed = PostgresUrl.parse(url, setting);
        if (setting.startsWith("system property") && WARNED.add(setting + "=" + url.hashCode())) {
            parsed.exposedPasswordWarning(setting, "the " + URL_VARIABLE + " environment variable")
                    .ifPresent(LOG::warn);
        }
        return Optional.of(url);
    }

    /**
     * Parses a PostgreSQL major version given as text.
     *
     * @param setting where it was given, for the error, e.g. {@code system property fraise.postgres.major}
     * @throws FraiseException {@code SETTING_INVALID} when it is not a number from {@value #MIN_MAJOR} to
     *                         {@value #MAX_MAJOR}
     */
    public static int parseMajor(String value, String setting) {
        try {
            return requireSupportedMajor(Integer.parseInt(value.trim()), setting);
        } catch (NumberFormatException e) {
            throw InvalidSetting.of(setting, value, SUPPORTED_MAJORS);
        }
    }

    /**
     * Returns {@code major} when Fraise supports it.
     *
     * @param setting where it was given, for the error, e.g. {@code @FraiseDatabase(postgresMajor)}
     * @throws FraiseException {@code SETTING_INVALID} when it is not from {@value #MIN_MAJOR} to {@value #MAX_MAJOR}
     */
    public static int requireSupportedMajor(int major, String setting) {
        if (major < MIN_MAJOR || major > MAX_MAJOR) {
            throw InvalidSetting.of(setting, major, SUPPORTED_MAJORS);
        }
        return major;
    }
}
