package dev.fraise.postgres;

import java.util.function.Supplier;

/**
 * Template databases a server keeps beyond the life of the JVM that built them: an embedded server's data directory
 * is saved as a snapshot when it stops having built a template, and a later server (another Maven goal, the
 * Surefire fork, the next build) starts from that snapshot instead of building the same schema again. Templates are
 * known by names their builders derive from everything that goes into them, so that an equal name means an equal
 * template.
 */
public interface TemplateStore {

    /**
     * The template {@code name}: the one this server already has (it came with the snapshot the server started
     * from, or was built earlier in this JVM), else the one {@code builder} builds now, which is kept from then on.
     * Callers with the same name wait for each other; the builder runs at most once per name and server.
     *
     * @param name    the template database's name
     * @param builder builds the complete, read-only template database {@code name} (leaving nothing behind when it
     *                fails) and returns a short record of the build, handed back to later callers
     * @return the template and the record of its build
     */
    Kept template(String name, Supplier<String> builder);

    /**
     * A template the store keeps.
     *
     * @param name   the database's name
     * @param record what its builder returned
     * @param origin where it came from
     */
    record Kept(String name, String record, Origin origin) {
    }

    /** Where a kept template came from. */
    enum Origin {
        /** Built just now, by this call. */
        BUILT,
        /** Built earlier on this server, in this JVM. */
        THIS_SERVER,
        /** Built by an earlier server whose snapshot this server started from. */
        SNAPSHOT
    }
}
