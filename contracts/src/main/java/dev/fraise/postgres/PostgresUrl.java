package dev.fraise.postgres;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A PostgreSQL server address read by libpq's URI rules:
 * {@code postgresql://user:password@host:port/database?name=value} ({@code postgres://} too), or pgjdbc's
 * {@code jdbc:postgresql://host:port/database?user=u&password=p}. Every part is percent-decoded and nothing else
 * ({@code +} stays {@code +}); several {@code host:port} pairs, bracketed IPv6 addresses and host names with
 * {@code _} are accepted; the query parameters {@code user}, {@code password}, {@code dbname}, {@code host} and
 * {@code port} override the URL's parts, as in libpq; the others ({@code sslmode}, {@code options}, ...) are handed
 * to pgjdbc. An empty host is {@code localhost}, an empty port 5432. One deviation from libpq: an {@code @} after
 * a {@code ?} in the user name fails, where libpq would read {@code postgresql://db?password=p@ss} as user
 * {@code db?password=p} on host {@code ss}.
 *
 * <p>The password is never printed: {@link #toString()} is {@link #redacted()}, and a URL that cannot be parsed
 * fails without showing any part of it.
 *
 * @param hosts      the servers, tried in order; never empty
 * @param database   the database, if the URL names one
 * @param user       the user, if the URL names one
 * @param password   the password, if the URL has one
 * @param parameters the other query parameters, decoded, in URL order
 */
public record PostgresUrl(List<Host> hosts, Optional<String> database, Optional<String> user,
                          Optional<String> password, Map<String, String> parameters) {

    /** The port PostgreSQL listens on by default. */
    public static final int DEFAULT_PORT = 5432;

    private static final String ACCEPTED = "postgresql://user:password@host:port/database?name=value or"
            + " jdbc:postgresql://host:port/database?user=...&password=..., with @ : / ? & % in a user name or"
            + " password written %40 %3A %2F %3F %26 %25";
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

    /**
     * One server of the URL.
     *
     * @param name a host name or IP address; an IPv6 address without brackets
     * @param port 1 to 65535
     */
    public record Host(String name, int port) {

        /** {@code name:port}, the IPv6 address bracketed. */
        @Override
        public String toString() {
            return (name.contains(":") ? "[" + name + "]" : name) + ":" + port;
        }
    }

    public PostgresUrl {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a PostgreSQL URL names at least one host");
        }
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Parses {@code url}.
     *
     * @param setting where the URL was given, named by the failure, e.g.
     *                {@code environment variable FRAISE_DATABASE_URL}
     * @throws FraiseException {@code SETTING_INVALID} naming {@code setting} and what is wrong, never the URL's
     *                         parts (one of them may be a mistyped password)
     */
    public static PostgresUrl parse(String url, String setting) {
        return new Parser(url.strip(), setting).parse();
    }

    /**
     * The JDBC URL of {@code database} on these hosts, with the query parameters and without user and password
     * (pgjdbc takes those as properties). pgjdbc decodes the database name and the values with
     * {@link java.net.URLDecoder}, so they are encoded for it.
     */
    public String jdbcUrl(String database) {
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return "jdbc:postgresql://" + hostList() + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8)
                + (query.isEmpty() ? "" : "?" + query);
    }

    /** The URL for messages: user, hosts and database, the password as {@code ***}, no query parameters. */
    public String redacted() {
        String credentials = user.isEmpty() && password.isEmpty() ? ""
                : encode(user.orElse("")) + password.map(p -> ":***").orElse("") + "@";
        return "postgresql://" + credentials + hostList() + "/" + encode(database.orElse(""));
    }

    /**
     * The {@code SETTING_PASSWORD_EXPOSED} warning when this URL holds a password and was given where it gets
     * printed: a system property is listed by Surefire's {@code TEST-*.xml} reports and {@code ps}, a plugin
     * parameter by {@code mvn -X}.
     *
     * @param setting where the URL was given, e.g. {@code system property fraise.server.url}
     * @param instead where the URL belongs, e.g. {@code the FRAISE_DATABASE_URL environment variable}
     */
    public Optional<String> exposedPasswordWarning(String setting, String instead) {
        return password.map(p -> ErrorCode.SETTING_PASSWORD_EXPOSED + ": " + setting + " holds a database"
                + " password, which build logs and test reports print; set " + instead + " instead");
    }

    /** {@link #redacted()}: the password is never part of a string made from this URL. */
    @Override
    public String toString() {
        return redacted();
    }

    /**
     * {@code url} redacted for a message: {@link #redacted()} when it parses, else a placeholder that shows none
     * of it.
     */
    public static String redact(String url) {
        try {
            return parse(url, "url").redacted();
        } catch (FraiseException e) {
            return "(an invalid PostgreSQL URL, not shown)";
        }
    }

    private String hostList() {
        return hosts.stream().map(Host::toString).collect(Collectors.joining(","));
    }

    private static String encode(String part) {
        StringBuilder out = new StringBuilder();
        for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** libpq's {@code conninfo_uri_parse_options}, failing with {@code SETTING_INVALID} where libpq would fail. */
    private static final class Parser {
        private final String url;
        private final String setting;

        Parser(String url, String setting) {
            this.url = url;
            this.setting = setting;
        }

        PostgresUrl parse() {
            String rest = withoutPrefix();
            Optional<String> user = Optional.empty();
            Optional<String> password = Optional.empty();
            int credentialsEnd = indexOfAny(rest, "@/", 0);
            if (credentialsEnd >= 0 && rest.charAt(credentialsEnd) == '@') {
                String credentials = rest.substring(0, credentialsEnd);
                int colon = credentials.indexOf(':');
                if (credentials.substring(0, colon < 0 ? credentials.length() : colon).indexOf('?') >= 0) {
                    // libpq would take "host?password=p" of "postgresql://host?password=p@ss" for a user name.
                    throw invalid("an '@' comes after a '?'; write an '@' in a query parameter as %40, a '?' in a"
                            + " user name as %3F");
                }
                user = nonEmpty(decode(colon < 0 ? credentials : credentials.substring(0, colon), "user name"));
                password = colon < 0 ? Optional.empty()
                        : nonEmpty(decode(credentials.substring(colon + 1), "password"));
                rest = rest.substring(credentialsEnd + 1);
            }
            int hostsEnd = indexOfAny(rest, "/?", 0);
            String hostSpec = hostsEnd < 0 ? rest : rest.substring(0, hostsEnd);
            if (hostSpec.indexOf('@') >= 0) {
                throw invalid("it has more than one '@' before the host; write an '@' in the user name or password"
                        + " as %40");
            }
            List<Host> hosts = hosts(hostSpec);
            Optional<String> database = Optional.empty();
            String query = "";
            if (hostsEnd >= 0) {
                int queryStart = rest.indexOf('?', hostsEnd);
                if (rest.charAt(hostsEnd) == '/') {
                    String path = rest.substring(hostsEnd + 1, queryStart < 0 ? rest.length() : queryStart);
                    database = nonEmpty(decode(path, "database name"));
                }
                query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (Map.Entry<String, String> parameter : query(query).entrySet()) {
                String value = parameter.getValue();
                switch (parameter.getKey()) {
                    case "user" -> user = nonEmpty(value);
                    case "password" -> password = nonEmpty(value);
                    case "dbname" -> database = nonEmpty(value);
                    case "host" -> hosts = withNames(hosts, value);
                    case "port" -> hosts = withPorts(hosts, value);
                    default -> parameters.put(parameter.getKey(), value);
                }
            }
            return new PostgresUrl(hosts, database, user, password, parameters);
        }

        private String withoutPrefix() {
            for (String prefix : List.of("postgresql://", "postgres://", "jdbc:postgresql://")) {
                if (url.regionMatches(true, 0, prefix, 0, prefix.length())) {
                    return url.substring(prefix.length());
                }
            }
            if (url.regionMatches(true, 0, "jdbc:postgresql:", 0, "jdbc:postgresql:".length())) {
                throw invalid("name the server: jdbc:postgresql://host:port/database");
            }
            var scheme = SCHEME.matcher(url);
            throw invalid(scheme.lookingAt() && url.startsWith("//", scheme.end())
                    ? "it is a " + scheme.group() + "// URL, not a PostgreSQL one"
                    : "it does not start with postgresql://, postgres:// or jdbc:postgresql://");
        }

        private List<Host> hosts(String hostSpec) {
            List<Host> hosts = new ArrayList<>();
            int at = 0;
            while (true) {
                String name;
                int end;
                if (hostSpec.startsWith("[", at)) {
                    int close = hostSpec.indexOf(']', at);
                    if (close < 0) {
                        throw invalid("an IPv6 address is missing its closing ']'");
                    }
                    name = decode(hostSpec.substring(at + 1, close), "host");
                    if (!IPV6.matcher(name).matches()) {
                        throw invalid("a bracketed host is not an IPv6 address");
                    }
                    end = close + 1;
                    if (end < hostSpec.length() && ":,".indexOf(hostSpec.charAt(end)) < 0) {
                        throw invalid("an IPv6 address is followed by something other than ':port' or ','");
                    }
                } else {
                    end = indexOfAny(hostSpec, ":,", at);
                    end = end < 0 ? hostSpec.length() : end;
                    name = hostName(decode(hostSpec.substring(at, end), "host"));
                }
                int port = DEFAULT_PORT;
                if (end < hostSpec.length() && hostSpec.charAt(end) == ':') {
                    int portEnd = hostSpec.indexOf(',', end);
                    portEnd = portEnd < 0 ? hostSpec.length() : portEnd;
                    port = port(decode(hostSpec.substring(end + 1, portEnd), "port"));
                    end = portEnd;
                }
                hosts.add(new Host(name, port));
                if (end >= hostSpec.length()) {
                    return hosts;
                }
                at = end + 1;
            }
        }

        private String hostName(String name) {
            if (name.isEmpty()) {
                return "localhost";
            }
            if (name.startsWith("/")) {
                throw invalid("its host is a Unix-domain socket directory, which pgjdbc cannot use; name a TCP host");
            }
            if (!HOST_NAME.matcher(name).matches()) {
                throw invalid("its host is not a host name or an IP address (IPv6 addresses go in brackets)");
            }
            return name;
        }

        private int port(String text) {
            if (text.isEmpty()) {
                return DEFAULT_PORT;
            }
            if (text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                int port = Integer.parseInt(text);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            }
            throw invalid("its port is not a number from 1 to 65535");
        }

        private List<Host> withNames(List<Host> hosts, String names) {
            String[] split = names.split(",", -1);
            List<Host> result = new ArrayList<>();
            for (int i = 0; i < split.length; i++) {
                int port = hosts.size() == split.length ? hosts.get(i).port() : hosts.get(0).port();
                result.add(new Host(hostName(split[i]), port));
            }
            return result;
        }

        private List<Host> withPorts(List<Host> hosts, String ports) {
            String[] split = ports.split(",", -1);
            if (split.length != 1 && split.length != hosts.size()) {
                throw invalid("its port parameter lists " + split.length + " ports for " + hosts.size() + " hosts");
            }
            List<Host> result = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) {
                result.add(new Host(hosts.get(i).name(), port(split[split.length == 1 ? 0 : i])));
            }
            return result;
        }

        private Map<String, String> query(String query) {
            Map<String, String> result = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                if (equals < 0 || pair.indexOf('=', equals + 1) >= 0) {
                    throw invalid("a query parameter is not name=value (write '=' in a value as %3D)");
                }
                String name = decode(pair.substring(0, equals), "query parameter name");
                if (!PARAMETER_NAME.matcher(name).matches()) {
                    throw invalid("a query parameter name is not a word");
                }
                result.put(name, decode(pair.substring(equals + 1), "query parameter"));
            }
            return result;
        }

        /** Percent-decoding as libpq does it: {@code %XX} only, no {@code %00}; the bytes must be UTF-8. */
        private String decode(String part, String what) {
            if (part.indexOf('%') < 0) {
                return part;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int i = 0;
            while (i < part.length()) {
                int percent = part.indexOf('%', i);
                int end = percent < 0 ? part.length() : percent;
                bytes.writeBytes(part.substring(i, end).getBytes(StandardCharsets.UTF_8));
                if (percent < 0) {
                    break;
                }
                int hi = percent + 1 < part.length() ? Character.digit(part.charAt(percent + 1), 16) : -1;
                int lo = percent + 2 < part.length() ? Character.digit(part.charAt(percent + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw invalid("its " + what + " has a '%' not followed by two hex digits; write a '%' as %25");
                }
                if (hi == 0 && lo == 0) {
                    throw invalid("its " + what + " has %00, which PostgreSQL forbids");
                }
                bytes.write(hi * 16 + lo);
                i = percent + 3;
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                throw invalid("its " + what + " is not UTF-8 once percent-decoded");
            }
        }

        private FraiseException invalid(String why) {
            return new FraiseException(ErrorCode.SETTING_INVALID, setting + " is not a PostgreSQL URL Fraise can"
                    + " use: " + why + " (the value is not shown: it may hold a password); accepted: " + ACCEPTED);
        }

        private static int indexOfAny(String s, String chars, int from) {
            for (int i = from; i < s.length(); i++) {
                if (chars.indexOf(s.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }

        private static Optional<String> nonEmpty(String s) {
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        }
    }
}
