package dev.fraise.junit;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;

/**
 * Fails a {@link FraiseDatabase} test class whose database cannot be prepared, or the containers of
 * {@link FraiseContracts} when the schema cannot be loaded. It carries the Fraise error code and a one-line
 * message with the location ({@code BUILD_SQL_ERROR: db/schema/x.sql:3:1: ...}). Its cause is the
 * {@link FraiseException}, with that exception's own causes (the {@code PSQLException}, the {@code IOException}),
 * so Surefire's report and an IDE show the whole chain. Its own stack trace, the extension's internals, is left
 * out unless {@code -Dfraise.debug=true}.
 */
public final class FraiseSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    FraiseSetupException(FraiseException cause) {
        super(cause.getMessage(), cause, false, FraiseException.debug());
        this.code = cause.code();
    }

    /** The stable code of the failure. */
    public ErrorCode code() {
        return code;
    }
}
