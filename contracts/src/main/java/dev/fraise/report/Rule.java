package dev.fraise.report;

import java.util.Objects;

/**
 * What a code means and how to fix it: a SARIF rule.
 *
 * @param id      the code
 * @param meaning one sentence
 * @param fix     how to fix it
 * @param level   the level its problems have by default
 */
record Rule(String id, String meaning, String fix, Level level) {

    Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(level, "level");
    }
}
