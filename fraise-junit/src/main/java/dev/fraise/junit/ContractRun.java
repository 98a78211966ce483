package dev.fraise.junit;

import dev.fraise.contract.ContractChecker;
import dev.fraise.contract.ContractOptions;
import dev.fraise.contract.ContractReport;
import dev.fraise.contract.QueryField;
import dev.fraise.contract.TypeResult;
import dev.fraise.database.Database;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.graphql.GraphqlSchema;
import dev.fraise.graphql.GraphqlSchemaLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One contract check, run on first use and remembered, failure included. */
final class ContractRun {

    /** The report, the Query and Mutation fields and every type's result by name. */
    record Result(ContractReport report, List<QueryField> queries, List<QueryField> mutations,
            Map<String, TypeResult> types) {
    }

    private final Database database;
    private final Path projectDir;
    private final List<String> schemaFiles;
    private final ContractOptions options;
    private Result result;
    private FraiseException failure;

    ContractRun(Database database, Path projectDir, List<String> schemaFiles, ContractOptions options) {
        this.database = database;
        this.projectDir = projectDir;
        this.schemaFiles = schemaFiles;
        this.options = options;
    }

    /**
     * The result, checking on the first call.
     *
     * @throws FraiseSetupException when the schema or baseline does not load or the database is unreachable
     */
    synchronized Result get() {
        if (result == null && failure == null) {
            try {
                result = check();
            } catch (FraiseException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new FraiseSetupException(failure);
        }
        return result;
    }

    private Result check() {
        GraphqlSchema schema = GraphqlSchemaLoader.load(projectDir, schemaFiles);
        ContractReport report;
        try (Connection connection = database.connect()) {
            report = ContractChecker.check(connection, schema, options);
        } catch (SQLException e) {
            throw new FraiseException(ErrorCode.SERVER_UNREACHABLE, "the connection to " + database.name()
                    + " failed: " + e.getMessage(), null, e);
        }
        Map<String, TypeResult> types = new LinkedHashMap<>();
        report.types().forEach(t -> types.put(t.type(), t));
        return new Result(report, QueryField.of(schema), QueryField.mutations(schema), types);
    }
}
