package dev.fraise.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.fraise.database.Database;
import dev.fraise.database.PoolOptions;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.postgres.ServerSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Settings the extension does not accept fail the class with {@code SETTING_INVALID} and no stack trace, and
 * config warnings reach the test log once per JVM. Isolated: it sets a system property and captures
 * {@code System.err} (slf4j-simple looks the stream up on every line).
 */
@Isolated
class FraiseExtensionSettingsTest {

    @Test
    void aMajorOutsideTheSupportedRangeFailsTheClassWithTheAttributeNamed() {
        assertSettingInvalid("SETTING_INVALID: @FraiseDatabase(postgresMajor) is '13'; accepted: 14 to 18",
                MajorThirteen.class);
    }

    @Test
    void aPrefetchOutOfRangeFailsTheClassWithTheAttributeNamed() {
        assertSettingInvalid("SETTING_INVALID: @FraiseDatabase(prefetch) is '50'; accepted: 0 to 16",
                PrefetchFifty.class);
    }

    @Test
    void cloneThreadsOutOfRangeFailTheClassWithTheAttributeNamed() {
        assertSettingInvalid("SETTING_INVALID: @FraiseDatabase(cloneThreads) is '9'; accepted: 0 (the machine's"
                + " default) or 1 to 8", NineCloneThreads.class);
        assertSettingInvalid("SETTING_INVALID: @FraiseDatabase(cloneThreads) is '-1'; accepted: 0 (the machine's"
                + " default) or 1 to 8", MinusOneCloneThread.class);
    }

    @Test
    void cloneThreadsReachThePoolOptionsAndZeroMeansTheMachineDefault() {
        assertEquals(3, FraiseExtension.settings(ThreeCloneThreads.class.getAnnotation(FraiseDatabase.class))
                .pool().cloneThreads());
        assertEquals(PoolOptions.DEFAULT_CLONE_THREADS, FraiseExtension.settings(
                ValidSettings.class.getAnnotation(FraiseDatabase.class)).pool().cloneThreads());
    }

    @Test
    void anUnknownProviderPropertyFailsTheClassWithThePropertyNamed() {
        String previous = System.setProperty(ServerSettings.PROVIDER_PROPERTY, "dockr");
        try {
            assertSettingInvalid("SETTING_INVALID: system property fraise.provider is 'dockr'; accepted: auto, server,"
                    + " testcontainers, embedded", ValidSettings.class);
        } finally {
            if (previous == null) {
                System.clearProperty(ServerSettings.PROVIDER_PROPERTY);
            } else {
                System.setProperty(ServerSettings.PROVIDER_PROPERTY, previous);
            }
        }
    }

    @Test
    void configWarningsAreLoggedOnceForAllClassesOfTheProject() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        EngineExecutionResults results;
        try {
            results = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(UnknownKeyA.class), selectClass(UnknownKeyB.class))
                    .execute();
        } finally {
            System.setErr(original);
        }
        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        List<String> warnings = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("CONFIG_UNKNOWN_KEY")).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(true, warnings.get(0).endsWith("WARN dev.fraise.config.ConfigWarnings - CONFIG_UNKNOWN_KEY:"
                + " db/environments/local.yaml:4: unknown key 'colour' (ignored)"), warnings.get(0));
    }

    private static void assertSettingInvalid(String message, Class<?> fixture) {
        List<Event> failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute()
                .containerEvents().failed().list();
        assertEquals(1, failed.size(), "exactly the fixture class fails");
        Throwable failure = failed.get(0).getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).orElseThrow();
        FraiseSetupException setup = assertInstanceOf(FraiseSetupException.class, failure);
        assertEquals(ErrorCode.SETTING_INVALID, setup.code());
        assertEquals(message, setup.getMessage());
        assertEquals(0, setup.getStackTrace().length);
        assertEquals(message, assertInstanceOf(FraiseException.class, setup.getCause()).getMessage(),
                "the cause is kept for Surefire's report");
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/no-migrations", postgresMajor = 13)
    static class MajorThirteen {
        @Test
        void neverRuns() {
            throw new AssertionError("must not run");
        }
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/no-migrations", prefetch = 50)
    static class PrefetchFifty {
        @Test
        void neverRuns() {
            throw new AssertionError("must not run");
        }
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/no-migrations", cloneThreads = 9)
    static class NineCloneThreads {
        @Test
        void neverRuns() {
            throw new AssertionError("must not run");
        }
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/no-migrations", cloneThreads = -1)
    static class MinusOneCloneThread {
        @Test
        void neverRuns() {
            throw new AssertionError("must not run");
        }
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/no-migrations", cloneThreads = 3)
    static class ThreeCloneThreads {
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/no-migrations")
    static class ValidSettings {
        @Test
        void neverRuns() {
            throw new AssertionError("must not run");
        }
    }

    abstract static class UnknownKeyFixture {
        @Test
        void getsItsDatabase(Database database) {
            assertEquals("[0]", database.queryJson("SELECT count(*) FROM tb_thing"));
        }
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/unknown-key")
    static class UnknownKeyA extends UnknownKeyFixture {
    }

    @FraiseDatabase(projectDir = "src/test/resources/projects/unknown-key", isolation = Isolation.PER_METHOD)
    static class UnknownKeyB extends UnknownKeyFixture {
    }
}
