package dev.fraise.ratchet;

import dev.fraise.config.ProjectConfig;
import dev.fraise.contract.ContractChecker;
import dev.fraise.contract.ContractOptions;
import dev.fraise.contract.ContractReport;
import dev.fraise.drift.BaseCheckout;
import dev.fraise.drift.DriftBase;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.graphql.GraphqlSchema;
import dev.fraise.graphql.GraphqlSchemaLoader;
import dev.fraise.postgres.PostgresServer;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.sql.Connection;
import java.util.List;
import java.util.Objects;

/**
 * The contract check at a base: the base's GraphQL schema against the database its schema files build (and its seed
 * files, when HEAD's check loads HEAD's: a finding that depends on rows, such as {@code TV_OUT_OF_SYNC} or
 * {@code SAMPLE_VIOLATION}, is then found at both; no migrations), for {@link dev.fraise.report.Ratchet}. A base
 * that cannot be read, whose schema files do not build or whose GraphQL schema does not load is
 * {@code RATCHET_BASE_UNAVAILABLE}, never a base without findings: that would make every finding of HEAD look
 * existing (or, compared the other way, new).
 *
 * <pre>{@code
 * ContractReport base = BaseContracts.check(server, config,
 *         new BaseContracts.Target(DriftBase.gitRef("origin/main"), List.of("schema.graphql"), true), options);
 * }</pre>
 */
public final class BaseContracts {

    private BaseContracts() {
    }

    /**
     * Checks the contract at {@code target}'s base: extracts it, builds its schema files (and seed files, when
     * {@link Target#seeds()}) on a disposable database of {@code server} and checks its GraphQL schema there with
     * {@code options} (HEAD's: the same sample size and mode). A base without the GraphQL schema files has an
     * empty schema.
     *
     * @return the base's report and how to name the base
     * @throws FraiseException {@code RATCHET_BASE_UNAVAILABLE} naming the base and the underlying code
     */
    public static Checked check(PostgresServer server, ProjectConfig config, Target target,
            ContractOptions options) {
        List<String> graphqlSchema = target.graphqlSchema();
        try (BaseCheckout checkout = BaseCheckout.open(config, target.base(),
                BaseCheckout.patternRoots(graphqlSchema))) {
            ContractReport[] report = new ContractReport[1];
            checkout.buildDatabase(server, target.seeds(),
                    c -> report[0] = check(checkout, c, graphqlSchema, options));
            return new Checked(checkout.description(), report[0]);
        } catch (FraiseException e) {
            throw e.code() == ErrorCode.RATCHET_BASE_UNAVAILABLE ? e : unavailable(target.base().describe(), e);
        }
    }

    /**
     * What is checked at a base, built as HEAD's check builds its database.
     *
     * @param base          the base
     * @param graphqlSchema the GraphQL schema's patterns, HEAD's
     * @param seeds         whether the base's seed files are loaded (when HEAD's are)
     */
    public record Target(DriftBase base, List<String> graphqlSchema, boolean seeds) {

        public Target {
            Objects.requireNonNull(base, "base");
            graphqlSchema = List.copyOf(graphqlSchema);
        }
    }

    /**
     * Checks the contract at {@code checkout} on {@code connection}, a database already built from the base's
     * schema files (the breaking-change gate's, so that the base is built once).
     *
     * @throws FraiseException {@code RATCHET_BASE_UNAVAILABLE} when the base's GraphQL schema does not load
     */
    public static ContractReport check(BaseCheckout checkout, Connection connection, List<String> graphqlSchema,
            ContractOptions options) {
        GraphqlSchema schema;
        try {
            schema = GraphqlSchemaLoader.load(checkout.projectDir(), graphqlSchema);
        } catch (FraiseException e) {
            if (e.code() != ErrorCode.SDL_NOT_FOUND) {
                throw unavailable(checkout.description(), e);
            }
            schema = new GraphqlSchema(new TypeDefinitionRegistry(), List.of());
        }
        return ContractChecker.check(connection, schema, options);
    }

    private static FraiseException unavailable(String base, FraiseException e) {
        return new FraiseException(ErrorCode.RATCHET_BASE_UNAVAILABLE, "the contract at " + base
                + " cannot be checked, so new findings cannot be told from existing ones: " + e.code() + " "
                + e.detail(), e.location().orElse(null), e);
    }

    /**
     * A base's contract report.
     *
     * @param base   the base as reports name it: {@code git ref origin/main (commit 1a2b3c4d5e6f)}
     * @param report its findings
     */
    public record Checked(String base, ContractReport report) {

        public Checked {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(report, "report");
        }
    }
}
