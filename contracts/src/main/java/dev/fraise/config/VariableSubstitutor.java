package dev.fraise.config;

import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in config strings with values from a variable map.
 * As in a shell, the default applies when the variable is unset or empty. Any other {@code $} text is kept.
 */
final class VariableSubstitutor {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Map<String, String> variables;

    VariableSubstitutor(Map<String, String> variables) {
        this.variables = Objects.requireNonNull(variables, "variables");
    }

    /**
     * The text with every reference replaced.
     *
     * @throws FraiseException {@link ErrorCode#CONFIG_VARIABLE_UNDEFINED} at {@code location} when a variable
     *                         without default is not set
     */
    String substitute(String text, SourceLocation location) {
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (reference.find()) {
            String name = reference.group(1);
            String fallback = reference.group(2);
            String value = variables.get(name);
            if (fallback != null && (value == null || value.isEmpty())) {
                value = fallback;
            }
            if (value == null) {
                throw new FraiseException(ErrorCode.CONFIG_VARIABLE_UNDEFINED,
                        "environment variable " + name + " is not set", location);
            }
            reference.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        reference.appendTail(result);
        return result.toString();
    }
}
