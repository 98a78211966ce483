package dev.fraise.postgres;

import dev.fraise.error.FraiseException;
import dev.fraise.error.InvalidSetting;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Which PostgreSQL binaries the embedded provider runs. */
enum BinariesChoice {
    /** A PostgreSQL installed on the machine when its major is the wanted one, else zonky's binaries. */
    AUTO,
    /** Only a PostgreSQL installed on the machine; failing when none has the wanted major. */
    INSTALLED,
    /** Only zonky's binaries from the classpath. */
    ZONKY;

    /** System property choosing the binaries ({@code auto}, {@code installed}, {@code zonky}); default auto. */
    static final String PROPERTY = "fraise.embedded.binaries";

    /**
     * The choice in {@code systemProperties}, {@link #AUTO} when unset or blank.
     *
     * @throws FraiseException {@code SETTING_INVALID} naming the property, the value and the accepted names
     */
    static BinariesChoice from(Map<?, ?> systemProperties) {
        Object value = systemProperties.get(PROPERTY);
        if (value == null || value.toString().isBlank()) {
            return AUTO;
        }
        String key = value.toString().trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(choice -> choice.name().equals(key)).findFirst()
                .orElseThrow(() -> InvalidSetting.of("system property " + PROPERTY, value, Arrays.stream(values())
                        .map(choice -> choice.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
    }
}
