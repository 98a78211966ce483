package dev.fraise.error;

import java.util.Objects;
import java.util.Optional;

/**
 * The one unchecked exception Fraise throws for user-facing failures. It carries a stable
 * {@link ErrorCode}, a one-line message and, where there is one, the {@link SourceLocation} at fault.
 *
 * <p>{@link #getMessage()} renders as {@code CODE: location: message}, so a log line or a failed test
 * says what went wrong and where without a stack trace. The underlying error (a JDBC, I/O or parser exception)
 * stays attached as the cause: callers that shorten what they show keep it with {@code -Dfraise.debug=true}.
 */
public class FraiseException extends RuntimeException {

    /** The system property that shows failures with their causes and stack traces: {@code -Dfraise.debug=true}. */
    public static final String DEBUG_PROPERTY = "fraise.debug";

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String detail;
    private final transient SourceLocation location;

    public FraiseException(ErrorCode code, String detail) {
        this(code, detail, null, null);
    }

    public FraiseException(ErrorCode code, String detail, SourceLocation location) {
        this(code, detail, location, null);
    }

    public FraiseException(ErrorCode code, String detail, SourceLocation location, Throwable cause) {
        super(render(code, detail, location), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.location = location;
    }

    /** The stable code of this failure. */
    public ErrorCode code() {
        return code;
    }

    /** The message without code and location. */
    public String detail() {
        return detail;
    }

    /** Where the failure is, when it is in a file. */
    public Optional<SourceLocation> location() {
        return Optional.ofNullable(location);
    }

    /** Whether {@code -Dfraise.debug=true} asks for failures with their causes and stack traces. */
    public static boolean debug() {
        return Boolean.getBoolean(DEBUG_PROPERTY);
    }

    private static String render(ErrorCode code, String detail, SourceLocation location) {
        return location == null
                ? code.name() + ": " + detail
                : code.name() + ": " + location + ": " + detail;
    }
}
