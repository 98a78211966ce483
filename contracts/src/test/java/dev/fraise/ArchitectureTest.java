package dev.fraise;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine stays free of test and build frameworks, and its packages depend on each other one way. */
class ArchitectureTest {

    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.fraise");
    }

    @Test
    void engineUsesNoJUnitOrMavenTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.apache.maven..",
                "org.opentest4j..", "dev.fraise.junit..", "dev.fraise.maven..").check(engine);
    }

    @Test
    void packagesAreLayered() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("dev.fraise..")
                .layer("entry").definedBy("dev.fraise")
                .layer("breaking").definedBy("dev.fraise.breaking..")
                .layer("drift").definedBy("dev.fraise.drift..")
                .layer("ratchet").definedBy("dev.fraise.ratchet..")
                .layer("catalog").definedBy("dev.fraise.catalog..")
                .layer("database").definedBy("dev.fraise.database..")
                .layer("migrate").definedBy("dev.fraise.migrate..")
                .layer("build").definedBy("dev.fraise.build..")
                .layer("postgres").definedBy("dev.fraise.postgres..")
                .layer("config").definedBy("dev.fraise.config..")
                .layer("error").definedBy("dev.fraise.error..")
                .layer("source").definedBy("dev.fraise.source..")
                .layer("report").definedBy("dev.fraise.report..")
                .layer("contract").definedBy("dev.fraise.contract..")
                .layer("graphql").definedBy("dev.fraise.graphql..")
                .layer("inference").definedBy("dev.fraise.inference..")
                .layer("sample").definedBy("dev.fraise.sample..")
                .layer("shape").definedBy("dev.fraise.shape..")
                .layer("nodetree").definedBy("dev.fraise.nodetree..")
                .layer("sql").definedBy("dev.fraise.sql..")
                .whereLayer("entry").mayNotBeAccessedByAnyLayer()
                .whereLayer("breaking").mayOnlyBeAccessedByLayers("entry", "report")
                .whereLayer("drift").mayOnlyBeAccessedByLayers("entry", "breaking", "report", "ratchet")
                .whereLayer("ratchet").mayOnlyBeAccessedByLayers("entry")
                .whereLayer("catalog").mayOnlyBeAccessedByLayers("entry", "drift")
                .whereLayer("database").mayOnlyBeAccessedByLayers("entry", "drift", "breaking")
                .whereLayer("migrate").mayOnlyBeAccessedByLayers("entry", "drift", "report")
                .whereLayer("build").mayOnlyBeAccessedByLayers("entry", "database", "migrate", "drift", "breaking")
                .whereLayer("postgres").mayOnlyBeAccessedByLayers("entry", "database", "drift", "breaking", "ratchet")
                .whereLayer("config").mayOnlyBeAccessedByLayers("entry", "build", "migrate", "drift", "breaking",
                        "ratchet")
                .whereLayer("source").mayOnlyBeAccessedByLayers("entry", "drift", "contract")
                .whereLayer("report").mayOnlyBeAccessedByLayers("entry")
                .whereLayer("contract").mayOnlyBeAccessedByLayers("entry", "report", "breaking", "ratchet")
                .whereLayer("graphql").mayOnlyBeAccessedByLayers("entry", "contract", "breaking", "ratchet")
                .whereLayer("inference").mayOnlyBeAccessedByLayers("entry", "contract", "breaking")
                .whereLayer("sample").mayOnlyBeAccessedByLayers("entry", "contract")
                .whereLayer("shape").mayOnlyBeAccessedByLayers("entry", "inference", "sample", "contract", "breaking")
                .whereLayer("nodetree").mayOnlyBeAccessedByLayers("inference")
                .whereLayer("sql").mayOnlyBeAccessedByLayers("build", "inference")
                .check(engine);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.fraise.(*)..").should().beFreeOfCycles().check(engine);
    }
}
