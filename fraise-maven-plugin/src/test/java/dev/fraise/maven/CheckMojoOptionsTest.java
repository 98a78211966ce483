package dev.fraise.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fraise.error.FraiseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each contract option of the plugin reaches the engine: the check's findings change with it. */
class CheckMojoOptionsTest {

    private static final String OPTIONS = "src/test/resources/projects/options";
    private static final String BLOG = "../examples/blog";

    @TempDir
    Path reports;

    @Test
    void scalarTypesMapADecimalToNumeric() throws Exception {
        CheckMojo mojo = mojo(OPTIONS);
        assertTrue(findings(mojo).contains("ERROR FIELD_TYPE_MISMATCH Product.price"), "unmapped: a number is no string");
        mojo.scalarTypes = Map.of("Decimal", "numeric");
        List<String> mapped = findings(mojo);
        assertTrue(mapped.stream().noneMatch(f -> f.contains("Product.price")), mapped.toString());
    }

    @Test
    void mapParametersAreReadFromUserPropertiesWhenThePomHasNone() throws Exception {
        CheckMojo mojo = mojo(OPTIONS);
        mojo.userProperties.setProperty("fraise.scalarTypes", "Decimal=numeric ; Email=text,character varying");
        assertTrue(findings(mojo).stream().noneMatch(f -> f.contains("Product.price")));
        mojo.scalarTypes = Map.of("Decimal", "text");
        assertTrue(findings(mojo).contains("ERROR FIELD_TYPE_MISMATCH Product.price"), "the POM's map wins");
    }

    @Test
    void projectionSourcesAndProjectionSync() throws Exception {
        CheckMojo mojo = mojo(OPTIONS);
        mojo.seeds = true;
        mojo.scalarTypes = Map.of("Decimal", "numeric");
        mojo.projectionSync = "true";
        List<String> unconfigured = findings(mojo);
        assertTrue(unconfigured.stream().noneMatch(f -> f.contains("TV_OUT_OF_SYNC")), "v_catalog does not exist");
        mojo.projectionSources = Map.of("tv_catalog", "v_product");
        List<String> configured = findings(mojo);
        assertTrue(configured.contains("ERROR TV_OUT_OF_SYNC tv_catalog"), configured.toString());
        mojo.projectionSync = "false";
        List<String> seeded = findings(mojo);
        assertTrue(seeded.contains("ERROR TV_OUT_OF_SYNC tv_catalog"), "rows are compared without projectionSync: "
                + seeded);
        mojo.seeds = false;
        List<String> statically = findings(mojo);
        assertTrue(statically.stream().noneMatch(f -> f.contains("TV_OUT_OF_SYNC")), "no rows: " + statically);
        mojo.projectionSync = "true";
        List<String> synced = findings(mojo);
        assertTrue(synced.stream().noneMatch(f -> f.contains("TV_OUT_OF_SYNC")), "no rows, nothing differs: " + synced);
        assertTrue(!unconfigured.equals(statically), "the configured source changes what CatalogItem is checked against: "
                + unconfigured + " / " + statically);
    }

    @Test
    void theLintCanBeErrorsOffOrSkipARelation() throws Exception {
        CheckMojo mojo = mojo(OPTIONS);
        mojo.scalarTypes = Map.of("Decimal", "numeric");
        List<String> warnings = lint(findings(mojo));
        assertTrue(!warnings.isEmpty() && warnings.stream().allMatch(f -> f.startsWith("WARNING ")), warnings.toString());
        mojo.lintSeverity = "error";
        List<String> errors = lint(findings(mojo));
        assertEquals(warnings.stream().map(f -> f.replace("WARNING ", "ERROR ")).toList(), errors);
        mojo.lintExclude = List.of("tb_note");
        assertEquals(List.of(), lint(findings(mojo)), "tb_note is the only relation with lint findings");
        mojo.lintExclude = null;
        mojo.lint = "false";
        assertEquals(List.of(), lint(findings(mojo)));
    }

    @Test
    void mutationProfileAndContextParams() throws Exception {
        CheckMojo mojo = mojo(BLOG);
        assertEquals(List.of(), mutations(findings(mojo)), "the blog's functions follow v1");
        mojo.mutationProfile = "V2";
        List<String> v2 = mutations(findings(mojo));
        assertTrue(v2.contains("ERROR MUTATION_RETURN_SHAPE Mutation.createPost"), v2.toString());
        mojo.mutationProfile = "v1";
        mojo.contextParams = List.of("tenant_id, user_id");
        List<String> context = mutations(findings(mojo));
        assertTrue(context.contains("ERROR MUTATION_ARITY Mutation.createPost"), context.toString());
    }

    @Test
    void namingSnakeCaseIsCamel() throws Exception {
        CheckMojo mojo = mojo(BLOG);
        mojo.naming = "snake_case";
        assertEquals(List.of(), findings(mojo));
        mojo.naming = "preserve";
        assertTrue(findings(mojo).stream().anyMatch(f -> f.startsWith("ERROR FIELD_MISSING ")));
    }

    @Test
    void aFraiseqlSchemaJsonIsCheckedAndItsMutationsAsV2UnlessSet() throws Exception {
        CheckMojo mojo = mojo(BLOG);
        mojo.graphqlSchema = List.of("schema.json");
        List<String> auto = findings(mojo);
        assertTrue(auto.contains("ERROR MUTATION_RETURN_SHAPE Mutation.createPost"), "auto is v2 for schema.json: "
                + auto);
        mojo.mutationProfile = "v1";
        assertEquals(List.of(), findings(mojo), "the blog's functions follow v1");
    }

    @Test
    void dataColumnIsReadFromEveryBindingThatNamesNone() throws Exception {
        CheckMojo mojo = mojo(BLOG);
        mojo.dataColumn = "payload";
        List<String> findings = findings(mojo);
        assertTrue(findings.contains("ERROR DATA_COLUMN_MISSING Post"), findings.toString());
        assertInvalid(mojo, m -> m.dataColumn = "da ta", "dataColumn (fraise.dataColumn) is 'da ta'; accepted: SQL"
                + " names (letters, digits, _; optionally schema-qualified)");
    }

    @Test
    void aSchemaFileFraiseCannotReadFailsBeforeAnyDatabaseIsBuilt(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("db/schema"));
        Files.writeString(project.resolve("db/schema/10_broken.sql"), "CREATE TABLE (;\n");
        Files.writeString(project.resolve("schema.json"), "{\"types\": [ {\"name\": \"User\" ]}\n");
        CheckMojo mojo = mojo(project.toString());
        mojo.graphqlSchema = List.of("schema.json");
        Files.writeString(reports.resolve("report.json"), "{\"summary\": {\"errors\": 0}}");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(Files.notExists(reports.resolve("report.json")), "a previous run's report would pass for this one's");
        assertEquals("SCHEMA_JSON_MALFORMED: schema.json:1:29: Unexpected close marker ']': expected '}' (for Object"
                + " starting at line 1, column 13)", e.getMessage(), "a BUILD_ error would mean the database was built"
                + " first");
        assertEquals(null, e.getCause().getCause(), "Maven prints every cause's message again after the one line");
    }

    @Test
    void theDebugFlagKeepsTheCauseOfAFailure(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("db/schema"));
        Files.writeString(project.resolve("db/schema/10_ok.sql"), "CREATE TABLE tb_a (pk_a integer);\n");
        Files.writeString(project.resolve("schema.json"), "{\"types\": [ {\"name\": \"User\" ]}\n");
        CheckMojo mojo = mojo(project.toString());
        mojo.graphqlSchema = List.of("schema.json");
        System.setProperty(FraiseException.DEBUG_PROPERTY, "true");
        MojoExecutionException e;
        try {
            e = assertThrows(MojoExecutionException.class, mojo::execute);
        } finally {
            System.clearProperty(FraiseException.DEBUG_PROPERTY);
        }
        assertTrue(e.getMessage().startsWith("SCHEMA_JSON_MALFORMED: schema.json:1:29: "), e.getMessage());
        assertTrue(e.getCause().getCause().getClass().getName().startsWith("com.fasterxml.jackson"),
                "the parser's exception, for -e's stack trace: " + e.getCause().getCause());
    }

    @Test
    void badValuesNameTheParameterTheValueAndWhatIsAccepted() {
        CheckMojo mojo = mojo(BLOG);
        assertInvalid(mojo, m -> m.mutationProfile = "v3", "mutationProfile (fraise.mutationProfile) is 'v3'; accepted: auto, v1, v2");
        assertInvalid(mojo, m -> m.lint = "yes", "lint (fraise.lint) is 'yes'; accepted: true, false");
        assertInvalid(mojo, m -> m.lintSeverity = "fatal",
                "lintSeverity (fraise.lintSeverity) is 'fatal'; accepted: warning, error");
        assertInvalid(mojo, m -> m.projectionSync = "maybe",
                "projectionSync (fraise.projectionSync) is 'maybe'; accepted: true, false");
        assertInvalid(mojo, m -> m.contextParams = List.of("tenant id"), "contextParams (fraise.contextParams) is"
                + " 'tenant id'; accepted: SQL names (letters, digits, _; optionally schema-qualified)");
        assertInvalid(mojo, m -> m.contextParams = List.of("tenant_id", "tenant_id"), "contextParams"
                + " (fraise.contextParams) is 'tenant_id,tenant_id'; accepted: distinct parameter names");
        assertInvalid(mojo, m -> m.lintExclude = List.of("tb_a,,tb_b"), "lintExclude (fraise.lintExclude) is"
                + " 'tb_a,,tb_b'; accepted: a comma-separated list without empty items");
        assertInvalid(mojo, m -> m.scalarTypes = Map.of("Decimal", " "), "scalarTypes (fraise.scalarTypes) is"
                + " 'Decimal= '; accepted: scalar=SQL type names, comma-separated");
        assertInvalid(mojo, m -> m.userProperties.setProperty("fraise.projectionSources", "tv_a"),
                "projectionSources (fraise.projectionSources) is 'tv_a'; accepted: key=value entries separated by"
                        + " ';', each key once");
        assertInvalid(mojo, m -> m.projectionSources = Map.of("tv_a", "v a"), "projectionSources"
                + " (fraise.projectionSources) is 'v a'; accepted: SQL names (letters, digits, _; optionally"
                + " schema-qualified)");
    }

    private static void assertInvalid(CheckMojo mojo, Consumer<CheckMojo> change, String message) {
        CheckMojo fresh = CheckMojoTest.mojo(mojo.projectDir.getPath(), mojo.reportDirectory.toPath(), new ArrayList<>());
        fresh.userProperties = new Properties();
        change.accept(fresh);
        assertEquals("SETTING_INVALID: plugin parameter " + message,
                assertThrows(MojoExecutionException.class, fresh::execute).getMessage());
    }

    private CheckMojo mojo(String project) {
        CheckMojo mojo = CheckMojoTest.mojo(project, reports, new ArrayList<>());
        mojo.reportFormats = List.of("json");
        mojo.userProperties = new Properties();
        return mojo;
    }

    /** Runs the check and lists its active findings from report.json: {@code SEVERITY CODE path}. */
    private List<String> findings(CheckMojo mojo) throws Exception {
        try {
            mojo.execute();
        } catch (MojoFailureException failed) {
            // the findings are in report.json either way
        }
        JsonNode report = new ObjectMapper().readTree(reports.resolve("report.json").toFile());
        List<String> findings = new ArrayList<>();
        for (JsonNode finding : report.get("findings")) {
            if (finding.get("suppressed").isNull()) {
                findings.add(finding.get("severity").asText() + " " + finding.get("code").asText() + " "
                        + finding.get("path").asText());
            }
        }
        return findings;
    }

    private static List<String> lint(List<String> findings) {
        return findings.stream().filter(f -> f.contains(" LINT_")).toList();
    }

    private static List<String> mutations(List<String> findings) {
        return findings.stream().filter(f -> f.contains(" MUTATION_")).toList();
    }
}
