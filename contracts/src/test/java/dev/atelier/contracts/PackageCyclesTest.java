package dev.atelier.contracts;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The contracts's packages depend on each other in one direction only (as the gateway's: see its PackageCyclesTest). */
@AnalyzeClasses(packages = "dev.atelier.contracts", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("dev.atelier.contracts.(*)..").should().beFreeOfCycles();
}
