package dev.fraise.config;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.SourceLocation;
import java.util.Objects;

/**
 * A problem in a config file that does not stop the build, such as an unknown key.
 *
 * @param code     stable code, e.g. {@link ErrorCode#CONFIG_UNKNOWN_KEY}
 * @param message  one line
 * @param location file and line of the offending key
 */
public record ConfigWarning(ErrorCode code, String message, SourceLocation location) {

    public ConfigWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String toString() {
        return code + ": " + location + ": " + message;
    }
}
