package dev.fraise.config;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports each {@link ConfigWarning} once per JVM, however often its config file is loaded (every
 * {@code @FraiseDatabase} class loads it): the first report of a warning reaches its sink, later ones nothing.
 * The sink is the log ({@link #log}) unless a caller with a log of its own, such as the Maven plugin, passes one.
 */
public final class ConfigWarnings {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWarnings.class);
    private static final Set<Reported> REPORTED = ConcurrentHashMap.newKeySet();

    private ConfigWarnings() {
    }

    /** Hands each warning of {@code config} that was not reported before in this JVM to {@code sink}. */
    public static void report(ProjectConfig config, Consumer<ConfigWarning> sink) {
        for (ConfigWarning warning : config.warnings()) {
            if (REPORTED.add(new Reported(config.projectDir(), warning))) {
                sink.accept(warning);
            }
        }
    }

    /** Logs {@code warning} at WARN as {@code CODE: file:line: message}. */
    public static void log(ConfigWarning warning) {
        LOG.warn("{}", warning);
    }

    /** A warning of one project: locations are relative to the project directory. */
    private record Reported(Path projectDir, ConfigWarning warning) {
    }
}
