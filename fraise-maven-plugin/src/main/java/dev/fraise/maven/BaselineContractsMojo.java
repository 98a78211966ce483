package dev.fraise.maven;

import dev.fraise.FraiseSettings;
import dev.fraise.config.ProjectConfig;
import dev.fraise.contract.ContractBaseline;
import dev.fraise.contract.ContractReport;
import dev.fraise.contract.FindingCode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes the contract baseline from the current findings, for a team that adopts {@code check} on a project with
 * drift and prefers a committed baseline to {@code failOn=new}: runs the check as {@code check} does, then writes
 * {@code baseline} ({@code fraise-baseline.json} in the project directory by default) with one entry per active
 * finding, its reason {@code TODO: why this is accepted} to be replaced. When the file exists it is read first, so
 * the entries still current keep their reasons and those fixed since are dropped. Never fails on findings.
 */
@Mojo(name = "baseline-contracts", threadSafe = true)
public class BaselineContractsMojo extends CheckMojo {

    /** The file written when {@code baseline} is not set, relative to the project directory. */
    static final String DEFAULT_FILE = "fraise-baseline.json";

    @Override
    void run(FraiseSettings settings) throws MojoExecutionException, MojoFailureException {
        Path file = (baseline != null ? baseline : new File(projectDir, DEFAULT_FILE)).toPath();
        ProjectConfig config = projectConfig(settings);
        ContractReport report = check(settings, config, options(Optional.of(file).filter(Files::isRegularFile)),
                Optional.empty()).head();
        if (report.findings().stream().anyMatch(f -> f.code() == FindingCode.SDL_PARSE_ERROR)) {
            throw new MojoFailureException("Fraise baseline-contracts: the GraphQL schema does not parse: "
                    + report.findings().get(0).message() + "; no baseline written");
        }
        int entries = ContractBaseline.write(report, file);
        getLog().info("Fraise baseline-contracts: " + entries + " suppression(s) written to "
                + relative(config.projectDir(), file) + "; replace each '" + ContractBaseline.PLACEHOLDER
                + "' with the reason, commit the file and pass it as <baseline>");
    }
}
