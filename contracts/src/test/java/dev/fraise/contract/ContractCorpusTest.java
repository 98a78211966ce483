package dev.fraise.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fraise.TestDatabases;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The accuracy corpus of the contract checker: every directory under {@code contracts/} in the test resources is a
 * case (see {@link CorpusCase}), built into a scratch database of its own on the real embedded PostgreSQL and
 * checked statically (or sampled); the report must have exactly the expected findings. Clean cases are FraiseQL's
 * view composition patterns; drift cases change one thing in one of them.
 *
 * <p>A case with a {@code bug.txt} documents a known checker bug: its exact expectation is still asserted, and the
 * test is aborted (skipped, with the bug) while it fails, and fails once the bug is fixed so the file is removed.
 */
class ContractCorpusTest {

    static List<String> cases() throws Exception {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void corpusHasAtLeastFortyCases() throws Exception {
        assertTrue(cases().size() >= 40, "cases: " + cases());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corpusCase(String name) throws Exception {
        CorpusCase corpusCase = CorpusCase.load(root().resolve(name));
        ContractReport report;
        try (TestDatabases.Scratch database = TestDatabases.create()) {
            database.execute(corpusCase.sql());
            try (Connection connection = database.connect()) {
                report = ContractChecker.check(connection, corpusCase.dir(), corpusCase.schemaFiles(),
                        corpusCase.options());
            }
        }
        if (corpusCase.knownBug().isEmpty()) {
            corpusCase.verify(report);
            return;
        }
        try {
            corpusCase.verify(report);
        } catch (AssertionFailedError stillWrong) {
            throw new TestAbortedException("known bug: " + corpusCase.knownBug().get(), stillWrong);
        }
        fail(name + ": the known bug is fixed; delete bug.txt");
    }

    private static Path root() throws URISyntaxException {
        return Path.of(ContractCorpusTest.class.getResource("/contracts").toURI());
    }
}
