package th.pmqa.studio.command.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The command service's shape: its packages form no cycle, and the aggregate with its commands (the domain) knows
 * nothing of HTTP, Reactor Netty or MongoDB, so it can be decided and tested without a server or a database.
 */
@AnalyzeClasses(packages = "th.pmqa.studio.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandArchitectureTest {

    /** The packages of the aggregate and its commands; the controllers beside them are in {@code report.http}. */
    static final String[] DOMAIN = {"th.pmqa.studio.command.report", "th.pmqa.studio.command.report.commands"};

    /** Spring's web and HTTP types, Reactor Netty, the MongoDB driver and BSON. */
    static final String[] WEB_AND_STORAGE = {"org.springframework.web..", "org.springframework.http..",
            "reactor.netty..", "com.mongodb..", "org.bson.."};

    @ArchTest
    static final ArchRule packagesOfTheCommandServiceFormNoCycle =
            slices().matching("th.pmqa.studio.command.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theAggregateAndItsCommandsKnowNoWebTypesNorMongoDb =
            noClasses().that().resideInAnyPackage(DOMAIN)
                       .should().dependOnClassesThat().resideInAnyPackage(WEB_AND_STORAGE);
}
