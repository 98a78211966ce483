package dev.fraise.postgres;

import java.util.Objects;
import java.util.function.Function;

/**
 * A template a server is started for: its name (see {@link TemplateStore}) and how to build it on a new server that
 * no one else uses yet.
 *
 * @param name    the template database's name
 * @param builder builds the complete, read-only template database {@code name} on the server it is given (leaving
 *                nothing behind when it fails, and no connection open) and returns a one-line record of the build
 */
public record TemplateBuild(String name, Function<PostgresServer, String> builder) {

    public TemplateBuild {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(builder, "builder");
    }
}
