package dev.fraise.maven;

import dev.fraise.FraiseSettings;
import dev.fraise.report.GateReport;
import dev.fraise.report.ReportDirectory;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The build's combined report: (re)writes {@code pr-comment.md}, {@code fraise.sarif} and {@code TEST-fraise.xml}
 * in {@code reportDirectory} from the gates ({@code check}, {@code drift}, {@code diff}) that ran in this build,
 * logs each gate's verdict, and fails the build when one of them failed. Bound after the gates with
 * {@code deferFailure}, it lets every gate run before the build fails, so that the report covers them all.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractFraiseMojo {

    /** Where the gates wrote their reports. */
    @Parameter(property = "fraise.reportDirectory", defaultValue = "${project.build.directory}/fraise")
    File reportDirectory;

    @Override
    void run(FraiseSettings settings) throws MojoFailureException {
        ReportDirectory directory = reports(reportDirectory);
        List<GateReport> gates = directory.gates();
        if (gates.isEmpty()) {
            getLog().info("Fraise report: no gate ran in this build");
            return;
        }
        directory.writeCombined();
        for (GateReport gate : gates) {
            getLog().info("Fraise report: " + gate.gate().id() + " " + (gate.passed() ? "passed" : "FAILED") + ": "
                    + gate.counts());
        }
        Path comment = directory.dir().resolve(ReportDirectory.COMMENT);
        List<GateReport> failed = gates.stream().filter(g -> !g.passed()).toList();
        if (!failed.isEmpty()) {
            throw new MojoFailureException("Fraise gates failed: " + failed.stream().map(g -> g.gate().id())
                    .collect(Collectors.joining(", ")) + "; report in " + relative(projectDir.toPath(), comment));
        }
        getLog().info("Fraise report: " + relative(projectDir.toPath(), comment));
    }
}
