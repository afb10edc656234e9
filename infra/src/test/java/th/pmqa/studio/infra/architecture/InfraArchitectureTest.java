package th.pmqa.studio.infra.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The infrastructure module's packages (event store, security, web, mongo, …) form no cycle. */
@AnalyzeClasses(packages = "th.pmqa.studio.infra", importOptions = ImportOption.DoNotIncludeTests.class)
class InfraArchitectureTest {

    @ArchTest
    static final ArchRule packagesOfInfraFormNoCycle =
            slices().matching("th.pmqa.studio.infra.(*)..").should().beFreeOfCycles();
}
