package dev.fraise.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.contract.ContractChecker;
import dev.fraise.contract.ContractOptions;
import dev.fraise.contract.ContractReport;
import dev.fraise.contract.Finding;
import dev.fraise.database.Database;
import dev.fraise.junit.FraiseDatabase;
import dev.fraise.junit.FraiseInject;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The blog's GraphQL schema matches its views, statically and on the seed rows. */
@FraiseDatabase(seeds = true, migrations = true)
class ContractTest {

    @FraiseInject
    static Database db;

    @Test
    void everyTypeMatchesItsView() throws Exception {
        try (Connection connection = db.connect()) {
            ContractReport report = ContractChecker.check(connection, Path.of("."), List.of("schema.graphql"),
                    ContractOptions.DEFAULT.sampling(100));
            String findings = report.findings().stream().map(Finding::toString).collect(Collectors.joining("\n"));
            assertTrue(report.passed(), findings);
            assertEquals(4, report.summary().views(), report.types().toString());
        }
    }
}
