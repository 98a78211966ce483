package dev.fraise.junit;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;

/**
 * Fails a {@link FraiseDatabase} test class whose database cannot be prepared, or the containers of
 * {@link FraiseContracts} when the schema cannot be loaded. It carries the Fraise error code and a one-line
 * message with the location ({@code BUILD_SQL_ERROR: db/schema/x.sql:3:1: ...}) and, deliberately, no stack
 * trace: the message says everything.
 */
public final class FraiseSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    FraiseSetupException(FraiseException cause) {
        super(cause.getMessage(), null, false, false);
        this.code = cause.code();
    }

    /** The stable code of the failure. */
    public ErrorCode code() {
        return code;
    }
}
