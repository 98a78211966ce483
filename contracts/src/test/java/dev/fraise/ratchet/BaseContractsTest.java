package dev.fraise.ratchet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.TestDatabases;
import dev.fraise.breaking.BreakingChangeGate;
import dev.fraise.config.ProjectConfig;
import dev.fraise.contract.ContractOptions;
import dev.fraise.contract.ContractReport;
import dev.fraise.contract.Finding;
import dev.fraise.drift.DriftBase;
import dev.fraise.drift.GitRepo;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.postgres.PostgresServer;
import dev.fraise.report.GateReport;
import dev.fraise.report.GateReports;
import dev.fraise.report.Problem;
import dev.fraise.report.Ratchet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseContractsTest {

    static final String TABLES = "app/db/schema/10_tables.sql";
    static final String VIEW = "app/db/schema/20_v_post.sql";
    static final String SDL = "app/schema.graphql";
    static final List<String> SCHEMA = List.of("schema.graphql");

    static PostgresServer server;

    @TempDir
    Path dir;
    GitRepo repo;
    ProjectConfig config;

    @BeforeAll
    static void startServer() {
        server = TestDatabases.server();
    }

    static String sdl(String... fields) {
        StringBuilder sdl = new StringBuilder("type Query {\n  posts: [Post!]!\n}\n\ntype Post {\n  id: ID!\n");
        for (String field : fields) {
            sdl.append("  ").append(field).append(": String\n");
        }
        return sdl.append("}\n").toString();
    }

    /** The base: Post.a, Post.b and Post.c read keys v_post does not emit. */
    @BeforeEach
    void baseCommit() {
        repo = GitRepo.init(dir.resolve("repo"))
                .write(TABLES, "CREATE TABLE tb_post (pk_post int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                        + " id uuid NOT NULL UNIQUE, identifier text NOT NULL UNIQUE);\n")
                .write(VIEW, "CREATE VIEW v_post AS SELECT id, jsonb_build_object('id', id) AS data FROM tb_post;\n")
                .write(SDL, sdl("a", "b", "c"))
                .commit("base");
        config = ProjectConfig.defaults(repo.root().resolve("app"), "local");
    }

    private static BaseContracts.Target at(String ref) {
        return new BaseContracts.Target(DriftBase.gitRef(ref), SCHEMA, false);
    }

    private static List<String> missing(ContractReport report) {
        return report.findings().stream().filter(f -> f.code().name().equals("FIELD_MISSING")).map(Finding::path)
                .toList();
    }

    @Test
    void checksTheContractAtTheBase() {
        repo.write(SDL, sdl("a", "b", "c", "d")).commit("head");

        BaseContracts.Checked base = BaseContracts.check(server, config, at("HEAD~1"),
                ContractOptions.DEFAULT);

        assertEquals(List.of("Post.a", "Post.b", "Post.c"), missing(base.report()));
        assertTrue(base.base().startsWith("git ref HEAD~1 (commit "), base.base());
    }

    @Test
    void theBreakingChangeGateHandsItsBaseDatabaseOverSoTheBaseIsBuiltOnce() {
        repo.write(SDL, sdl("a", "b", "d")).commit("head");
        List<ContractReport> checked = new ArrayList<>();

        BreakingChangeGate.compare(server, config, SCHEMA, DriftBase.gitRef("HEAD~1"), ContractOptions.DEFAULT,
                (checkout, connection) -> checked.add(BaseContracts.check(checkout, connection, SCHEMA,
                        ContractOptions.DEFAULT)));

        assertEquals(1, checked.size());
        assertEquals(List.of("Post.a", "Post.b", "Post.c"), missing(checked.get(0)));
    }

    @Test
    void aBaseWithoutTheGraphqlSchemaHasAnEmptySchema() {
        repo.delete(SDL).commit("no schema yet");

        BaseContracts.Checked base = BaseContracts.check(server, config, at("HEAD"),
                ContractOptions.DEFAULT);

        assertEquals(List.of(), base.report().findings());
    }

    @Test
    void aBaseThatDoesNotExistOrDoesNotBuildOrParseIsAnErrorNamingIt() {
        FraiseException unknown = assertThrows(FraiseException.class, () -> BaseContracts.check(server, config,
                at("no-such-branch"), ContractOptions.DEFAULT));
        assertEquals(ErrorCode.RATCHET_BASE_UNAVAILABLE, unknown.code());
        assertTrue(unknown.getMessage().contains("the contract at git ref no-such-branch cannot be checked, so new"
                + " findings cannot be told from existing ones: DRIFT_BASE_UNAVAILABLE git ref 'no-such-branch'"),
                unknown.getMessage());

        repo.write(VIEW, "CREATE VIEW v_post AS SELECT nope FROM tb_post;\n").commit("broken view");
        FraiseException broken = assertThrows(FraiseException.class, () -> BaseContracts.check(server, config,
                at("HEAD"), ContractOptions.DEFAULT));
        assertEquals(ErrorCode.RATCHET_BASE_UNAVAILABLE, broken.code());
        assertTrue(broken.getMessage().contains(": BUILD_SQL_ERROR schema at git ref HEAD (commit "),
                broken.getMessage());

        repo.write(VIEW, "CREATE VIEW v_post AS SELECT id, '{}'::jsonb AS data FROM tb_post;\n")
                .write(SDL, "type Post {").commit("bad SDL");
        FraiseException unparsable = assertThrows(FraiseException.class, () -> BaseContracts.check(server, config,
                at("HEAD"), ContractOptions.DEFAULT));
        assertEquals(ErrorCode.RATCHET_BASE_UNAVAILABLE, unparsable.code());
        assertTrue(unparsable.getMessage().contains(": SDL_PARSE_ERROR "), unparsable.getMessage());
    }

    @Test
    void headAgainstTheBaseFailsOnTheNewErrorOnly() {
        BaseContracts.Checked base = BaseContracts.check(server, config, at("HEAD"),
                ContractOptions.DEFAULT);
        repo.write(SDL, sdl("b", "c", "d")).commit("head");
        BaseContracts.Checked head = BaseContracts.check(server, config, at("HEAD"),
                ContractOptions.DEFAULT);

        GateReport ratcheted = Ratchet.compare(GateReports.of(head.report()), GateReports.of(base.report()),
                base.base());

        assertEquals(List.of("EXISTING Post.b", "EXISTING Post.c", "FIXED Post.a", "NEW Post.d"),
                ratcheted.problems().stream().filter(p -> p.code().equals("FIELD_MISSING"))
                        .map(p -> p.status().map(Problem.Status::name).orElse("") + " " + p.path()).sorted().toList());
        assertFalse(ratcheted.passed());
    }

    @Test
    void aSeededCheckChecksTheBaseWithItsSeedsSoARowDependentErrorIsExisting() {
        repo.write("app/db/schema/30_tv_post.sql", "CREATE TABLE tv_post (id uuid PRIMARY KEY, data jsonb NOT NULL);\n"
                        + "CREATE FUNCTION sync_tv_post() RETURNS void LANGUAGE sql AS $$\n"
                        + "  DELETE FROM tv_post; INSERT INTO tv_post SELECT id, data - 'identifier' FROM v_post;\n$$;\n")
                .write(VIEW, "CREATE VIEW v_post AS SELECT id, jsonb_build_object('id', id, 'identifier', identifier)"
                        + " AS data FROM tb_post;\n")
                .write("app/db/seeds/10_posts.sql", "INSERT INTO tb_post (id, identifier) VALUES"
                        + " ('a0000000-0000-4000-8000-000000000001', 'hello');\n")
                .commit("base with a projection out of sync once seeded");
        BaseContracts.Checked base = BaseContracts.check(server, config,
                new BaseContracts.Target(DriftBase.gitRef("HEAD"), SCHEMA, true), ContractOptions.DEFAULT);
        repo.write(SDL, sdl("a", "b", "c", "d")).commit("head");
        BaseContracts.Checked head = BaseContracts.check(server, config,
                new BaseContracts.Target(DriftBase.gitRef("HEAD"), SCHEMA, true), ContractOptions.DEFAULT);
        assertEquals(List.of("TV_OUT_OF_SYNC"), head.report().findings().stream()
                .filter(f -> f.code().name().startsWith("TV_")).map(f -> f.code().name()).toList());

        GateReport ratcheted = Ratchet.compare(GateReports.of(head.report()), GateReports.of(base.report()),
                base.base());

        assertEquals(List.of("EXISTING"), ratcheted.problems().stream().filter(p -> p.code().equals("TV_OUT_OF_SYNC"))
                .map(p -> p.status().orElseThrow().name()).toList());
        assertEquals(List.of("NEW Post.d"), ratcheted.problems().stream()
                .filter(p -> p.status().equals(java.util.Optional.of(Problem.Status.NEW)))
                .map(p -> p.status().orElseThrow() + " " + p.path()).toList());
        assertEquals(List.of(), BaseContracts.check(server, config, at("HEAD~1"), ContractOptions.DEFAULT).report()
                .findings().stream().filter(f -> f.code().name().equals("TV_OUT_OF_SYNC")).toList(),
                "without seeds, the base has no rows to sync");
    }
}
