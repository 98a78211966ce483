package dev.fraise.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** libpq's URI rules: what each part decodes to, and what fails with SETTING_INVALID naming the setting. */
class PostgresUrlTest {

    private static final String SETTING = "environment variable FRAISE_DATABASE_URL";

    @Test
    void composeStyleHostNamesKeepTheirHostPortAndUser() {
        PostgresUrl url = parse("postgresql://u:pw@my_db_host:55987/postgres");
        assertEquals(List.of(new PostgresUrl.Host("my_db_host", 55987)), url.hosts());
        assertEquals(Optional.of("u"), url.user());
        assertEquals("jdbc:postgresql://my_db_host:55987/postgres", url.jdbcUrl("postgres"));
    }

    @Test
    void onlyPercentEscapesAreDecodedSoAPlusStaysAPlus() {
        PostgresUrl url = parse("postgres://a+b%20c:p+w%2Fx%40y%3Az%25@db/my%20db?options=-c%20x%3Dy+z");
        assertEquals(Optional.of("a+b c"), url.user());
        assertEquals(Optional.of("p+w/x@y:z%"), url.password());
        assertEquals(Optional.of("my db"), url.database());
        assertEquals(Map.of("options", "-c x=y+z"), url.parameters());
        assertEquals("jdbc:postgresql://db:5432/my+db?options=-c+x%3Dy%2Bz", url.jdbcUrl("my db"),
                "encoded for pgjdbc, which decodes with URLDecoder");
        assertEquals(Optional.of("p:w?x"), parse("postgresql://u:p:w?x@h/d").password(),
                "the password runs to the '@'");
        assertEquals(Optional.of("\uD83C\uDF53 fraise"), parse("postgresql://u:\uD83C\uDF53%20fraise@h/d").password(),
                "characters beyond the BMP survive decoding");
    }

    @Test
    void queryParametersOverrideTheUrlPartsAsInLibpq() {
        PostgresUrl url = parse("postgresql://app:one@h1/app?user=other&password=two&dbname=blog&host=h2,h3"
                + "&port=6000&sslmode=require");
        assertEquals(Optional.of("other"), url.user());
        assertEquals(Optional.of("two"), url.password());
        assertEquals(Optional.of("blog"), url.database());
        assertEquals(List.of(new PostgresUrl.Host("h2", 6000), new PostgresUrl.Host("h3", 6000)), url.hosts());
        assertEquals(Map.of("sslmode", "require"), url.parameters());
    }

    @Test
    void defaultsAreLibpqsAndSeveralHostsAndIpv6AreKept() {
        PostgresUrl bare = parse("postgresql://");
        assertEquals(List.of(new PostgresUrl.Host("localhost", 5432)), bare.hosts(), "an empty host is local");
        assertEquals(Optional.empty(), bare.database());
        assertEquals(List.of(new PostgresUrl.Host("db", 5432)), parse("postgresql://u@db:/x").hosts(),
                "an empty port is the default one");
        PostgresUrl many = parse("postgresql://[::1]:6000,db-2,[fe80::1%25eth0]/x?target_session_attrs=any");
        assertEquals(List.of(new PostgresUrl.Host("::1", 6000), new PostgresUrl.Host("db-2", 5432),
                new PostgresUrl.Host("fe80::1%eth0", 5432)), many.hosts());
        assertEquals("jdbc:postgresql://[::1]:6000,db-2:5432,[fe80::1%eth0]:5432/x?target_session_attrs=any",
                many.jdbcUrl("x"));
        PostgresUrl jdbc = parse(" jdbc:postgresql://10.0.0.7/app?user=u&password=p+q\n");
        assertEquals(List.of(new PostgresUrl.Host("10.0.0.7", 5432)), jdbc.hosts());
        assertEquals(Optional.of("p+q"), jdbc.password());
    }

    @Test
    void whatLibpqCannotUseFailsNamingTheSettingNeverADefaultHost() {
        assertInvalid("postgresql://u:pw@db:5o32/x", "its port is not a number from 1 to 65535");
        assertInvalid("postgresql://u:pw@db:70000/x", "its port is not a number from 1 to 65535");
        assertInvalid("postgresql://u:p@ss@db/x", "it has more than one '@' before the host");
        assertInvalid("postgresql://db?password=p@ss", "an '@' comes after a '?'");
        assertInvalid("postgresql://u:p%ZZ@db/x", "its password has a '%' not followed by two hex digits");
        assertInvalid("postgresql://u:p%00@db/x", "its password has %00");
        assertInvalid("postgresql://u:p%FF@db/x", "its password is not UTF-8");
        assertInvalid("postgresql://db/x?sslmode", "a query parameter is not name=value");
        assertInvalid("postgresql://db/x?options=a=b", "a query parameter is not name=value");
        assertInvalid("postgresql://db!/x", "its host is not a host name or an IP address");
        assertInvalid("postgresql://%2Fvar%2Frun%2Fpostgresql/x", "Unix-domain socket");
        assertInvalid("postgresql://[::1/x", "missing its closing ']'");
        assertInvalid("postgresql://h1,h2/x?port=1,2,3", "its port parameter lists 3 ports for 2 hosts");
        assertInvalid("mysql://u:pw@db/x", "it is a mysql:// URL, not a PostgreSQL one");
        assertInvalid("host=db password=pw", "it does not start with postgresql://");
        assertInvalid("jdbc:postgresql:x", "name the server");
    }

    @Test
    void aPlantedPasswordAppearsInNoMessageAndNoString() {
        String secret = "Pl4nted-" + Long.toHexString(System.nanoTime());
        List<String> malformed = List.of(
                "postgresql://u:" + secret + "@my_db_host:abc/postgres",
                "postgresql://u:" + secret + "@:/postgres?x",
                "postgresql://u:" + secret + "@ss@host/db",
                "postgresql://u:" + secret + "%Zq9@host/db",
                "postgresql://u:" + secret + "/w@host:1/db",
                "postgresql://u@host/db?password=" + secret + "&a",
                "postgresql://host?password=" + secret + "@x/db",
                "mysql://u:" + secret + "@db/x",
                "jdbc:postgresql://host/db?password=" + secret + "&port=x");
        for (String url : malformed) {
            FraiseException e = assertThrows(FraiseException.class, () -> PostgresUrl.parse(url, SETTING), url);
            assertEquals(ErrorCode.SETTING_INVALID, e.code(), url);
            assertNoSecret(secret, e.getMessage());
            assertNoSecret(secret, PostgresUrl.redact(url));
        }
        String valid = "postgresql://u:" + secret + "@db:5/x?sslpassword=" + secret;
        PostgresUrl url = parse(valid);
        assertNoSecret(secret, url.toString());
        assertNoSecret(secret, url.jdbcUrl("x").replace("sslpassword=" + secret, ""));
        assertNoSecret(secret, PostgresUrl.redact(valid));
        assertNoSecret(secret, new ServerSettings(ProviderKind.SERVER, Optional.of(valid),
                java.util.OptionalInt.empty()).toString());
        assertNoSecret(secret, url.exposedPasswordWarning("system property fraise.server.url",
                "FRAISE_DATABASE_URL").orElseThrow());
    }

    private static void assertNoSecret(String secret, String text) {
        assertFalse(text.contains(secret) || text.contains(secret.substring(0, 6))
                || text.contains(secret.substring(secret.length() - 6)), "the password leaks: " + text);
    }

    private static PostgresUrl parse(String url) {
        return PostgresUrl.parse(url, SETTING);
    }

    private static void assertInvalid(String url, String why) {
        FraiseException e = assertThrows(FraiseException.class, () -> parse(url));
        assertEquals(ErrorCode.SETTING_INVALID, e.code());
        assertTrue(e.getMessage().startsWith("SETTING_INVALID: " + SETTING + " is not a PostgreSQL URL Fraise can"
                + " use: "), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
