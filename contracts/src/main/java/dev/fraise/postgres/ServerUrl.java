package dev.fraise.postgres;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An explicit server address, from a libpq URL ({@code postgresql://user:pw@host:5432/db?sslmode=require}) or a
 * JDBC URL ({@code jdbc:postgresql://host:5432/db?user=u&password=p}). Query parameters other than the user and
 * password ({@code sslmode}, {@code sslrootcert}, {@code options}, ...) are kept for every connection.
 *
 * @param parameters the raw ({@code &}-joined, still encoded) query parameters besides user and password; may be
 *                   empty
 */
record ServerUrl(String host, int port, String database, String user, String password, String parameters) {

    static ServerUrl parse(String url) {
        String raw = url.trim();
        if (raw.startsWith("jdbc:")) {
            raw = raw.substring("jdbc:".length());
        }
        if (!raw.startsWith("postgresql://") && !raw.startsWith("postgres://")) {
            throw invalid(url, "expected postgresql://user:password@host:port/database or a jdbc:postgresql:// URL");
        }
        try {
            URI uri = new URI(raw);
            Map<String, String> query = query(uri.getRawQuery());
            String user = query.getOrDefault("user", "postgres");
            String password = query.getOrDefault("password", "");
            String parameters = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(pair -> !pair.isEmpty())
                    .filter(pair -> !List.of("user", "password").contains(decode(pair.split("=", 2)[0])))
                    .collect(Collectors.joining("&"));
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : password;
            }
            String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            String host = uri.getHost() == null ? "localhost" : uri.getHost();
            return new ServerUrl(host, uri.getPort() < 0 ? 5432 : uri.getPort(),
                    path.isEmpty() ? "postgres" : path, user, password, parameters);
        } catch (URISyntaxException e) {
            throw invalid(url, e.getReason());
        }
    }

    String jdbcUrl(String db) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + db + (parameters.isEmpty() ? "" : "?" + parameters);
    }

    /** The URL with the password masked, for messages. */
    String redacted() {
        return "postgresql://" + user + (password.isEmpty() ? "" : ":***") + "@" + host + ":" + port + "/" + database;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> result = new LinkedHashMap<>();
        if (rawQuery == null) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            result.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        return result;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static FraiseException invalid(String url, String why) {
        String shown = url.replaceAll("://([^:/@]+):[^@]*@", "://$1:***@");
        return new FraiseException(ErrorCode.SERVER_UNREACHABLE, "invalid server URL " + shown + ": " + why);
    }
}
