package dev.fraise.error;

/**
 * Builds the {@link ErrorCode#SETTING_INVALID} failure of a setting, so every entry point (system properties,
 * {@code @FraiseDatabase} attributes, plugin parameters, engine records) words it the same way:
 * {@code SETTING_INVALID: system property fraise.provider is 'dockr'; accepted: auto, server, testcontainers,
 * embedded}.
 */
public final class InvalidSetting {

    private InvalidSetting() {
    }

    /**
     * The failure of {@code setting} having {@code value}.
     *
     * @param setting  what the user set, e.g. {@code system property fraise.provider} or
     *                 {@code @FraiseDatabase(postgresMajor)}
     * @param value    the value given
     * @param accepted the accepted values, e.g. {@code 14 to 18}
     */
    public static FraiseException of(String setting, Object value, String accepted) {
        return new FraiseException(ErrorCode.SETTING_INVALID,
                setting + " is '" + value + "'; accepted: " + accepted);
    }
}
