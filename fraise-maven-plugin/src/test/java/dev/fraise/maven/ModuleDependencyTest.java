package dev.fraise.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The plugin sits on the engine and knows nothing of JUnit or the JUnit extension. */
class ModuleDependencyTest {

    @Test
    void dependsOnlyDownward() {
        noClasses().that().resideInAPackage("dev.fraise.maven..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.fraise.junit..", "org.junit..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.fraise"));
    }
}
