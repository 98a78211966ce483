package dev.fraise.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.TestExecutionResult.Status.ABORTED;
import static org.junit.platform.engine.TestExecutionResult.Status.FAILED;
import static org.junit.platform.engine.TestExecutionResult.Status.SUCCESSFUL;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.fraise.Fraise;
import dev.fraise.FraiseSettings;
import dev.fraise.contract.ContractOptions;
import dev.fraise.contract.FieldNaming;
import dev.fraise.contract.MutationProfile;
import dev.fraise.contract.Severity;
import dev.fraise.database.Database;
import dev.fraise.error.ErrorCode;
import dev.fraise.inference.InferenceOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Runs {@code @TestFactory} fixtures over the library projects and checks every dynamic test's outcome. */
class FraiseContractsTest {

    private static final String LIBRARY = "src/test/resources/projects/library";
    private static final String DRIFT = "src/test/resources/projects/library-drift";

    /** The container each dynamic test ran in, by display name. */
    private static final Map<String, String> CONTAINERS = new java.util.concurrent.ConcurrentHashMap<>();

    @Test
    void aCleanProjectShowsEveryTypeAndQueryFieldAsItsOwnTest() {
        Map<String, TestExecutionResult> tests = dynamicTests(CleanLibrary.class);
        assertEquals(Map.ofEntries(
                Map.entry("Author (v_author)", SUCCESSFUL),
                Map.entry("Address (embedded in Author.address)", SUCCESSFUL),
                Map.entry("Genre", ABORTED),
                Map.entry("Book (v_book)", SUCCESSFUL),
                Map.entry("BookFilter", ABORTED),
                Map.entry("Query", ABORTED),
                Map.entry("authors: [Author!]! (v_author)", SUCCESSFUL),
                Map.entry("books: [Book!]! (v_book)", SUCCESSFUL),
                Map.entry("book: Book (v_book)", SUCCESSFUL),
                Map.entry("version: String", ABORTED),
                Map.entry("tb_author", SUCCESSFUL),
                Map.entry("tb_book", SUCCESSFUL)), statuses(tests));
        assertEquals(List.of("Author (v_author)", "Address (embedded in Author.address)", "Genre", "Book (v_book)",
                "BookFilter", "Query", "authors: [Author!]! (v_author)", "books: [Book!]! (v_book)",
                "book: Book (v_book)", "version: String", "tb_author", "tb_book"), List.copyOf(tests.keySet()),
                "schema order, then the relations with naming-lint warnings");
    }

    @Test
    void notCheckedTypesAndFieldsAreSkippedWithTheirReason() {
        Map<String, TestExecutionResult> tests = dynamicTests(CleanLibrary.class);
        assertEquals("Genre is not checked: enum type: checked where fields use it", abortReason(tests, "Genre"));
        assertEquals("BookFilter is not checked: input type: not read from a view", abortReason(tests, "BookFilter"));
        assertEquals("Query is not checked: root type: its fields are bound through @sqlSource",
                abortReason(tests, "Query"));
        assertEquals("Query.version is not checked: it has no @sqlSource and String is a scalar",
                abortReason(tests, "version: String"));
    }

    @Test
    void eachTestsSourceIsItsSdlLine() {
        List<Event> finished = EngineTestKit.engine("junit-jupiter").selectors(selectClass(CleanLibrary.class))
                .execute().testEvents().finished().list();
        Map<String, Object> sources = new LinkedHashMap<>();
        finished.forEach(e -> sources.put(e.getTestDescriptor().getDisplayName(),
                e.getTestDescriptor().getSource().orElseThrow()));
        FileSource book = assertInstanceOf(FileSource.class, sources.get("Book (v_book)"));
        assertEquals(Path.of(LIBRARY, "schema.graphql").toAbsolutePath().normalize().toFile(), book.getFile());
        assertEquals(FilePosition.from(21, 1), book.getPosition().orElseThrow());
        FileSource books = assertInstanceOf(FileSource.class, sources.get("books: [Book!]! (v_book)"));
        assertEquals(FilePosition.from(35, 3), books.getPosition().orElseThrow());
    }

    @Test
    void aPlantedDriftFailsExactlyItsTypeWithTheFinding() {
        Map<String, TestExecutionResult> tests = dynamicTests(DriftedLibrary.class);
        assertEquals(Map.of(
                "Author (v_author)", SUCCESSFUL,
                "Address (embedded in Author.address)", SUCCESSFUL,
                "Genre", ABORTED,
                "Book (v_book)", FAILED,
                "BookFilter", ABORTED,
                "Query", ABORTED), statuses(tests, "types"));
        assertEquals("Book (v_book): 1 contract error\n"
                + "ERROR FIELD_NULLABLE Book.author (schema.graphql:26:3, v_book $.author): Book.author is Author!"
                + " but its value can be null [nullable: LEFT JOIN v_author va in v_book]",
                failure(tests, "Book (v_book)"));
    }

    @Test
    void queryFieldsFailOnAMissingSourceOrTheirReturnTypesErrors() {
        Map<String, TestExecutionResult> tests = dynamicTests(DriftedLibrary.class);
        assertEquals(Map.of(
                "authors: [Author!]! (v_author)", SUCCESSFUL,
                "books: [Book!]! (v_book)", FAILED,
                "bestsellers: [Book!]! (v_bestseller)", FAILED,
                "book: Book (v_book)", FAILED,
                "version: String", ABORTED), statuses(tests, "queries"));
        String bestsellers = failure(tests, "bestsellers: [Book!]! (v_bestseller)");
        assertEquals(List.of("Query.bestsellers (v_bestseller): 2 contract errors",
                "ERROR QUERY_SOURCE_MISSING Query.bestsellers (schema.graphql:36:25, v_bestseller $):"
                        + " @sqlSource(name: \"v_bestseller\") of Query.bestsellers names a view that does not exist",
                "ERROR FIELD_NULLABLE Book.author (schema.graphql:26:3, v_book $.author): Book.author is Author!"
                        + " but its value can be null [nullable: LEFT JOIN v_author va in v_book]"),
                bestsellers.lines().toList());
        assertTrue(failure(tests, "books: [Book!]! (v_book)").startsWith("Query.books (v_book): 1 contract error\n"
                + "ERROR FIELD_NULLABLE Book.author"));
    }

    @Test
    void sampleModeFailsTheTypeWhoseRowsContradictIt() {
        Map<String, TestExecutionResult> tests = dynamicTests(SampledDrift.class);
        assertEquals(FAILED, tests.get("Author (v_author)").getStatus());
        assertEquals("Author (v_author): 1 contract error\n"
                + "ERROR SAMPLE_VIOLATION Author.address.city (schema.graphql:12:3, v_author $.address.city):"
                + " Author.address.city is String! but its key 'city' is missing in 1 of 2 sampled rows of v_author"
                + " (id a0000000-0000-4000-8000-000000000002); its shape is unknown statically (SHAPE_UNKNOWN at"
                + " Author.address) [MISSING_KEY]", failure(tests, "Author (v_author)"));
        assertEquals(SUCCESSFUL, dynamicTests(DriftedLibrary.class).get("Author (v_author)").getStatus(),
                "statically, the JSONB address is only a warning");
    }

    @Test
    void aBaselineRelativeToTheProjectSuppressesTheDrift() {
        Map<String, TestExecutionResult> tests = dynamicTests(BaselinedDrift.class);
        assertEquals(SUCCESSFUL, tests.get("Book (v_book)").getStatus());
        assertEquals(SUCCESSFUL, tests.get("books: [Book!]! (v_book)").getStatus());
        assertEquals(List.of("Query.bestsellers (v_bestseller): 1 contract error",
                "ERROR QUERY_SOURCE_MISSING Query.bestsellers (schema.graphql:36:25, v_bestseller $):"
                        + " @sqlSource(name: \"v_bestseller\") of Query.bestsellers names a view that does not exist"),
                failure(tests, "bestsellers: [Book!]! (v_bestseller)").lines().toList());
    }

    @Test
    void aSchemaThatDoesNotParseFailsEveryContainerWithItsLocation() {
        List<Event> failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BrokenSchema.class))
                .execute().containerEvents().failed().list();
        assertEquals(List.of("types", "queries", "mutations", "projections", "lint"), failed.stream().map(e -> e.getTestDescriptor().getDisplayName())
                .toList());
        for (Event event : failed) {
            FraiseSetupException setup = assertInstanceOf(FraiseSetupException.class, throwable(event));
            assertEquals(ErrorCode.SDL_PARSE_ERROR, setup.code());
            assertTrue(setup.getMessage().startsWith("SDL_PARSE_ERROR: broken.graphql:3:8: "), setup.getMessage());
        }
    }

    @Test
    void theCheckRunsOnceAndIsRemembered() {
        try (Database db = Fraise.sharedPool(FraiseSettings.forProject(Path.of(LIBRARY))).acquire()) {
            ContractRun run = new ContractRun(db, Path.of(LIBRARY).toAbsolutePath(), List.of("schema.graphql"),
                    ContractOptions.DEFAULT);
            assertSame(run.get(), run.get());
            ContractRun broken = new ContractRun(db, Path.of(LIBRARY).toAbsolutePath(), List.of("missing.graphql"),
                    ContractOptions.DEFAULT);
            assertEquals(ErrorCode.SDL_NOT_FOUND, assertThrows(FraiseSetupException.class, broken::get).code());
            assertEquals(ErrorCode.SDL_NOT_FOUND, assertThrows(FraiseSetupException.class, broken::get).code(),
                    "the failure is remembered too");
        }
    }

    @Test
    void optionsMirrorContractOptionsAndTheProjectDirectoryFallsBackToTheWorkingDirectory() {
        try (Database db = Fraise.sharedPool(FraiseSettings.forProject(Path.of(LIBRARY))).acquire()) {
            FraiseContracts contracts = FraiseContracts.of(db).withNaming(FieldNaming.PRESERVE)
                    .withTypeSource("Book", "v_book").withScalar("Money", Set.of("numeric")).sampling(5)
                    .withBaseline(Path.of("baseline.json"));
            assertEquals(ContractOptions.DEFAULT.withNaming(FieldNaming.PRESERVE).withTypeSource("Book", "v_book")
                    .withScalar("Money", Set.of("numeric")).sampling(5).withBaseline(Path.of("baseline.json")),
                    contracts.options());
            assertEquals(Path.of("").toAbsolutePath(), contracts.projectDir(), "not injected by @FraiseDatabase");
            assertEquals(Path.of(DRIFT).toAbsolutePath().normalize(),
                    contracts.projectDir(Path.of(DRIFT)).projectDir());
        }
    }

    @Test
    void lintErrorsFailTheirRelationsTestAndTheLintCanBeNarrowedOrTurnedOff() {
        Map<String, TestExecutionResult> tests = dynamicTests(LintErrors.class);
        assertEquals(Map.of("tb_author", FAILED), statuses(tests, "lint"), "tb_book is excluded");
        assertTrue(failure(tests, "tb_author").startsWith("tb_author: 1 contract error\nERROR LINT_TRINITY_IDENTIFIER"
                + " tb_author.identifier"), failure(tests, "tb_author"));
        assertEquals(Map.of(), statuses(dynamicTests(NoLint.class), "lint"));
    }

    @Test
    void aGapIsSkippedWithItsReasonAndFailsWithFailOnUnchecked() {
        Map<String, TestExecutionResult> tests = dynamicTests(WithGap.class);
        assertEquals("Shelf is not checked: no source: no @sqlSource, no Query field returns it, and"
                + " v_shelf does not exist", abortReason(tests, "Shelf"));
        Map<String, TestExecutionResult> failing = dynamicTests(WithGapFailOnUnchecked.class);
        assertEquals(FAILED, failing.get("Shelf").getStatus());
        assertTrue(failure(failing, "Shelf").startsWith("Shelf: 1 contract error\nERROR TYPE_NOT_CHECKED Shelf"
                + " (gap.graphql:2:1): Shelf is not checked: no source"), failure(failing, "Shelf"));
        assertEquals(SUCCESSFUL, failing.get("Book (v_book)").getStatus(), "checked types are unaffected");
    }

    @Test
    void everyEngineOptionHasItsMethod() {
        try (Database db = Fraise.sharedPool(FraiseSettings.forProject(Path.of(LIBRARY))).acquire()) {
            FraiseContracts contracts = FraiseContracts.of(db).withMutationProfile(MutationProfile.V2)
                    .withContextParams("tenant_id", "user_id").withLintSeverity(Severity.ERROR)
                    .withLintExcluded("tb_legacy").withSchemas("app", "public")
                    .withProjectionSource("tv_catalog", "v_product").withProjectionSync().withDataColumn("payload")
                    .withFailOnUnchecked();
            assertEquals(ContractOptions.DEFAULT.withMutationProfile(MutationProfile.V2)
                    .withContextParams("tenant_id", "user_id").withLintSeverity(Severity.ERROR)
                    .withLintExcluded("tb_legacy")
                    .withInference(new InferenceOptions(List.of("app", "public"), Map.of("tv_catalog", "v_product")))
                    .withProjectionSync().withDataColumn("payload").withFailOnUnchecked(), contracts.options());
            assertEquals(ContractOptions.DEFAULT.withoutLint(), FraiseContracts.of(db).withoutLint().options());
            assertEquals(ContractOptions.DEFAULT.withoutMutationSamples(),
                    FraiseContracts.of(db).withoutMutationSamples().options());
            assertFalse(FraiseContracts.of(db).withoutMutationSamples().options().cqrs().sampleMutations());
        }
    }

    /** The outcome of every dynamic test, by display name, in execution order. */
    private static Map<String, TestExecutionResult> dynamicTests(Class<?> fixture) {
        Map<String, TestExecutionResult> results = new LinkedHashMap<>();
        for (Event event : EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute()
                .testEvents().finished().list()) {
            results.put(event.getTestDescriptor().getDisplayName(),
                    event.getPayload(TestExecutionResult.class).orElseThrow());
            CONTAINERS.put(event.getTestDescriptor().getDisplayName(), event.getTestDescriptor().getParent()
                    .orElseThrow().getDisplayName());
        }
        return results;
    }

    private static Map<String, TestExecutionResult.Status> statuses(Map<String, TestExecutionResult> tests) {
        Map<String, TestExecutionResult.Status> statuses = new LinkedHashMap<>();
        tests.forEach((name, result) -> statuses.put(name, result.getStatus()));
        return statuses;
    }

    private static Map<String, TestExecutionResult.Status> statuses(Map<String, TestExecutionResult> tests,
            String container) {
        Map<String, TestExecutionResult.Status> all = statuses(tests);
        all.keySet().removeIf(name -> !CONTAINERS.get(name).equals(container));
        return all;
    }

    private static String abortReason(Map<String, TestExecutionResult> tests, String name) {
        return assertInstanceOf(TestAbortedException.class, tests.get(name).getThrowable().orElseThrow())
                .getMessage();
    }

    private static String failure(Map<String, TestExecutionResult> tests, String name) {
        return assertInstanceOf(AssertionFailedError.class, tests.get(name).getThrowable().orElseThrow())
                .getMessage();
    }

    private static Throwable throwable(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    @FraiseDatabase(projectDir = LIBRARY, seeds = true)
    static class CleanLibrary {
        @FraiseInject
        static Database db;

        @TestFactory
        Stream<DynamicNode> contracts() {
            return FraiseContracts.of(db).schema("schema.graphql").dynamicTests();
        }
    }

    @FraiseDatabase(projectDir = DRIFT, seeds = true)
    static class DriftedLibrary {
        @FraiseInject
        static Database db;

        @TestFactory
        Stream<DynamicNode> contracts() {
            return FraiseContracts.of(db).dynamicTests();
        }
    }

    @FraiseDatabase(projectDir = DRIFT, seeds = true)
    static class SampledDrift {
        @FraiseInject
        static Database db;

        @TestFactory
        Stream<DynamicNode> contracts() {
            return FraiseContracts.of(db).sampling(10).dynamicTests();
        }
    }

    @FraiseDatabase(projectDir = DRIFT)
    static class BaselinedDrift {
        @FraiseInject
        static Database db;

        @TestFactory
        Stream<DynamicNode> contracts() {
            return FraiseContracts.of(db).withBaseline(Path.of("contract-baseline.json")).dynamicTests();
        }
    }

    @FraiseDatabase(projectDir = LIBRARY)
    static class WithGap {
        @FraiseInject
        static Database db;

        @TestFactory
        Stream<DynamicNode> contracts() {
            return FraiseContracts.of(db).schema("schema.graphql", "gap.graphql").dynamicTests();
        }
    }

    @FraiseDatabase(projectDir = LIBRARY)
    static class WithGapFailOnUnchecked {
        @FraiseInject
        static Database db;

        @TestFactory
        Stream<DynamicNode> contracts() {
            return FraiseContracts.of(db).schema("schema.graphql", "gap.graphql").withFailOnUnchecked().dynamicTests();
        }
    }

    @FraiseDatabase(projectDir = LIBRARY)
    static class LintErrors {
        @FraiseInject
        static Database db;

        @TestFactory
        Stream<DynamicNode> contracts() {
            return FraiseContracts.of(db).withLintSeverity(Severity.ERROR).withLintExcluded("tb_book").dynamicTests();
        }
    }

    @FraiseDatabase(projectDir = LIBRARY)
    static class NoLint {
        @FraiseInject
        static Database db;

        @TestFactory
        Stream<DynamicNode> contracts() {
            return FraiseContracts.of(db).withoutLint().dynamicTests();
        }
    }

    @FraiseDatabase(projectDir = LIBRARY)
    static class BrokenSchema {
        @FraiseInject
        static Database db;

        @TestFactory
        Stream<DynamicNode> contracts() {
            return FraiseContracts.of(db).schema("broken.graphql").dynamicTests();
        }
    }
}
