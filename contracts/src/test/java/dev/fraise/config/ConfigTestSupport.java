package dev.fraise.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fraise.TestFiles;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** Fixture access and assertions shared by the config tests. */
final class ConfigTestSupport {

    private ConfigTestSupport() {
    }

    /** A fixture project under {@code src/test/resources/config}. */
    static Path fixture(String name) {
        URL url = ConfigTestSupport.class.getResource("/config/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a UTF-8 file under {@code dir}, creating its parents. */
    static Path write(Path dir, String relative, String content) {
        return TestFiles.write(dir, relative, content);
    }

    /** Writes raw bytes under {@code dir}, creating its parents. */
    static Path write(Path dir, String relative, byte[] content) {
        return TestFiles.write(dir, relative, content);
    }

    /** Loads the {@code local} environment of {@code project} by discovery. */
    static ProjectConfig load(Path project, Map<String, String> variables) {
        return ProjectConfigLoader.load(project, "local", null, variables);
    }

    /** Asserts that {@code action} fails with the code, the rendered location and the one-line message. */
    static FraiseException assertFailure(ErrorCode code, String location, String message, Executable action) {
        FraiseException failure = assertThrows(FraiseException.class, action);
        assertAll(
                () -> assertEquals(code, failure.code(), failure::getMessage),
                () -> assertEquals(location, failure.location().map(Object::toString).orElse(null)),
                () -> assertEquals(message, failure.detail()));
        return failure;
    }
}
