package dev.fraise.build;

import static dev.fraise.build.BuildTestSupport.assertFraise;
import static dev.fraise.build.BuildTestSupport.config;
import static dev.fraise.build.BuildTestSupport.dir;
import static dev.fraise.build.BuildTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.config.IncludeDir;
import dev.fraise.config.ProjectConfig;
import dev.fraise.config.SortMode;
import dev.fraise.error.ErrorCode;
import dev.fraise.error.FraiseException;
import dev.fraise.error.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaPlannerTest {

    @TempDir
    Path project;

    private Path schema() {
        return project.resolve("db/schema");
    }

    private static List<String> displayed(SchemaPlan plan) {
        return plan.files().stream().map(f -> f.displayPath().toString().replace('\\', '/')).toList();
    }

    private SchemaPlan planSchema(boolean seeds) {
        return SchemaPlanner.plan(config(project, IncludeDir.required(schema())), seeds);
    }

    @Nested
    class Order {

        @Test
        void fixtureProjectIsPlannedInConfitureOrder() throws URISyntaxException {
            Path fixture = Path.of(SchemaPlannerTest.class.getResource("/build/ordering").toURI());
            SchemaPlan plan = SchemaPlanner.plan(config(fixture, IncludeDir.required(fixture.resolve("db/schema"))),
                    false);
            assertEquals(List.of(
                    "db/schema/00_common/B.sql",
                    "db/schema/00_common/a.sql",
                    "db/schema/10_tables/0211_users.sql",
                    "db/schema/10_tables/0212_posts.sql",
                    "db/schema/10_tables/sub/x.sql",
                    "db/schema/10_tables-old/x.sql",
                    "db/schema/20_views/v_users.sql",
                    "db/schema/top.sql"), displayed(plan));
            assertEquals(fixture.toAbsolutePath().normalize(), plan.projectDir());
        }

        @Test
        void componentOrderAcrossIncludeDirsIsOneGlobalSort() {
            write(schema(), "a-b/x.sql", "SELECT 1;");
            write(schema(), "a/x.sql", "SELECT 1;");
            write(project, "db/extra/10_tables/t.sql", "SELECT 1;");
            write(project, "db/extra/20_views/v.sql", "SELECT 1;");
            // include order and `order:` do not matter: db/extra sorts before db/schema
            IncludeDir late = new IncludeDir(project.resolve("db/extra"), true, List.of("**/*.sql"), List.of(),
                    false, 99);
            SchemaPlan plan = SchemaPlanner.plan(config(project, IncludeDir.required(schema()), late), false);
            assertEquals(List.of("db/extra/10_tables/t.sql", "db/extra/20_views/v.sql", "db/schema/a/x.sql",
                    "db/schema/a-b/x.sql"), displayed(plan));
        }

        @Test
        void hexSortModeOrdersByFileNameAcrossDirectories() {
            write(schema(), "a/1F_late.sql", "SELECT 1;");
            write(schema(), "z/0A_early.sql", "SELECT 1;");
            write(schema(), "m/notes.sql", "SELECT 1;");
            write(schema(), "b/0x0B_lower.sql", "SELECT 1;");
            SchemaPlan plan = SchemaPlanner.plan(
                    config(project, SortMode.HEX, List.of(), IncludeDir.required(schema())), false);
            assertEquals(List.of("db/schema/z/0A_early.sql", "db/schema/a/1F_late.sql",
                    "db/schema/b/0x0B_lower.sql", "db/schema/m/notes.sql"), displayed(plan));
        }

        @Test
        void filesCarryAbsolutePathsAndProjectRelativeDisplayPaths() {
            Path file = write(schema(), "10_tables/t.sql", "SELECT 1;");
            SchemaFile planned = planSchema(false).files().get(0);
            assertAll(
                    () -> assertEquals(file.toAbsolutePath().normalize(), planned.path()),
                    () -> assertEquals(Path.of("db/schema/10_tables/t.sql"), planned.displayPath()),
                    () -> assertFalse(planned.seed()));
        }
    }

    @Nested
    class Discovery {

        @Test
        void recursiveDefaultMatchesTopLevelAndNestedSqlFilesOnly() {
            write(schema(), "top.sql", "SELECT 1;");
            write(schema(), "a/b/c/deep.sql", "SELECT 1;");
            write(schema(), "notes.txt", "not sql");
            write(schema(), "a/readme.md", "not sql");
            write(schema(), "a/UPPER.SQL", "case-sensitive suffix");
            write(schema(), ".hidden/h.sql", "SELECT 1;");
            assertEquals(List.of("db/schema/.hidden/h.sql", "db/schema/a/b/c/deep.sql", "db/schema/top.sql"),
                    displayed(planSchema(false)));
        }

        @Test
        void directoriesNamedLikeSqlFilesAreNotFiles() throws IOException {
            write(schema(), "a.sql", "SELECT 1;");
            Files.createDirectories(schema().resolve("b.sql"));
            assertEquals(List.of("db/schema/a.sql"), displayed(planSchema(false)));
        }

        @Test
        void nonRecursiveDefaultTakesTopLevelFilesOnly() {
            write(schema(), "top.sql", "SELECT 1;");
            write(schema(), "sub/nested.sql", "SELECT 1;");
            SchemaPlan plan = SchemaPlanner.plan(
                    config(project, dir(schema(), false, List.of("*.sql"), List.of())), false);
            assertEquals(List.of("db/schema/top.sql"), displayed(plan));
        }

        @Test
        void nonRecursivePatternWithADirectoryIsAPlainGlob() {
            // Confiture: include_dir.glob("sub/*.sql")
            write(schema(), "top.sql", "SELECT 1;");
            write(schema(), "sub/nested.sql", "SELECT 1;");
            write(schema(), "sub/deeper/no.sql", "SELECT 1;");
            write(schema(), "x/sub/no.sql", "SELECT 1;");
            SchemaPlan plan = SchemaPlanner.plan(
                    config(project, dir(schema(), false, List.of("sub/*.sql"), List.of())), false);
            assertEquals(List.of("db/schema/sub/nested.sql"), displayed(plan));
        }

        @Test
        void recursivePatternMatchesAtAnyDepthLikeRglob() {
            // Confiture: include_dir.rglob("10_tables/*.sql") == glob("**/10_tables/*.sql")
            write(schema(), "10_tables/a.sql", "SELECT 1;");
            write(schema(), "app/10_tables/b.sql", "SELECT 1;");
            write(schema(), "app/10_tables/sub/no.sql", "SELECT 1;");
            write(schema(), "20_views/no.sql", "SELECT 1;");
            SchemaPlan plan = SchemaPlanner.plan(
                    config(project, dir(schema(), true, List.of("10_tables/*.sql"), List.of())), false);
            assertEquals(List.of("db/schema/10_tables/a.sql", "db/schema/app/10_tables/b.sql"), displayed(plan));
        }

        @Test
        void doubleStarInsideAPatternMatchesZeroDirectories() {
            write(schema(), "a/x.sql", "SELECT 1;");
            write(schema(), "a/b/c/y.sql", "SELECT 1;");
            write(schema(), "z/x.sql", "SELECT 1;");
            SchemaPlan plan = SchemaPlanner.plan(
                    config(project, dir(schema(), false, List.of("a/**/*.sql"), List.of())), false);
            assertEquals(List.of("db/schema/a/b/c/y.sql", "db/schema/a/x.sql"), displayed(plan));
        }

        @Test
        void globsArePythonGlobsNotJavaGlobs() {
            write(schema(), "{a,b}.sql", "SELECT 1;");
            write(schema(), "a.sql", "SELECT 1;");
            write(schema(), "c1.sql", "SELECT 1;");
            write(schema(), "c2.sql", "SELECT 1;");
            write(schema(), "d.sql", "SELECT 1;");
            SchemaPlan braces = SchemaPlanner.plan(
                    config(project, dir(schema(), false, List.of("{a,b}.sql"), List.of())), false);
            assertEquals(List.of("db/schema/{a,b}.sql"), displayed(braces));
            SchemaPlan negated = SchemaPlanner.plan(
                    config(project, dir(schema(), false, List.of("c[!1].sql", "[a-b].sql"), List.of())), false);
            assertEquals(List.of("db/schema/a.sql", "db/schema/c2.sql"), displayed(negated));
        }

        @Test
        void excludePatternsMatchFromTheRightLikePurePathMatch() {
            write(schema(), "keep.sql", "SELECT 1;");
            write(schema(), "x_test.sql", "SELECT 1;");
            write(schema(), "deep/y_test.sql", "SELECT 1;");
            write(schema(), "temp/t.sql", "SELECT 1;");
            write(schema(), "a/temp/t.sql", "SELECT 1;");
            SchemaPlan plan = SchemaPlanner.plan(config(project,
                    dir(schema(), true, List.of("**/*.sql"), List.of("*_test.sql", "temp/*.sql"))), false);
            assertEquals(List.of("db/schema/keep.sql"), displayed(plan));
        }

        @Test
        void doubleStarInAnExcludeIsASingleComponentWildcard() {
            // Confiture excludes when rel_path.match("**/temp/**"): "**" acts like "*" and matching is
            // from the right, so only files exactly one level below a temp dir that is itself nested match
            write(schema(), "temp/top.sql", "SELECT 1;");
            write(schema(), "a/temp/x.sql", "SELECT 1;");
            write(schema(), "a/temp/b/y.sql", "SELECT 1;");
            write(schema(), "keep.sql", "SELECT 1;");
            SchemaPlan plan = SchemaPlanner.plan(config(project,
                    dir(schema(), true, List.of("**/*.sql"), List.of("**/temp/**"))), false);
            assertEquals(List.of("db/schema/a/temp/b/y.sql", "db/schema/keep.sql", "db/schema/temp/top.sql"),
                    displayed(plan));
        }

        @Test
        void legacyExcludeDirsRemoveWholeSubtreesByComponentPrefix() {
            write(schema(), "10_tables/t.sql", "SELECT 1;");
            write(schema(), "99_dev/dev.sql", "SELECT 1;");
            write(schema(), "99_dev/sub/dev2.sql", "SELECT 1;");
            write(schema(), "99_dev_keep/k.sql", "SELECT 1;");
            ProjectConfig config = config(project, SortMode.ALPHABETICAL,
                    List.of(schema().resolve("99_dev")), IncludeDir.required(schema()));
            assertEquals(List.of("db/schema/10_tables/t.sql", "db/schema/99_dev_keep/k.sql"),
                    displayed(SchemaPlanner.plan(config, false)));
        }

        @Test
        void overlappingIncludeDirsAreNotDeduplicated() {
            write(schema(), "00_first.sql", "SELECT 1;");
            write(schema(), "10_tables/t.sql", "SELECT 1;");
            SchemaPlan plan = SchemaPlanner.plan(config(project, IncludeDir.required(schema()),
                    IncludeDir.required(schema().resolve("10_tables"))), false);
            assertEquals(List.of("db/schema/00_first.sql", "db/schema/10_tables/t.sql",
                    "db/schema/10_tables/t.sql"), displayed(plan));
        }

        @Test
        void overlappingPatternsAreNotDeduplicated() {
            write(schema(), "00_first.sql", "SELECT 1;");
            write(schema(), "10_tables/t.sql", "SELECT 1;");
            SchemaPlan plan = SchemaPlanner.plan(config(project,
                    dir(schema(), true, List.of("**/*.sql", "10_tables/*.sql"), List.of())), false);
            assertEquals(List.of("db/schema/00_first.sql", "db/schema/10_tables/t.sql",
                    "db/schema/10_tables/t.sql"), displayed(plan));
        }
    }

    @Nested
    class Seeds {

        private void layout() {
            write(project, "db/schema/10_tables/t.sql", "SELECT 1;");
            write(project, "db/seeds/x.sql", "SELECT 1;");
            write(project, "db/schema/seed_users.sql", "SELECT 1;");
            write(project, "db/schema/01_seed/a.sql", "SELECT 1;");
            write(project, "db/schema/Seeds/b.sql", "SELECT 1;");
            write(project, "db/schema/10-seeds/c.sql", "SELECT 1;");
            write(project, "db/schema/seedling/not.sql", "SELECT 1;");
            write(project, "db/schema/users_seed.sql", "SELECT 1;");
            write(project, "db/schema/proceeds.sql", "SELECT 1;");
        }

        private Map<String, Boolean> seedFlags(SchemaPlan plan) {
            return plan.files().stream().collect(Collectors.toMap(
                    f -> f.displayPath().toString().replace('\\', '/'), SchemaFile::seed));
        }

        @Test
        void seedFilesAreRecognisedByPathComponent() {
            layout();
            SchemaPlan plan = SchemaPlanner.plan(config(project, IncludeDir.required(project.resolve("db"))), true);
            assertEquals(Map.of(
                    "db/schema/10_tables/t.sql", false,
                    "db/seeds/x.sql", true,
                    "db/schema/seed_users.sql", true,
                    "db/schema/01_seed/a.sql", true,
                    "db/schema/Seeds/b.sql", true,
                    "db/schema/10-seeds/c.sql", true,
                    "db/schema/seedling/not.sql", false,
                    // the regex needs start/end or _/- around "seed": ".sql" follows here
                    "db/schema/users_seed.sql", false,
                    "db/schema/proceeds.sql", false), seedFlags(plan));
        }

        @Test
        void seedFilesAreLeftOutUnlessRequested() {
            layout();
            SchemaPlan plan = SchemaPlanner.plan(config(project, IncludeDir.required(project.resolve("db"))), false);
            assertEquals(List.of("db/schema/10_tables/t.sql", "db/schema/proceeds.sql",
                    "db/schema/seedling/not.sql", "db/schema/users_seed.sql"), displayed(plan));
            assertTrue(plan.files().stream().noneMatch(SchemaFile::seed));
        }

        @Test
        void includeRootNamedSeedsMakesEveryFileASeed() {
            write(project, "db/schema/t.sql", "SELECT 1;");
            write(project, "db/seeds/u.sql", "SELECT 1;");
            SchemaPlan plan = SchemaPlanner.plan(config(project, IncludeDir.required(schema()),
                    IncludeDir.required(project.resolve("db/seeds"))), true);
            assertEquals(Map.of("db/schema/t.sql", false, "db/seeds/u.sql", true), seedFlags(plan));
        }

        @Test
        void seedComponentBetweenTheCommonParentAndTheIncludeRootCounts() {
            // Confiture anchors the check at the common parent of all include dirs (db), so
            // db/seeds/common/x.sql is a seed even though its include root is "common"
            write(project, "db/schema/t.sql", "SELECT 1;");
            write(project, "db/seeds/common/x.sql", "SELECT 1;");
            SchemaPlan plan = SchemaPlanner.plan(config(project, IncludeDir.required(schema()),
                    IncludeDir.required(project.resolve("db/seeds/common"))), true);
            assertEquals(Map.of("db/schema/t.sql", false, "db/seeds/common/x.sql", true), seedFlags(plan));
            SchemaPlan withoutSeeds = SchemaPlanner.plan(config(project, IncludeDir.required(schema()),
                    IncludeDir.required(project.resolve("db/seeds/common"))), false);
            assertEquals(List.of("db/schema/t.sql"), displayed(withoutSeeds));
        }

        @Test
        void directoriesAboveTheIncludeRootsDoNotCount(@TempDir Path base) {
            Path app = base.resolve("my_seed_app");
            write(app, "db/schema/t.sql", "SELECT 1;");
            SchemaPlan plan = SchemaPlanner.plan(config(app, IncludeDir.required(app.resolve("db/schema"))), false);
            assertEquals(List.of("db/schema/t.sql"), displayed(plan));
        }
    }

    @Nested
    class Hash {

        private String sha256(Object... parts) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Object part : parts) {
                out.write(part instanceof byte[] b ? b : part.toString().getBytes(StandardCharsets.UTF_8));
                out.write(0);
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        }

        @Test
        void hashIsConfituresPythonHashForOneIncludeDir() throws Exception {
            write(schema(), "10_tables/t.sql", "CREATE TABLE t ();\n");
            write(schema(), "20_views/v.sql", "CREATE VIEW v AS SELECT 1;");
            // Confiture: relative to the common parent, which for a single include dir is the dir itself
            String expected = sha256("10_tables/t.sql", "CREATE TABLE t ();\n",
                    "20_views/v.sql", "CREATE VIEW v AS SELECT 1;");
            SchemaPlan plan = planSchema(false);
            assertEquals(expected, plan.hash());
            assertEquals(List.of("10_tables/t.sql", "20_views/v.sql"),
                    plan.files().stream().map(SchemaFile::hashPath).toList());
        }

        @Test
        void hashIsConfituresPythonHashForSeveralIncludeDirs() throws Exception {
            write(schema(), "t.sql", "CREATE TABLE t ();");
            write(project, "db/seeds/common/s.sql", "INSERT INTO t DEFAULT VALUES;");
            SchemaPlan plan = SchemaPlanner.plan(config(project, IncludeDir.required(schema()),
                    IncludeDir.required(project.resolve("db/seeds/common"))), true);
            assertEquals(sha256("schema/t.sql", "CREATE TABLE t ();",
                    "seeds/common/s.sql", "INSERT INTO t DEFAULT VALUES;"), plan.hash());
        }

        @Test
        void hashIsStableAndTracksBytesAndRelativePaths() throws IOException {
            Path file = write(schema(), "10_tables/t.sql", "CREATE TABLE t (id int);");
            write(schema(), "20_views/v.sql", "CREATE VIEW v AS SELECT 1;");
            String first = planSchema(false).hash();
            assertEquals(first, planSchema(false).hash(), "same files, same hash");
            assertEquals(64, first.length());

            Files.writeString(file, "CREATE TABLE t (id int); ");
            String oneMoreByte = planSchema(false).hash();
            assertNotEquals(first, oneMoreByte);

            Files.writeString(file, "CREATE TABLE t (id int);");
            assertEquals(first, planSchema(false).hash(), "restoring the content restores the hash");

            Files.createDirectories(schema().resolve("11_tables"));
            Files.move(file, schema().resolve("11_tables/t.sql"));
            assertNotEquals(first, planSchema(false).hash(), "a moved file changes the hash");
        }

        @Test
        void hashDoesNotDependOnWhereTheProjectLives(@TempDir Path other) {
            write(schema(), "t.sql", "SELECT 1;");
            write(other, "db/schema/t.sql", "SELECT 1;");
            assertEquals(planSchema(false).hash(), SchemaPlanner.plan(
                    config(other, IncludeDir.required(other.resolve("db/schema"))), false).hash());
        }

        @Test
        void hashCoversSeedsOnlyWhenTheyAreIncluded() {
            write(schema(), "t.sql", "SELECT 1;");
            write(schema(), "seeds/s.sql", "SELECT 2;");
            assertNotEquals(planSchema(false).hash(), planSchema(true).hash());
        }
    }

    @Nested
    class Errors {

        @Test
        void missingRequiredDirectoryIsNamed() {
            FraiseException e = assertFraise(ErrorCode.BUILD_DIR_MISSING, () -> SchemaPlanner.plan(
                    config(project, IncludeDir.required(project.resolve("db/nope"))), false));
            assertEquals(SourceLocation.of(Path.of("db/nope")), e.location().orElseThrow());
            assertTrue(e.getMessage().contains("db/nope"), e.getMessage());
        }

        @Test
        void missingAutoDiscoverDirectoryIsSkipped() {
            write(schema(), "t.sql", "SELECT 1;");
            SchemaPlan plan = SchemaPlanner.plan(config(project, IncludeDir.of(project.resolve("db/optional")),
                    IncludeDir.required(schema())), false);
            assertEquals(List.of("db/schema/t.sql"), displayed(plan));
        }

        @Test
        void directoryWithoutSqlFilesListsTheDirectoriesSearched() throws IOException {
            Files.createDirectories(schema().resolve("10_tables"));
            write(schema(), "README.md", "nothing here");
            FraiseException e = assertFraise(ErrorCode.BUILD_NO_FILES, () -> SchemaPlanner.plan(config(project,
                    IncludeDir.required(schema()), IncludeDir.of(project.resolve("db/optional"))), false));
            assertTrue(e.getMessage().contains("db/schema"), e.getMessage());
            assertTrue(e.getMessage().contains("db/optional (missing)"), e.getMessage());
        }

        @Test
        void everythingExcludedIsNoFiles() {
            write(schema(), "t.sql", "SELECT 1;");
            assertFraise(ErrorCode.BUILD_NO_FILES, () -> SchemaPlanner.plan(config(project,
                    dir(schema(), true, List.of("**/*.sql"), List.of("*.sql"))), false));
        }
    }
}
