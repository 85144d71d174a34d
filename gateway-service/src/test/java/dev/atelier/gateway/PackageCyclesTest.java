package dev.atelier.gateway;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The gateway's feature packages depend on each other in one direction only: {@code api} on the features, the
 * features on {@code problems}, {@code config} and the like, never back. A cycle makes two features one in all
 * but name (neither can change, be read or be tested without the other), so the build refuses it.
 */
@AnalyzeClasses(packages = "dev.atelier.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles =
            slices().matching("dev.atelier.gateway.(*)..").should().beFreeOfCycles();
}
