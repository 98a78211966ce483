package dev.fraise.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fraise.contract.Finding;
import dev.fraise.contract.FindingCode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckMojoTest {

    @TempDir
    Path reports;

    @Test
    void theBlogPassesWithSeedsMigrationsAndSamplesAndWritesEveryReport() throws Exception {
        List<String> log = new ArrayList<>();
        CheckMojo mojo = mojo("../examples/blog", log);
        mojo.seeds = true;
        mojo.migrations = true;
        mojo.sample = 100;
        mojo.execute();
        assertEquals("INFO Fraise check: GraphQL schema from schema.graphql (SDL)", log.get(0));
        assertTrue(log.get(1).matches("INFO Fraise check: 11 types: 5 checked, 1 checked through a parent, 5 not checked"
                + " \\(root type: 2, input type: 3\\); 56 of 56 fields checked; against 5 views: 0 errors, 0 warnings,"
                + " 0 suppressed in \\d+ ms"), log.toString());
        try (Stream<Path> files = Files.list(reports)) {
            assertEquals(List.of("TEST-fraise-contracts.xml", "TEST-fraise.xml", "check.json", "fraise.json",
                    "fraise.sarif", "fraise.txt", "pr-comment.md", "report.json", "report.md", "report.sarif",
                    "report.txt"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(reports.resolve("report.json")).contains("\"errors\": 0"));
        assertTrue(Files.readString(reports.resolve("pr-comment.md")).startsWith("<!-- fraise -->\n### ✅ Fraise: 1 gate"
                + " passed\n"), "the check's part of the build's combined report");
    }

    /**
     * A FraiseQL v1-style project as it ships: numbered directories, a file wrapped in BEGIN/COMMIT, a foreign key
     * to a table of a later file (build.two_pass), every object in schema app; two planted drifts.
     */
    @Test
    void aFraiseqlV1TreeBuildsAsItShipsAndItsDriftsAreFound() throws Exception {
        List<String> log = new ArrayList<>();
        CheckMojo mojo = mojo("src/test/resources/projects/fraiseql-v1-tree", log);
        mojo.schemas = "app,public";
        mojo.reportFormats = List.of("json");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Fraise contract check failed: 2 error(s), 0 warning(s)"), e.getMessage());
        assertEquals(List.of(
                "ERROR FIELD_NULLABLE: schema.graphql:12:3: Post.subtitle is String! but its value can be null"
                        + " (v_post $.subtitle) [nullable: app.tb_post.subtitle has no NOT NULL]",
                "ERROR MUTATION_FUNCTION_MISSING: schema.graphql:31:3: Mutation.createUser: @sqlSource(name: \"fn_create_users\") of"
                        + " Mutation.createUser names a function that does not exist; did you mean fn_create_user?"
                        + " (fn_create_users $) [schemas [app, public]]"),
                log.stream().filter(l -> l.startsWith("ERROR ")).toList(), log.toString());
    }

    @Test
    void withMigrationsTheCheckSeesTheSchemaFilesViewNotTheOneAMigrationWouldRecreate() throws Exception {
        List<String> log = new ArrayList<>();
        CheckMojo mojo = mojo("src/test/resources/projects/ddl-view-drift", log);
        mojo.migrations = true;
        mojo.reportFormats = List.of("json");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Fraise contract check failed: 1 error(s)"), e.getMessage());
        assertEquals(List.of("ERROR FIELD_MISSING: schema.graphql:7:3: User.name reads key 'name' but v_user does not"
                + " emit it (v_user $.name) [emitted keys: id]"),
                log.stream().filter(l -> l.startsWith("ERROR ")).toList());
    }

    /**
     * Without seeds no projection is compared: the seven other errors, among them a Query field's type without a
     * view (at the Query field) and an {@code extend type} field its view does not emit (at the extension's line).
     */
    @Test
    void plantedDriftsFailTheBuildWithOneLinePerErrorAndTheCodesInReportJson() throws Exception {
        List<String> log = new ArrayList<>();
        CheckMojo mojo = mojo("../examples/blog-drift", log);
        mojo.reportFormats = List.of("json");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Fraise contract check failed: 7 error(s), 0 warning(s) (failOn=error);"
                + " reports in "), e.getMessage());
        assertTrue(log.contains("ERROR FIELD_MISSING: schema.graphql:52:3: Comment.isEdited reads key"
                + " 'is_edited' but v_comment does not emit it (v_comment $.is_edited) [emitted keys: id, identifier,"
                + " content, created_at, updated_at, author, post_id, parent_comment_id]"), log.toString());
        assertTrue(log.contains("ERROR FIELD_NULLABLE: schema.graphql:55:3: Comment.author is User! but"
                + " its value can be null (v_comment $.author) [nullable: LEFT JOIN v_user vu in v_comment]"),
                "the why of report.txt: " + log);
        assertTrue(log.contains("ERROR VIEW_MISSING: schema.graphql:89:3: Label is bound to v_label (default view of"
                + " Query.labels, which returns it), which does not exist (v_label $)"), log.toString());
        assertTrue(log.contains("ERROR FIELD_MISSING: schema.graphql:147:3: Post.readingTime reads key 'reading_time'"
                + " but v_post does not emit it (also served at UserWithPosts.posts[].readingTime)"
                + " (v_post $.reading_time) [emitted keys: id, identifier, title, slug,"
                + " content, excerpt, tags, is_published, published_at, created_at, updated_at, view_count, author]"),
                log.toString());
        assertEquals(7, log.stream().filter(l -> l.startsWith("ERROR ")).count(), log.toString());
        assertTrue(log.get(1).startsWith("INFO Fraise check: 11 types: 4 checked, 1 checked through a parent, 6 not"
                + " checked (view missing: 1, root type: 2, input type: 3); 53 of 55 fields checked, 2 not reached; against 4 views:"
                + " 7 errors, 0 warnings, 0 suppressed in "), log.get(1));
        String json = Files.readString(reports.resolve("report.json"));
        for (String code : List.of("FIELD_MISSING", "FIELD_NULLABLE", "FIELD_TYPE_MISMATCH", "VIEW_MISSING",
                "MUTATION_PARAM_TYPE")) {
            assertTrue(json.contains("\"code\": \"" + code + "\""), code);
        }
    }

    /**
     * With seeds the check also syncs the projections; with migrations, {@code 001_add_comment_is_edited} (which
     * re-creates v_comment without its drifts) is recorded as applied, not run, so v_comment's drifts are still found.
     */
    @Test
    void withSeedsTheDefaultCheckSyncsTheProjectionsAndLocatesTheDroppedKeyAtTheTvTable() throws Exception {
        List<String> log = new ArrayList<>();
        CheckMojo mojo = mojo("../examples/blog-drift", log);
        mojo.seeds = true;
        mojo.migrations = true;
        mojo.reportFormats = List.of("json", "sarif");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Fraise contract check failed: 8 error(s), 0 warning(s)"), e.getMessage());
        assertTrue(log.contains("ERROR FIELD_MISSING: schema.graphql:52:3: Comment.isEdited reads key"
                + " 'is_edited' but v_comment does not emit it (v_comment $.is_edited) [emitted keys: id, identifier,"
                + " content, created_at, updated_at, author, post_id, parent_comment_id]"), log.toString());
        assertTrue(log.contains("ERROR TV_OUT_OF_SYNC: db/schema/30_projections/20_tv_user.sql:2: tv_user: after"
                + " sync_tv_user(), 3 rows of tv_user differ from v_user; first id a0000000-0000-4000-8000-000000000001"
                + " at $.avatar_url: v_user \"https://example.com/avatars/alice.png\", tv_user absent (ids"
                + " a0000000-0000-4000-8000-000000000001, a0000000-0000-4000-8000-000000000002,"
                + " a0000000-0000-4000-8000-000000000003) (tv_user $.avatar_url) [sync_tv_user() run on the current"
                + " rows and rolled back]"), log.toString());
        String json = Files.readString(reports.resolve("report.json"));
        assertTrue(json.contains("\"file\": \"db/schema/30_projections/20_tv_user.sql\",\n        \"line\": 2"), json);
        assertTrue(Files.readString(reports.resolve("report.sarif")).contains("\"uri\": \"db/schema/30_projections/20_tv_user.sql\""));
    }

    @Test
    void aLogLineNamesTheRelationOfAProjectionOrLintFindingOnceOrTwiceNotThreeTimes() {
        assertEquals("tv_post is not (id uuid PRIMARY KEY, data jsonb NOT NULL): no data column",
                CheckMojo.logLine(new Finding(FindingCode.TV_SHAPE_INVALID, "tv_post", "", Optional.empty(),
                        Optional.empty(), "tv_post", "$", "tv_post is not (id uuid PRIMARY KEY, data jsonb NOT NULL):"
                        + " no data column", "", Optional.empty())));
        assertEquals("tb_account.pk_account: tb_account has no pk_account column",
                CheckMojo.logLine(new Finding(FindingCode.LINT_TRINITY_PK, "tb_account.pk_account", "",
                        Optional.empty(), Optional.empty(), "tb_account", "", "tb_account has no pk_account column",
                        "", Optional.empty())));
    }

    @Test
    void warningsFailOnlyWithFailOnWarning() throws Exception {
        CheckMojo mojo = mojo("src/test/resources/projects/contracts-warning", new ArrayList<>());
        mojo.execute();
        mojo.failOn = "warning";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("Fraise contract check failed: 0 error(s), 1 warning(s) (failOn=warning); reports in "
                + reports.toAbsolutePath().normalize(), e.getMessage());
    }

    @Test
    void aGapIsAWarningInTheSummaryAndAnErrorWithFailOnUnchecked() throws Exception {
        List<String> log = new ArrayList<>();
        CheckMojo mojo = mojo("src/test/resources/projects/contracts-gap", log);
        mojo.execute();
        assertEquals("INFO Fraise check: GraphQL schema from schema.graphql (SDL)", log.get(0));
        assertTrue(log.get(1).startsWith("INFO Fraise check: 3 types: 1 checked, 2 not checked (root type: 1, no source:"
                + " 1); gaps: Tag; 2 of 3 fields checked, 1 not reached; against 1 view: 0 errors, 1 warning, 0 suppressed in "),
                log.get(1));
        mojo.failOnUnchecked = "true";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Fraise contract check failed: 1 error(s), 0 warning(s)"), e.getMessage());
        assertTrue(log.contains("WARN TYPE_NOT_CHECKED: schema.graphql:11:1: Tag is not checked: no source: no"
                + " @sqlSource, no Query field returns it, and v_tag does not exist"), "the gap is"
                + " visible in the log: " + log);
        assertTrue(log.contains("ERROR TYPE_NOT_CHECKED: schema.graphql:11:1: Tag is not checked: no source: no"
                + " @sqlSource, no Query field returns it, and v_tag does not exist"), log.toString());
        mojo.failOnUnchecked = "sometimes";
        assertEquals("SETTING_INVALID: plugin parameter failOnUnchecked (fraise.failOnUnchecked) is 'sometimes';"
                + " accepted: true, false", assertThrows(MojoExecutionException.class, mojo::execute).getMessage());
    }

    @Test
    void badParametersAndMissingSchemasAreToolErrors() {
        CheckMojo mojo = mojo("../examples/blog", new ArrayList<>());
        mojo.failOn = "never";
        assertEquals("SETTING_INVALID: plugin parameter failOn (fraise.failOn) is 'never'; accepted: error, warning, new",
                assertThrows(MojoExecutionException.class, mojo::execute).getMessage());
        mojo.failOn = "error";
        mojo.reportFormats = List.of("json", "pdf");
        assertEquals("SETTING_INVALID: plugin parameter reportFormats (fraise.reportFormats) is 'pdf'; accepted: json,"
                + " junit, markdown, sarif, console or none",
                assertThrows(MojoExecutionException.class, mojo::execute).getMessage());
        mojo.reportFormats = List.of("none");
        mojo.naming = "snake";
        assertEquals("SETTING_INVALID: plugin parameter naming (fraise.naming) is 'snake'; accepted: camel, snake_case,"
                + " preserve",
                assertThrows(MojoExecutionException.class, mojo::execute).getMessage());
        mojo.naming = "camel";
        mojo.sample = -1;
        assertEquals("SETTING_INVALID: plugin parameter sample (fraise.sample) is '-1'; accepted: 0 (static) or more"
                + " rows per view", assertThrows(MojoExecutionException.class, mojo::execute).getMessage());
        mojo.sample = 0;
        mojo.graphqlSchema = List.of("missing.graphql");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("SDL_NOT_FOUND: "), e.getMessage());
    }

    @Test
    void aToolErrorLeavesNoReportOfAnEarlierRunBehind() throws Exception {
        List<String> stale = List.of("report.json", "report.sarif", "TEST-fraise-contracts.xml", "check.json",
                "check.sarif", "TEST-fraise-check.xml");
        for (String name : stale) {
            Files.writeString(reports.resolve(name), "earlier run");
        }
        CheckMojo mojo = mojo("../examples/blog", new ArrayList<>());
        mojo.failOn = "never";
        assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(List.of(), stale.stream().filter(name -> Files.exists(reports.resolve(name))).toList());
    }

    private CheckMojo mojo(String project, List<String> log) {
        return mojo(project, reports, log);
    }

    /** A check of {@code project} with every parameter at its default, writing to {@code reports}, logging to {@code log}. */
    static CheckMojo mojo(String project, Path reports, List<String> log) {
        CheckMojo mojo = new CheckMojo();
        mojo.projectDir = new File(project);
        mojo.env = "local";
        mojo.provider = "embedded";
        mojo.graphqlSchema = List.of("schema.graphql");
        mojo.failOn = "error";
        mojo.reportFormats = List.of("json,junit,markdown,sarif,console");
        mojo.reportDirectory = reports.toFile();
        mojo.naming = "camel";
        mojo.schemas = "public";
        mojo.mutationProfile = "auto";
        mojo.lint = "true";
        mojo.lintSeverity = "warning";
        mojo.dataColumn = "data";
        mojo.projectionSync = "false";
        mojo.sampleMutations = "true";
        mojo.failOnUnchecked = "false";
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add("INFO " + content);
            }

            @Override
            public void warn(CharSequence content) {
                log.add("WARN " + content);
            }

            @Override
            public void error(CharSequence content) {
                log.add("ERROR " + content);
            }
        });
        return mojo;
    }
}
