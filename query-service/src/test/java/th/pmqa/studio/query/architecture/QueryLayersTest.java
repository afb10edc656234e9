package th.pmqa.studio.query.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The query service's packages point down only: model (state and folds) → view (typed views and their renderings)
 * → store (read models) → projection (projector, status, time travel) → live (streams) → http (controllers);
 * web is the HTTP plumbing every controller shares; comment, presence, evidence, export and webapp are vertical
 * slices on top. A package may use those below it, never one above, and no two packages use each other.
 */
class QueryLayersTest {

    private static final String BASE = "th.pmqa.studio.query";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    private static final String MODEL = BASE + ".model..";
    private static final String VIEW = BASE + ".view..";
    private static final String STORE = BASE + ".store..";
    private static final String PROJECTION = BASE + ".projection..";
    private static final String LIVE = BASE + ".live..";
    private static final String HTTP = BASE + ".http..";
    private static final String WEB = BASE + ".web..";
    private static final String[] SLICES = {BASE + ".comment..", BASE + ".presence..", BASE + ".evidence..",
                                            BASE + ".export..", BASE + ".webapp.."};

    @Test
    void noTwoPackagesOfTheQueryServiceDependOnEachOther() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theModelUsesNoSpringMongoDbReactorOrWebTypes() {
        noClasses().that().resideInAPackage(MODEL)
                   .should().dependOnClassesThat().resideInAnyPackage(
                           "org.springframework..", "com.mongodb..", "org.bson..", "reactor..", "io.netty..",
                           "jakarta.servlet..", "jakarta.ws..", "org.axonframework..")
                   .check(MAIN);
    }

    @Test
    void theModelUsesNoOtherPackageOfTheQueryService() {
        noClasses().that().resideInAPackage(MODEL)
                   .should().dependOnClassesThat().resideInAnyPackage(
                           concat(new String[] {VIEW, STORE, PROJECTION, LIVE, HTTP, WEB}, SLICES))
                   .check(MAIN);
    }

    @Test
    void viewsDependOnTheModelButNotOnStoresProjectionsStreamsOrHttp() {
        noClasses().that().resideInAPackage(VIEW)
                   .should().dependOnClassesThat().resideInAnyPackage(
                           concat(new String[] {STORE, PROJECTION, LIVE, HTTP, WEB}, SLICES))
                   .check(MAIN);
    }

    @Test
    void storesDependNeitherOnHttpNorOnLiveStreamsNorOnProjections() {
        noClasses().that().resideInAPackage(STORE)
                   .should().dependOnClassesThat().resideInAnyPackage(
                           concat(new String[] {PROJECTION, LIVE, HTTP, WEB}, SLICES))
                   .check(MAIN);
    }

    @Test
    void projectionsDependNeitherOnLiveStreamsNorOnHttp() {
        noClasses().that().resideInAPackage(PROJECTION)
                   .should().dependOnClassesThat().resideInAnyPackage(concat(new String[] {LIVE, HTTP, WEB}, SLICES))
                   .check(MAIN);
    }

    @Test
    void liveStreamsDependNotOnHttp() {
        noClasses().that().resideInAPackage(LIVE)
                   .should().dependOnClassesThat().resideInAnyPackage(concat(new String[] {HTTP}, SLICES))
                   .check(MAIN);
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
