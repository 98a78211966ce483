package dev.fraise.postgres;

import java.util.Optional;

/**
 * Template databases an embedded server holds for later JVMs. A server started for a template no snapshot holds
 * builds it on its fresh cluster before anyone else uses it, and a copy of the idle, checkpointed cluster is saved
 * as a snapshot. Later servers (another Maven goal, the Surefire fork, the next
 * build) that need the template start from the snapshot instead of building it again. So a snapshot holds only
 * what template builds made, never what tests did. Templates are known by names their builders derive from
 * everything that goes into them, so that an equal name means an equal template.
 */
public interface TemplateStore {

    /** The template {@code name} when this server holds it, complete and read-only. */
    Optional<Kept> find(String name);

    /**
     * A template the server holds.
     *
     * @param name   the database's name
     * @param record what its builder returned ({@link TemplateBuild})
     * @param origin where it came from
     */
    record Kept(String name, String record, Origin origin) {
    }

    /** Where a kept template came from. */
    enum Origin {
        /** Built when this server started, for the caller that asked for it. */
        BUILT,
        /** Built when this server started, and already handed to an earlier caller in this JVM. */
        THIS_SERVER,
        /** Built by an earlier server whose snapshot this server started from. */
        SNAPSHOT
    }
}
