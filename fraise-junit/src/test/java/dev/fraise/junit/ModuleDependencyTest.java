package dev.fraise.junit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** fraise-junit sits on the engine's public API and knows nothing of Maven or the plugin. */
class ModuleDependencyTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.fraise");

    @Test
    void dependsOnlyDownward() {
        noClasses().that().resideInAPackage("dev.fraise.junit..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.fraise.maven..", "org.apache.maven..")
                .check(MAIN);
    }

    @Test
    void readsSchemasAndReportsOnlyThroughTheEngine() {
        noClasses().that().resideInAPackage("dev.fraise.junit..")
                .should().dependOnClassesThat().resideInAnyPackage("graphql..", "com.fasterxml..",
                        "dev.fraise.inference..", "dev.fraise.shape..", "dev.fraise.sample..", "dev.fraise.nodetree..")
                .check(MAIN);
    }
}
