package dev.fraise.database;

import dev.fraise.build.SchemaPlan;
import dev.fraise.postgres.TemplateBuild;
import java.sql.Connection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a template database is built from: the plan's files, and the caller's work on the template before and after
 * them (in auto-commit mode), e.g. migrations.
 *
 * @param plan        the files the build runs
 * @param beforeBuild runs on the new, empty template before the files
 * @param afterBuild  runs on the template after the files
 * @param fingerprint describes everything the two hooks do to the template, when they are fully determined by
 *                    something the caller can name (e.g. the migrations' ids and checksums); then an embedded server
 *                    keeps the template for later JVMs ({@link dev.fraise.postgres.TemplateStore}) and a later build
 *                    with the same plan, fingerprint and engine reuses it. Empty: always built, never kept
 */
public record TemplateRecipe(SchemaPlan plan, Consumer<Connection> beforeBuild, Consumer<Connection> afterBuild,
                             Optional<String> fingerprint) {

    /** Bumped when what a kept template holds changes in a way the engine's code stamp would not show. */
    private static final String FORMAT = "fraise-template-1";

    public TemplateRecipe {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(beforeBuild, "beforeBuild");
        Objects.requireNonNull(afterBuild, "afterBuild");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** The plan's files alone; a template that may be kept. */
    public static TemplateRecipe of(SchemaPlan plan) {
        return new TemplateRecipe(plan, c -> { }, c -> { }, Optional.of(""));
    }

    /**
     * The name the template has where it is kept: derived from the plan's hash, its build mode, the fingerprint and
     * the engine's code, so that an equal name means an equal template. Empty when the template is not to be kept.
     */
    public Optional<String> keptName() {
        Optional<String> codeStamp = CodeStamp.current();
        if (fingerprint.isEmpty() || codeStamp.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(DatabaseNames.kept(String.join("\n", FORMAT, codeStamp.get(), plan.hash(),
                "twoPass=" + plan.twoPass(), fingerprint.get())));
    }

    /**
     * The kept template as a server can be started for it
     * ({@link dev.fraise.postgres.PostgresServers#start(dev.fraise.postgres.ServerSettings, Optional)}): its
     * {@link #keptName()} and how to build it. Empty when the template is not to be kept.
     */
    public Optional<TemplateBuild> templateBuild() {
        return keptName().map(name -> new TemplateBuild(name, server -> TemplatePool.buildKept(server, name, this)));
    }
}
