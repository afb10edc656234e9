package th.pmqa.studio.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * What both services share (events, ids, catalog, text tools) is plain domain code: its root packages form no cycle,
 * and it knows no Spring, no HTTP, no Reactor Netty and no MongoDB.
 */
@AnalyzeClasses(packages = "th.pmqa.studio", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedEventsArchitectureTest {

    @ArchTest
    static final ArchRule rootPackagesFormNoCycle =
            slices().matching("th.pmqa.studio.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule sharedCodeKnowsNoSpringWebNettyNorMongoDb =
            noClasses().that().resideInAPackage("th.pmqa.studio..")
                       .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor.netty..",
                                                                           "com.mongodb..", "org.bson..");
}
