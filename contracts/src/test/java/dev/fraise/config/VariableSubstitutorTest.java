package dev.fraise.config;

import static dev.fraise.config.ConfigTestSupport.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.SourceLocation;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableSubstitutorTest {

    private static final SourceLocation HERE = SourceLocation.of(Path.of("confiture.yaml"), 7);

    private final VariableSubstitutor substitutor =
            new VariableSubstitutor(Map.of("HOST", "db.internal", "EMPTY", "", "PRICE", "$5\\x"));

    @Test
    void replacesEveryReference() {
        assertEquals("postgresql://db.internal/db.internal",
                substitutor.substitute("postgresql://${HOST}/${HOST}", HERE));
    }

    @Test
    void replacementTextIsTakenLiterally() {
        assertEquals("cost $5\\x", substitutor.substitute("cost ${PRICE}", HERE));
    }

    @Test
    void defaultAppliesWhenUnsetOrEmpty() {
        assertEquals("5432/x/db.internal",
                substitutor.substitute("${PORT:-5432}/${EMPTY:-x}/${HOST:-other}", HERE));
    }

    @Test
    void emptyDefaultIsAllowed() {
        assertEquals("ab", substitutor.substitute("a${PASSWORD:-}b", HERE));
    }

    @Test
    void textThatIsNoReferenceIsKept() {
        assertEquals("$$ $HOST ${1ABC} ${} $", substitutor.substitute("$$ $HOST ${1ABC} ${} $", HERE));
    }

    @Test
    void undefinedVariableFailsAtTheGivenLocation() {
        assertFailure(ErrorCode.CONFIG_VARIABLE_UNDEFINED, "confiture.yaml:7",
                "environment variable DB_PASSWORD is not set",
                () -> substitutor.substitute("x ${DB_PASSWORD}", HERE));
    }
}
