package dev.fraise.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Settings from system properties, and what a value Fraise does not accept fails with. */
class ServerSettingsTest {

    @Test
    void systemPropertiesFillWhatTheSettingsLeaveOpen() {
        ServerSettings filled = ServerSettings.defaults().withDefaultsFrom(Map.of(
                ServerSettings.PROVIDER_PROPERTY, " Embedded ", ServerSettings.MAJOR_PROPERTY, " 16 ",
                ServerSettings.URL_PROPERTY, "postgresql://u@h/db"), Map.of());
        assertEquals(new ServerSettings(ProviderKind.EMBEDDED, Optional.of("postgresql://u@h/db"), OptionalInt.of(16)),
                filled);
        ServerSettings explicit = new ServerSettings(ProviderKind.SERVER, Optional.empty(), OptionalInt.of(15))
                .withDefaultsFrom(Map.of(ServerSettings.PROVIDER_PROPERTY, "dockr",
                        ServerSettings.MAJOR_PROPERTY, "abc"),
                        Map.of(ServerSettings.URL_VARIABLE, "postgresql://e/db"));
        assertEquals(new ServerSettings(ProviderKind.SERVER, Optional.of("postgresql://e/db"), OptionalInt.of(15)),
                explicit, "explicit settings win, so properties they override are not even read");
    }

    @Test
    void anUnknownProviderPropertyNamesThePropertyTheValueAndTheProviders() {
        assertInvalid("system property fraise.provider is 'dockr'; accepted: auto, server, testcontainers, embedded",
                () -> ServerSettings.defaults().withDefaultsFrom(
                        Map.of(ServerSettings.PROVIDER_PROPERTY, "dockr"), Map.of()));
    }

    @Test
    void aMajorPropertyThatIsNoNumberOrOutOfRangeIsInvalid() {
        assertInvalid("system property fraise.postgres.major is 'abc'; accepted: 14 to 18", () -> withMajor("abc"));
        assertInvalid("system property fraise.postgres.major is '13'; accepted: 14 to 18", () -> withMajor("13"));
    }

    @Test
    void theEngineApiNamesTheRecordComponent() {
        assertInvalid("ServerSettings.postgresMajor is '19'; accepted: 14 to 18",
                () -> new ServerSettings(ProviderKind.AUTO, Optional.empty(), OptionalInt.of(19)));
        assertInvalid("plugin parameter provider is ''; accepted: auto, server, testcontainers, embedded",
                () -> ProviderKind.parse("", "plugin parameter provider"));
        assertEquals(ProviderKind.TESTCONTAINERS, ProviderKind.parse("TestContainers", "x"));
        assertEquals(18, ServerSettings.parseMajor("18", "x"));
    }

    @Test
    void aPasswordInASystemPropertyIsWarnedAboutOnceInOneLineThatHidesIt() {
        String secret = "Pl4nted-" + Long.toHexString(System.nanoTime());
        String url = "postgresql://app:" + secret + "@db.example/app";
        Map<String, String> properties = Map.of(ServerSettings.URL_PROPERTY, url);
        String log = capturedErr(() -> {
            ServerSettings settings = ServerSettings.defaults().withDefaultsFrom(properties, Map.of());
            ServerSettings.defaults().withDefaultsFrom(properties, Map.of());
            assertEquals("ServerSettings[provider=AUTO, serverUrl=Optional[postgresql://app:***@db.example:5432/app],"
                    + " postgresMajor=OptionalInt.empty]", settings.toString());
        });
        List<String> warnings = log.lines().filter(l -> l.contains("SETTING_PASSWORD_EXPOSED")).toList();
        assertEquals(1, warnings.size(), log);
        assertTrue(warnings.get(0).endsWith("SETTING_PASSWORD_EXPOSED: system property fraise.server.url holds a"
                + " database password, which build logs and test reports print; set the FRAISE_DATABASE_URL"
                + " environment variable instead"), warnings.get(0));
        assertFalse(log.contains(secret), log);

        String quiet = capturedErr(() -> ServerSettings.defaults().withDefaultsFrom(Map.of(),
                Map.of(ServerSettings.URL_VARIABLE, "postgresql://app:" + secret + "x@db.example/app")));
        assertEquals("", quiet, "the environment variable is where a password belongs");
    }

    /** What {@code action} wrote to {@code System.err}; slf4j-simple looks the stream up on every line. */
    private static String capturedErr(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static ServerSettings withMajor(String major) {
        return ServerSettings.defaults().withDefaultsFrom(Map.of(ServerSettings.MAJOR_PROPERTY, major), Map.of());
    }

    private static void assertInvalid(String detail, Executable action) {
        FraiseException e = assertThrows(FraiseException.class, action);
        assertEquals(ErrorCode.SETTING_INVALID, e.code());
        assertEquals(detail, e.detail());
        assertEquals("SETTING_INVALID: " + detail, e.getMessage(), "one line, no location");
    }
}
