package dev.fraise.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.fraise.error.FraiseException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** {@code -Dfraise.debug=true} adds the extension's stack trace to a setup failure (isolated: it sets a property). */
@Isolated
class DebugFlagTest {

    @Test
    void withTheDebugFlagTheSetupFailureHasItsStackTraceToo() {
        System.setProperty(FraiseException.DEBUG_PROPERTY, "true");
        List<Event> failed;
        try {
            failed = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(FraiseExtensionBehaviourTest.BrokenSchema.class)).execute()
                    .containerEvents().failed().list();
        } finally {
            System.clearProperty(FraiseException.DEBUG_PROPERTY);
        }
        assertEquals(1, failed.size(), "exactly the fixture class fails");
        Throwable failure = failed.get(0).getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).orElseThrow();
        FraiseSetupException setup = assertInstanceOf(FraiseSetupException.class, failure);
        assertNotEquals(0, setup.getStackTrace().length);
        assertInstanceOf(SQLException.class, setup.getCause().getCause());
    }
}
