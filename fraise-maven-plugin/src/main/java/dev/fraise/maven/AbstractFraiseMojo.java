package dev.fraise.maven;

import dev.fraise.FraiseSettings;
import dev.fraise.error.FraiseException;
import dev.fraise.postgres.ProviderKind;
import dev.fraise.postgres.ServerSettings;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Parameters and error handling shared by all Fraise goals. Each goal implements {@link #run(FraiseSettings)}.
 * Tool errors (PostgreSQL cannot start, bad configuration, a schema that does not build) become
 * {@link MojoExecutionException}s whose message is the Fraise code, location and message.
 */
abstract class AbstractFraiseMojo extends AbstractMojo {

    /** The project directory holding {@code db/}. */
    @Parameter(property = "fraise.projectDir", defaultValue = "${project.basedir}")
    File projectDir;

    /** The Confiture environment ({@code db/environments/<env>.yaml}). */
    @Parameter(property = "fraise.env", defaultValue = "local")
    String env;

    /** An explicit config file; by default {@code db/environments/<env>.yaml} or {@code confiture.yaml}. */
    @Parameter(property = "fraise.config")
    File config;

    /** Schema directories that replace the config's {@code include_dirs}. */
    @Parameter(property = "fraise.schemaDirs")
    List<String> schemaDirs;

    /** Whether seed files are loaded. */
    @Parameter(property = "fraise.seeds", defaultValue = "false")
    boolean seeds;

    /** {@code auto} (default), {@code server}, {@code testcontainers} or {@code embedded}. */
    @Parameter(property = "fraise.provider", defaultValue = "auto")
    String provider;

    /** PostgreSQL major version (14–18); empty for the provider's default. */
    @Parameter(property = "fraise.postgres.major")
    Integer postgresMajor;

    /** An explicit server URL; by default the {@code FRAISE_DATABASE_URL} environment variable. */
    @Parameter(property = "fraise.server.url")
    String serverUrl;

    /** Skips every Fraise goal. */
    @Parameter(property = "fraise.skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Fraise skipped (fraise.skip)");
            return;
        }
        try {
            run(settings());
        } catch (FraiseException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("invalid Fraise parameter: " + e.getMessage(), e);
        }
    }

    /** The goal's work. */
    abstract void run(FraiseSettings settings) throws MojoExecutionException, MojoFailureException;

    FraiseSettings settings() {
        Path root = projectDir.toPath().toAbsolutePath().normalize();
        ServerSettings server = new ServerSettings(ProviderKind.parse(provider),
                Optional.ofNullable(serverUrl).filter(u -> !u.isBlank()),
                postgresMajor == null ? OptionalInt.empty() : OptionalInt.of(postgresMajor))
                .withDefaultsFrom(java.util.Map.of(), System.getenv());
        FraiseSettings settings = FraiseSettings.forProject(root)
                .withEnvironment(env)
                .withSeeds(seeds)
                .withServer(server)
                .withSchemaDirs(schemaDirs == null ? List.of() : schemaDirs.stream().map(Path::of).toList());
        return config == null ? settings : settings.withConfigFile(config.toPath());
    }
}
