package dev.fraise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fraise.config.ConfigWarning;
import dev.fraise.database.Database;
import dev.fraise.database.TemplatePool;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entry facade reports config warnings to every engine user, each once per JVM (slf4j-simple writes to
 * {@code System.err}, which these tests capture), and fails on settings it does not accept with a code.
 */
class FraiseTest {

    private static final String COLOUR = "CONFIG_UNKNOWN_KEY: db/environments/local.yaml:4: unknown key 'colour'"
            + " (ignored)";

    @TempDir
    Path dir;

    @Test
    void eachConfigWarningIsLoggedOnceHoweverOftenThePoolPlanAndConfigAreLoaded() {
        Path project = project("logged");
        FraiseSettings settings = FraiseSettings.forProject(project)
                .withServer(new ServerSettings(ProviderKind.EMBEDDED, Optional.empty(), OptionalInt.empty()));
        List<ConfigWarning> kept = new ArrayList<>();
        String log = capturedErr(() -> {
            TemplatePool pool = Fraise.sharedPool(settings);
            assertSame(pool, Fraise.sharedPool(settings));
            try (Database db = pool.acquire()) {
                assertEquals("[0]", db.queryJson("SELECT count(*) FROM tb_a"));
            }
            assertEquals(1, Fraise.plan(settings).files().size());
            kept.addAll(Fraise.loadConfig(settings).warnings());
            return null;
        });
        assertEquals(List.of("WARN dev.fraise.config.ConfigWarnings - " + COLOUR), warnings(log));
        assertEquals(List.of(COLOUR), kept.stream().map(ConfigWarning::toString).toList(),
                "the warnings stay in the config for callers that read them");
    }

    @Test
    void aCallerWithItsOwnLogGetsTheWarningsInsteadOfTheEngineLog() {
        FraiseSettings settings = FraiseSettings.forProject(project("own-log"));
        List<String> own = new ArrayList<>();
        String log = capturedErr(() -> {
            Fraise.loadConfig(settings, w -> own.add(w.toString()));
            Fraise.loadConfig(settings, w -> own.add(w.toString()));
            return Fraise.plan(settings);
        });
        assertEquals(List.of(COLOUR), own);
        assertEquals(List.of(), warnings(log), "reported once, to the caller's log only");
    }

    @Test
    void theSameWarningOfAnotherProjectIsLoggedToo() {
        String log = capturedErr(() -> {
            Fraise.plan(FraiseSettings.forProject(project("first")));
            Fraise.plan(FraiseSettings.forProject(project("second")));
            return Fraise.plan(FraiseSettings.forProject(project("first")));
        });
        assertEquals(2, warnings(log).size(), log);
    }

    @Test
    void aProviderPropertyFraiseDoesNotKnowFailsThePoolWithSettingInvalid() {
        FraiseSettings settings = FraiseSettings.forProject(project("provider"));
        String previous = System.setProperty(ServerSettings.PROVIDER_PROPERTY, "dockr");
        try {
            FraiseException e = assertThrows(FraiseException.class, () -> Fraise.sharedPool(settings));
            assertEquals(ErrorCode.SETTING_INVALID, e.code());
            assertEquals("SETTING_INVALID: system property fraise.provider is 'dockr'; accepted: auto, server,"
                    + " testcontainers, embedded", e.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty(ServerSettings.PROVIDER_PROPERTY);
            } else {
                System.setProperty(ServerSettings.PROVIDER_PROPERTY, previous);
            }
        }
    }

    private Path project(String name) {
        Path project = dir.resolve(name);
        TestFiles.write(project, "db/environments/local.yaml", """
                name: local
                include_dirs:
                  - db/schema
                colour: blue
                """);
        TestFiles.write(project, "db/schema/10_tb_a.sql", "CREATE TABLE tb_a (pk_a int);\n");
        return project;
    }

    private static List<String> warnings(String log) {
        return log.lines().filter(l -> l.contains("CONFIG_UNKNOWN_KEY")).map(l -> l.replaceFirst("^\\[.*?\\] ", ""))
                .toList();
    }

    /** What {@code action} wrote to {@code System.err}; slf4j-simple looks the stream up on every line. */
    private static String capturedErr(Supplier<?> action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.get();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
