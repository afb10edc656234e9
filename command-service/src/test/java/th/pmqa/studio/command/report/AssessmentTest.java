package th.pmqa.studio.command.report;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.command.rejection.AssessmentSubmittedException;
import th.pmqa.studio.command.rejection.ConflictException;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.command.rejection.EditConflictException;
import th.pmqa.studio.report.ApproachDraftedEvent;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.AssessmentOpenedEvent;
import th.pmqa.studio.report.AssessmentReopenedEvent;
import th.pmqa.studio.report.AssessmentStatus;
import th.pmqa.studio.report.AssessmentSubmittedEvent;
import th.pmqa.studio.command.report.commands.AttachResultCommand;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.command.report.commands.CriterionLinks;
import th.pmqa.studio.report.CriterionSummaryWrittenEvent;
import th.pmqa.studio.report.DeploymentDraftedEvent;
import th.pmqa.studio.command.report.commands.DetachResultCommand;
import th.pmqa.studio.command.report.commands.DraftApproachCommand;
import th.pmqa.studio.command.report.commands.DraftDeploymentCommand;
import th.pmqa.studio.command.report.commands.DraftProfileItemCommand;
import th.pmqa.studio.command.report.commands.DraftResultCommand;
import th.pmqa.studio.report.LevelRatedEvent;
import th.pmqa.studio.command.report.commands.LinkCriterionCommand;
import th.pmqa.studio.command.report.commands.LinkProfileItemsCommand;
import th.pmqa.studio.command.report.commands.LinkResultIndicatorsCommand;
import th.pmqa.studio.command.report.commands.OpenAssessmentCommand;
import th.pmqa.studio.report.OrganizationType;
import th.pmqa.studio.report.ProfileItemDraftedEvent;
import th.pmqa.studio.report.ProfileItemsLinkedEvent;
import th.pmqa.studio.command.report.commands.RateLevelCommand;
import th.pmqa.studio.command.report.commands.ReopenAssessmentCommand;
import th.pmqa.studio.report.ResultAttachedEvent;
import th.pmqa.studio.report.ResultDetachedEvent;
import th.pmqa.studio.report.ResultDraftedEvent;
import th.pmqa.studio.report.ResultId;
import th.pmqa.studio.command.report.commands.SavedText;
import th.pmqa.studio.report.Merge;
import th.pmqa.studio.report.ResultIndicatorsLinkedEvent;
import th.pmqa.studio.command.report.commands.SubmitAssessmentCommand;
import th.pmqa.studio.command.report.commands.ApproveSectionCommand;
import th.pmqa.studio.command.report.commands.ExtendSubmissionWindowCommand;
import th.pmqa.studio.command.report.commands.MarkSectionReadyCommand;
import th.pmqa.studio.command.report.commands.ReopenSectionCommand;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionApprovedEvent;
import th.pmqa.studio.report.SectionMarkedReadyEvent;
import th.pmqa.studio.report.SectionReopenedEvent;
import th.pmqa.studio.report.SectionStatus;
import th.pmqa.studio.command.report.commands.SetSubmissionWindowCommand;
import th.pmqa.studio.report.SubmissionWindowExtendedEvent;
import th.pmqa.studio.report.SubmissionWindowSetEvent;
import th.pmqa.studio.command.report.commands.LabelVersionCommand;
import th.pmqa.studio.report.VersionLabeledEvent;
import th.pmqa.studio.command.report.commands.WriteCriterionSummaryCommand;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.allOf;
import static th.pmqa.studio.command.rejection.Rejections.rejected;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static th.pmqa.studio.infra.testing.Personas.SOMSRI;

class AssessmentTest {

    static final AssessmentId ID = new AssessmentId("KKN-2567");
    static final Author SOMCHAI = new Author("u-2", "สมชาย มุ่งมั่น");
    static final CriterionId C11 = new CriterionId("1.1");
    static final String CATALOG = "pmqa-4.0/2567";
    static final Instant T0 = Instant.parse("2024-05-01T03:00:00Z");
    static final Instant T1 = Instant.parse("2024-05-02T04:30:00Z");
    /** Tone marks stacked on combining vowels, Thai digits, a ZWJ emoji sequence and a doubled tone mark. */
    static final String THAI = "การนำองค์การ ๑๒๓ 👩‍💼 ผู้นำ่ (ไม้เอกซ้อน) ที่ตั้งเป้าหมาย\tและ\r\nทบทวน";

    FixtureConfiguration<Assessment> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Assessment.class);
    }

    static AssessmentOpenedEvent opened() {
        return new AssessmentOpenedEvent(ID, "KKN", "จังหวัดขอนแก่น", OrganizationType.PROVINCE, 2567, CATALOG,
                SOMSRI, T0);
    }

    static OpenAssessmentCommand open(String code, String name, OrganizationType type, int year, String catalog) {
        return new OpenAssessmentCommand(AssessmentId.of(code, year), code, name, type, year, catalog, SOMSRI);
    }

    @Nested
    class Opening {

        @Test
        void aNewAssessmentIsOpenedAndItsIdReturned() {
            fixture.givenCurrentTime(T0)
                    .when(open("KKN", "จังหวัดขอนแก่น", OrganizationType.PROVINCE, 2567, CATALOG))
                    .expectEvents(opened())
                    .expectResultMessagePayload(ID);
        }

        @Test
        void openingTheSameOrganizationAndYearTwiceIsAConflict() {
            fixture.given(opened())
                    .when(open("KKN", "จังหวัดขอนแก่น", OrganizationType.PROVINCE, 2567, CATALOG))
                    .expectException(rejected(ConflictException.class, "assessmentId"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"K", "KKN-1", "ขอนแก่น", "KKN KKN", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", "null", "NULL",
                                "nUlL"})
        void anOrganizationCodeOutsideLettersDigitsAndUnderscoreIsRefused(String code) {
            fixture.givenNoPriorActivity()
                    .when(open(code, "จังหวัดขอนแก่น", OrganizationType.PROVINCE, 2567, CATALOG))
                    .expectException(rejected(InvalidInputException.class, "organizationCode"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(ints = {2499, 2701, 2024})
        void aFiscalYearOutsideTheBuddhistEraRangeIsRefused(int year) {
            fixture.givenNoPriorActivity()
                    .when(open("KKN", "จังหวัดขอนแก่น", OrganizationType.PROVINCE, year, CATALOG))
                    .expectException(rejected(InvalidInputException.class, "fiscalYear"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(ints = {2500, 2700})
        void theFirstAndLastAcceptedFiscalYearsOpen(int year) {
            fixture.givenNoPriorActivity()
                    .when(open("KKN", "จังหวัดขอนแก่น", OrganizationType.PROVINCE, year, CATALOG))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(AssessmentId.of("KKN", year));
        }

        @Test
        void aBlankOrganizationNameIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(open("KKN", "  ", OrganizationType.PROVINCE, 2567, CATALOG))
                    .expectException(rejected(InvalidInputException.class, "organizationName"))
                    .expectNoEvents();
        }

        @Test
        void aMissingOrganizationTypeIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(open("KKN", "จังหวัดขอนแก่น", null, 2567, CATALOG))
                    .expectException(rejected(InvalidInputException.class, "organizationType"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"pmqa-4.0/2599", "pmqa-9.9/2567", "../../etc/passwd"})
        void anUnknownCatalogVersionIsRefused(String version) {
            fixture.givenNoPriorActivity()
                    .when(open("KKN", "จังหวัดขอนแก่น", OrganizationType.PROVINCE, 2567, version))
                    .expectException(rejected(InvalidInputException.class, "catalogVersion"))
                    .expectNoEvents();
        }

        @Test
        void anAssessmentIdThatDoesNotJoinCodeAndYearIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAssessmentCommand(new AssessmentId("KKN-2568"), "KKN", "จังหวัดขอนแก่น",
                            OrganizationType.PROVINCE, 2567, CATALOG, SOMSRI))
                    .expectException(rejected(InvalidInputException.class, "assessmentId"))
                    .expectNoEvents();
        }

        @Test
        void aCommandForAnAssessmentNeverOpenedFindsNoAggregate() {
            fixture.givenNoPriorActivity()
                    .when(new DraftProfileItemCommand(ID, 1, "ข้อความ", 0, SOMSRI))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class DraftingProfileItems {

        @Test
        void theFirstDraftGetsRevisionOneAtTheCurrentTime() {
            fixture.given(opened())
                    .andGivenCurrentTime(T1)
                    .when(new DraftProfileItemCommand(ID, 3, "พันธกิจ", 0, SOMCHAI))
                    .expectEvents(new ProfileItemDraftedEvent(ID, 3, "พันธกิจ", 1, SOMCHAI, T1))
                    .expectResultMessagePayload(SavedText.written(1));
        }

        @Test
        void anEditOnTheCurrentRevisionGetsTheNextRevision() {
            fixture.given(opened(), new ProfileItemDraftedEvent(ID, 3, "พันธกิจ", 1, SOMSRI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new DraftProfileItemCommand(ID, 3, "พันธกิจใหม่", 1, SOMCHAI))
                    .expectEvents(new ProfileItemDraftedEvent(ID, 3, "พันธกิจใหม่", 2, SOMCHAI, T1))
                    .expectResultMessagePayload(SavedText.written(2));
        }

        @Test
        void anEditOfTheSameWordsSomeoneSavedSinceIsRefusedWithBaseTheirsAndYours() {
            fixture.given(opened(), new ProfileItemDraftedEvent(ID, 3, "ฉบับแรก", 1, SOMSRI, T0),
                            new ProfileItemDraftedEvent(ID, 3, "ฉบับสอง", 2, SOMCHAI, T0))
                    .when(new DraftProfileItemCommand(ID, 3, "ฉบับของฉัน", 1, SOMSRI))
                    .expectException(allOf(rejected(EditConflictException.class, "text"),
                            new FeatureMatcher<Object, List<Object>>(equalTo(List.of("profile/3", "ฉบับแรก", "ฉบับสอง", 2L,
                                    "ฉบับของฉัน", SOMCHAI, List.of(new EditConflictException.Region("แรก", "สอง", "ของฉัน")))),
                                    "conflict", "conflict") {
                                @Override
                                protected List<Object> featureValueOf(Object actual) {
                                    EditConflictException conflict = (EditConflictException) actual;
                                    return List.of(conflict.textField(), conflict.base(), conflict.theirs(),
                                            conflict.currentRevision(), conflict.yours(), conflict.lastAuthor(),
                                            conflict.conflicts());
                                }
                            }))
                    .expectNoEvents();
        }

        @Test
        void aBaseRevisionFromTheFutureIsAConflictWithNoBaseToMergeFrom() {
            fixture.given(opened())
                    .when(new DraftProfileItemCommand(ID, 3, "ข้อความ", 5, SOMSRI))
                    .expectException(allOf(rejected(EditConflictException.class, "baseRevision"),
                            new FeatureMatcher<Object, Object>(nullValue(), "base", "base") {
                                @Override
                                protected Object featureValueOf(Object actual) {
                                    return ((EditConflictException) actual).base();
                                }
                            }))
                    .expectNoEvents();
        }

        @Test
        void sendingTheCurrentTextAgainStoresNothingAndReturnsTheCurrentRevision() {
            fixture.given(opened(), new ProfileItemDraftedEvent(ID, 3, "พันธกิจ", 1, SOMSRI, T0))
                    .when(new DraftProfileItemCommand(ID, 3, "พันธกิจ", 1, SOMCHAI))
                    .expectNoEvents()
                    .expectResultMessagePayload(SavedText.unchanged(1));
        }

        @Test
        void aRetryWithAnOutdatedBaseButIdenticalTextIsANoOpRatherThanAConflict() {
            fixture.given(opened(), new ProfileItemDraftedEvent(ID, 3, "พันธกิจ", 1, SOMSRI, T0))
                    .when(new DraftProfileItemCommand(ID, 3, "พันธกิจ", 0, SOMSRI))
                    .expectNoEvents()
                    .expectResultMessagePayload(SavedText.unchanged(1));
        }

        @Test
        void clearingAWrittenTextIsARealEdit() {
            fixture.given(opened(), new ProfileItemDraftedEvent(ID, 3, "พันธกิจ", 1, SOMSRI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new DraftProfileItemCommand(ID, 3, "", 1, SOMSRI))
                    .expectEvents(new ProfileItemDraftedEvent(ID, 3, "", 2, SOMSRI, T1))
                    .expectResultMessagePayload(SavedText.written(2));
        }

        @Test
        void anEmptyTextOnANeverWrittenItemChangesNothing() {
            fixture.given(opened())
                    .when(new DraftProfileItemCommand(ID, 3, "", 0, SOMSRI))
                    .expectNoEvents()
                    .expectResultMessagePayload(SavedText.unchanged(0));
        }

        @Test
        void aMissingTextIsRefused() {
            fixture.given(opened())
                    .when(new DraftProfileItemCommand(ID, 3, null, 0, SOMSRI))
                    .expectException(rejected(InvalidInputException.class, "text"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 30, -1})
        void anUnknownOpItemIsNotFound(int item) {
            fixture.given(opened())
                    .when(new DraftProfileItemCommand(ID, item, "ข้อความ", 0, SOMSRI))
                    .expectException(rejected(NotFoundException.class, "item"))
                    .expectNoEvents();
        }

        @Test
        void thaiTextWithToneMarksThaiDigitsAndEmojiIsStoredExactly() {
            fixture.given(opened())
                    .andGivenCurrentTime(T1)
                    .when(new DraftProfileItemCommand(ID, 29, THAI, 0, SOMSRI))
                    .expectEvents(new ProfileItemDraftedEvent(ID, 29, THAI, 1, SOMSRI, T1))
                    .expectState(assessment -> {
                        String stored = assessment.storedText(Assessment.profileKey(29)).text();
                        org.assertj.core.api.Assertions.assertThat(stored.codePoints().toArray())
                                .containsExactly(THAI.codePoints().toArray());
                    });
        }
    }

    @Nested
    class DraftingApproachDeployAndResult {

        @Test
        void approachDeployAndResultEachHaveTheirOwnEventAndRevision() {
            fixture.given(opened(),
                            new ApproachDraftedEvent(ID, C11, LevelKind.BASIC, "A1", 1, SOMSRI, T0),
                            new ApproachDraftedEvent(ID, C11, LevelKind.BASIC, "A2", 2, SOMSRI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new DraftDeploymentCommand(ID, C11, LevelKind.BASIC, "D1", 0, SOMCHAI))
                    .expectEvents(new DeploymentDraftedEvent(ID, C11, LevelKind.BASIC, "D1", 1, SOMCHAI, T1))
                    .expectResultMessagePayload(SavedText.written(1));
        }

        @Test
        void anApproachEditGetsTheNextRevision() {
            fixture.given(opened(), new ApproachDraftedEvent(ID, C11, LevelKind.BASIC, "A1", 1, SOMSRI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new DraftApproachCommand(ID, C11, LevelKind.BASIC, THAI, 1, SOMSRI))
                    .expectEvents(new ApproachDraftedEvent(ID, C11, LevelKind.BASIC, THAI, 2, SOMSRI, T1))
                    .expectResultMessagePayload(SavedText.written(2));
        }

        @Test
        void theSamePartAtAnotherLevelIsASeparateText() {
            fixture.given(opened(), new ResultDraftedEvent(ID, C11, LevelKind.BASIC, "R1", 1, SOMSRI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new DraftResultCommand(ID, C11, LevelKind.SIGNIFICANCE, "R1", 0, SOMSRI))
                    .expectEvents(new ResultDraftedEvent(ID, C11, LevelKind.SIGNIFICANCE, "R1", 1, SOMSRI, T1))
                    .expectResultMessagePayload(SavedText.written(1));
        }

        @Test
        void twoFirstDraftsOfAPartWrittenAtOnceAreAConflict() {
            fixture.given(opened(), new ResultDraftedEvent(ID, C11, LevelKind.ADVANCE, "R1", 1, SOMCHAI, T0))
                    .when(new DraftResultCommand(ID, C11, LevelKind.ADVANCE, "R?", 0, SOMSRI))
                    .expectException(rejected(EditConflictException.class, "text"))
                    .expectNoEvents();
        }

        @Test
        void theSamePartTextAgainIsANoOp() {
            fixture.given(opened(), new DeploymentDraftedEvent(ID, C11, LevelKind.BASIC, "D", 4, SOMCHAI, T0))
                    .when(new DraftDeploymentCommand(ID, C11, LevelKind.BASIC, "D", 4, SOMSRI))
                    .expectNoEvents()
                    .expectResultMessagePayload(SavedText.unchanged(4));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.4", "7.1", "", "๑.๑"})
        void anUnknownCriterionIsNotFound(String criterion) {
            fixture.given(opened())
                    .when(new DraftApproachCommand(ID, new CriterionId(criterion), LevelKind.BASIC, "A", 0, SOMSRI))
                    .expectException(rejected(NotFoundException.class, "criterionId"))
                    .expectNoEvents();
        }

        @Test
        void aMissingLevelIsRefused() {
            fixture.given(opened())
                    .when(new DraftApproachCommand(ID, C11, null, "A", 0, SOMSRI))
                    .expectException(rejected(InvalidInputException.class, "level"))
                    .expectNoEvents();
        }
    }

    @Nested
    class WritingSummaries {

        @Test
        void aSummaryGetsItsOwnRevision() {
            fixture.given(opened(), new ApproachDraftedEvent(ID, C11, LevelKind.BASIC, "A1", 1, SOMSRI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new WriteCriterionSummaryCommand(ID, C11, "สรุป", 0, SOMSRI))
                    .expectEvents(new CriterionSummaryWrittenEvent(ID, C11, "สรุป", 1, SOMSRI, T1))
                    .expectResultMessagePayload(SavedText.written(1));
        }

        @Test
        void twoFirstSummariesWrittenAtOnceAreAConflict() {
            fixture.given(opened(), new CriterionSummaryWrittenEvent(ID, C11, "สรุป", 1, SOMCHAI, T0))
                    .when(new WriteCriterionSummaryCommand(ID, C11, "บทสรุปของฉัน", 0, SOMSRI))
                    .expectException(rejected(EditConflictException.class, "text"))
                    .expectNoEvents();
        }

        @Test
        void aSummaryOfAnUnknownCriterionIsNotFound() {
            fixture.given(opened())
                    .when(new WriteCriterionSummaryCommand(ID, new CriterionId("6.4"), "สรุป", 0, SOMSRI))
                    .expectException(rejected(NotFoundException.class, "criterionId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class MergingConcurrentEdits {

        private static final String BASE = "ส่วนราชการมีการกำหนดวิสัยทัศน์และพันธกิจอย่างชัดเจน";

        @Test
        void anEditOfOtherWordsThanThoseSavedSinceIsMergedAndTheEventSaysOfWhichRevisions() {
            fixture.given(opened(), new ProfileItemDraftedEvent(ID, 1, BASE, 1, SOMSRI, T0),
                            new ProfileItemDraftedEvent(ID, 1, "ส่วนราชการมีการทบทวนวิสัยทัศน์และพันธกิจอย่างชัดเจน", 2, SOMCHAI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new DraftProfileItemCommand(ID, 1, "ส่วนราชการมีการกำหนดวิสัยทัศน์และพันธกิจอย่างเป็นระบบ", 1, SOMSRI))
                    .expectEvents(new ProfileItemDraftedEvent(ID, 1, "ส่วนราชการมีการทบทวนวิสัยทัศน์และพันธกิจอย่างเป็นระบบ", 3,
                            SOMSRI, T1, new Merge(1, 2)))
                    .expectResultMessagePayload(new SavedText(3, true, "ส่วนราชการมีการทบทวนวิสัยทัศน์และพันธกิจอย่างเป็นระบบ",
                            new Merge(1, 2)));
        }

        @Test
        void aPartAndASummaryMergeByTheSameRule() {
            fixture.given(opened(), new ApproachDraftedEvent(ID, C11, LevelKind.BASIC, "แนวทาง ก", 1, SOMSRI, T0),
                            new ApproachDraftedEvent(ID, C11, LevelKind.BASIC, "แนวทาง ก และ ข", 2, SOMCHAI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new DraftApproachCommand(ID, C11, LevelKind.BASIC, "วิธีการ: แนวทาง ก", 1, SOMSRI))
                    .expectEvents(new ApproachDraftedEvent(ID, C11, LevelKind.BASIC, "วิธีการ: แนวทาง ก และ ข", 3, SOMSRI, T1,
                            new Merge(1, 2)));
            fixture.given(opened(), new CriterionSummaryWrittenEvent(ID, C11, "สรุป ๑", 1, SOMSRI, T0),
                            new CriterionSummaryWrittenEvent(ID, C11, "สรุป ๑ ๒", 2, SOMCHAI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new WriteCriterionSummaryCommand(ID, C11, "บทสรุป ๑", 1, SOMSRI))
                    .expectEvents(new CriterionSummaryWrittenEvent(ID, C11, "บทสรุป ๑ ๒", 3, SOMSRI, T1, new Merge(1, 2)));
        }

        @Test
        void anEditWhoseChangesAreAllSavedAlreadyStoresNothingAndReturnsTheCurrentRevisionAndText() {
            String both = "ส่วนราชการมีการทบทวนวิสัยทัศน์และพันธกิจอย่างชัดเจน";
            fixture.given(opened(), new ProfileItemDraftedEvent(ID, 1, BASE, 1, SOMSRI, T0),
                            new ProfileItemDraftedEvent(ID, 1, both + " ทุกปี", 2, SOMCHAI, T0))
                    .when(new DraftProfileItemCommand(ID, 1, both, 1, SOMSRI))
                    .expectNoEvents()
                    .expectResultMessagePayload(new SavedText(2, false, both + " ทุกปี", new Merge(1, 2)));
        }

        /** Issue 11: this merge cost ~40 s of CPU per attempt and ended in a 500. */
        @Test
        void aStaleEditOfALongTextRewrittenSinceIsAConflictThatKeepsAllThreeVersionsAndStoresNothing() {
            String longText = "a ".repeat(25_000);
            fixture.given(opened(), new ProfileItemDraftedEvent(ID, 1, longText, 1, SOMSRI, T0),
                            new ProfileItemDraftedEvent(ID, 1, "x", 2, SOMCHAI, T0))
                    .when(new DraftProfileItemCommand(ID, 1, "y", 1, SOMSRI))
                    .expectException(allOf(rejected(EditConflictException.class, "text"),
                            new FeatureMatcher<Object, List<Object>>(equalTo(List.of(longText, "x", 2L, "y",
                                    List.of(new EditConflictException.Region(longText, "x", "y")))),
                                    "conflict", "conflict") {
                                @Override
                                protected List<Object> featureValueOf(Object actual) {
                                    EditConflictException conflict = (EditConflictException) actual;
                                    return List.of(conflict.base(), conflict.theirs(), conflict.currentRevision(),
                                            conflict.yours(), conflict.conflicts());
                                }
                            }))
                    .expectNoEvents();
        }

        @Test
        void anEditStartedFromARevisionOlderThanThoseKeptIsAConflictWithNoBase() {
            List<Object> history = new java.util.ArrayList<>(List.of(opened()));
            for (int revision = 1; revision <= Assessment.EARLIER_REVISIONS_KEPT + 2; revision++) {
                history.add(new ProfileItemDraftedEvent(ID, 1, "ฉบับที่ " + revision, revision, SOMCHAI, T0));
            }
            fixture.given(history)
                    .when(new DraftProfileItemCommand(ID, 1, "ฉบับที่ 1 แก้", 1, SOMSRI))
                    .expectException(rejected(EditConflictException.class, "baseRevision"))
                    .expectNoEvents();
            // the oldest revision still kept merges
            long kept = 2;
            fixture.given(history)
                    .andGivenCurrentTime(T1)
                    .when(new DraftProfileItemCommand(ID, 1, "ร่างฉบับที่ " + kept, kept, SOMSRI))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Linking {

        @Test
        void opItemsAreLinkedAndTheStoredLinksReturned() {
            fixture.given(opened(), new ResultIndicatorsLinkedEvent(ID, C11, List.of("7.1.1"), SOMSRI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new LinkProfileItemsCommand(ID, C11, List.of(1, 5, 29), SOMSRI))
                    .expectEvents(new ProfileItemsLinkedEvent(ID, C11, List.of(1, 5, 29), SOMSRI, T1))
                    .expectResultMessagePayload(new CriterionLinks(List.of(1, 5, 29), List.of("7.1.1")));
        }

        @Test
        void indicatorGroupsAreLinkedAndTheStoredLinksReturned() {
            fixture.given(opened())
                    .andGivenCurrentTime(T1)
                    .when(new LinkResultIndicatorsCommand(ID, C11, List.of("7.1.1", "7.6.4"), SOMSRI))
                    .expectEvents(new ResultIndicatorsLinkedEvent(ID, C11, List.of("7.1.1", "7.6.4"), SOMSRI, T1))
                    .expectResultMessagePayload(new CriterionLinks(List.of(), List.of("7.1.1", "7.6.4")));
        }

        @Test
        void anUnknownOpItemInTheListIsNamedByItsIndex() {
            fixture.given(opened())
                    .when(new LinkProfileItemsCommand(ID, C11, List.of(1, 2, 30), SOMSRI))
                    .expectException(rejected(InvalidInputException.class, "profileItems[2]"))
                    .expectNoEvents();
        }

        @Test
        void anOpItemListedTwiceIsRefused() {
            fixture.given(opened())
                    .when(new LinkProfileItemsCommand(ID, C11, List.of(4, 4), SOMSRI))
                    .expectException(rejected(InvalidInputException.class, "profileItems[1]"))
                    .expectNoEvents();
        }

        @Test
        void anUnknownIndicatorGroupInTheListIsNamedByItsIndex() {
            fixture.given(opened())
                    .when(new LinkResultIndicatorsCommand(ID, C11, List.of("7.1.1", "7.7.1"), SOMSRI))
                    .expectException(rejected(InvalidInputException.class, "indicatorGroups[1]"))
                    .expectNoEvents();
        }

        @Test
        void aMissingListInASingleLinkCommandIsRefused() {
            fixture.given(opened())
                    .when(new LinkProfileItemsCommand(ID, C11, null, SOMSRI))
                    .expectException(rejected(InvalidInputException.class, "profileItems"))
                    .expectNoEvents();
        }

        @Test
        void linkingTheSameListAgainStoresNothing() {
            fixture.given(opened(), new ProfileItemsLinkedEvent(ID, C11, List.of(1, 2), SOMSRI, T0))
                    .when(new LinkProfileItemsCommand(ID, C11, List.of(1, 2), SOMSRI))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CriterionLinks(List.of(1, 2), List.of()));
        }

        @Test
        void bothListsAreLinkedInOneCommand() {
            fixture.given(opened())
                    .andGivenCurrentTime(T1)
                    .when(new LinkCriterionCommand(ID, C11, List.of(1, 2), List.of("7.2.1"), SOMSRI))
                    .expectEvents(new ProfileItemsLinkedEvent(ID, C11, List.of(1, 2), SOMSRI, T1),
                            new ResultIndicatorsLinkedEvent(ID, C11, List.of("7.2.1"), SOMSRI, T1))
                    .expectResultMessagePayload(new CriterionLinks(List.of(1, 2), List.of("7.2.1")));
        }

        @Test
        void aBadSecondListDoesNotStoreTheFirst() {
            fixture.given(opened())
                    .when(new LinkCriterionCommand(ID, C11, List.of(1, 2), List.of("7.2.1", "8.1.1"), SOMSRI))
                    .expectException(rejected(InvalidInputException.class, "indicatorGroups[1]"))
                    .expectNoEvents();
        }

        @Test
        void aMissingListLeavesTheStoredOneUnchanged() {
            fixture.given(opened(), new ResultIndicatorsLinkedEvent(ID, C11, List.of("7.1.1"), SOMSRI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new LinkCriterionCommand(ID, C11, List.of(7), null, SOMSRI))
                    .expectEvents(new ProfileItemsLinkedEvent(ID, C11, List.of(7), SOMSRI, T1))
                    .expectResultMessagePayload(new CriterionLinks(List.of(7), List.of("7.1.1")));
        }

        @Test
        void linksOfAnUnknownCriterionAreNotFound() {
            fixture.given(opened())
                    .when(new LinkCriterionCommand(ID, new CriterionId("9.9"), List.of(1), null, SOMSRI))
                    .expectException(rejected(NotFoundException.class, "criterionId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class AttachingResults {

        static final ResultId RESULT = new ResultId("8b7c2c1e-6a43-4c55-a3c1-0f2b7f0e9d11");

        AttachResultCommand attach(ResultId id, String group, String name, Map<Integer, BigDecimal> values,
                                   List<String> evidence) {
            return new AttachResultCommand(ID, C11, LevelKind.BASIC, id, group, name, "ร้อยละ",
                    new BigDecimal("80"), values, evidence, SOMSRI);
        }

        @Test
        void aResultIsAttachedAndItsIdReturned() {
            Map<Integer, BigDecimal> values = Map.of(2565, new BigDecimal("72.5"), 2566, new BigDecimal("78"));
            fixture.given(opened())
                    .andGivenCurrentTime(T1)
                    .when(attach(RESULT, "7.1.1", "ร้อยละความสำเร็จ", values, List.of("รายงานประจำปี ๒๕๖๖")))
                    .expectEvents(new ResultAttachedEvent(ID, C11, LevelKind.BASIC, RESULT, "7.1.1",
                            "ร้อยละความสำเร็จ", "ร้อยละ", new BigDecimal("80"), values,
                            List.of("รายงานประจำปี ๒๕๖๖"), SOMSRI, T1))
                    .expectResultMessagePayload(RESULT);
        }

        @Test
        void missingValuesAndEvidenceAreStoredAsEmpty() {
            fixture.given(opened())
                    .andGivenCurrentTime(T1)
                    .when(attach(RESULT, "7.1.1", "ตัวชี้วัด", null, null))
                    .expectEvents(new ResultAttachedEvent(ID, C11, LevelKind.BASIC, RESULT, "7.1.1", "ตัวชี้วัด",
                            "ร้อยละ", new BigDecimal("80"), Map.of(), List.of(), SOMSRI, T1));
        }

        @Test
        void theSameResultIdTwiceIsAConflict() {
            fixture.given(opened(), new ResultAttachedEvent(ID, new CriterionId("2.1"), LevelKind.ADVANCE, RESULT,
                            "7.1.1", "ตัวชี้วัด", null, null, Map.of(), List.of(), SOMSRI, T0))
                    .when(attach(RESULT, "7.1.1", "ตัวชี้วัด", Map.of(), List.of()))
                    .expectException(rejected(ConflictException.class, "resultId"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @CsvSource(value = {"'',ชื่อ,indicatorGroup", "7.9.9,ชื่อ,indicatorGroup", "7.1.1,' ',name",
                "7.1.1,NULL,name"}, nullValues = "NULL")
        void aBlankOrUnknownIndicatorGroupOrABlankNameIsRefused(String group, String name, String field) {
            fixture.given(opened())
                    .when(attach(RESULT, group, name, Map.of(), List.of()))
                    .expectException(rejected(InvalidInputException.class, field))
                    .expectNoEvents();
        }

        @Test
        void aValueForAYearOutsideTheBuddhistEraRangeIsNamed() {
            fixture.given(opened())
                    .when(attach(RESULT, "7.1.1", "ตัวชี้วัด", Map.of(2022, BigDecimal.ONE), List.of()))
                    .expectException(rejected(InvalidInputException.class, "values.2022"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1e5000000", "-1e5000000", "1000000000000000", "-1000000000000000", "0.0000001",
                                "1e-5000000", "123.4567890"})
        void aValueOf10ToThe15OrMoreOrWithMoreThanSixDecimalsIsRefusedNamingItsYear(String value) {
            fixture.given(opened())
                    .when(attach(RESULT, "7.1.1", "ตัวชี้วัด", Map.of(2566, new BigDecimal(value)), List.of()))
                    .expectException(rejected(InvalidInputException.class, "values.2566"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1e5000000", "1e-5000000", "1000000000000000.5", "999999999999999.5"})
        void aTargetWithoutBoundsIsRefused(String target) {
            fixture.given(opened())
                    .when(new AttachResultCommand(ID, C11, LevelKind.BASIC, RESULT, "7.1.1", "ตัวชี้วัด", "ร้อยละ",
                            new BigDecimal(target), Map.of(), List.of(), SOMSRI))
                    .expectException(rejected(InvalidInputException.class, "target"))
                    .expectNoEvents();
        }

        @Test
        void numbersAtTheBoundsAreStoredAsSent() {
            Map<Integer, BigDecimal> values = Map.of(2565, new BigDecimal("999999999999999"),
                    2566, new BigDecimal("-999999999999999.000000"), 2567, new BigDecimal("1E+14"),
                    2568, new BigDecimal("0.000001"));
            fixture.given(opened())
                    .andGivenCurrentTime(T1)
                    .when(new AttachResultCommand(ID, C11, LevelKind.BASIC, RESULT, "7.1.1", "ตัวชี้วัด", "บาท",
                            new BigDecimal("99.50"), values, List.of(), SOMSRI))
                    .expectEvents(new ResultAttachedEvent(ID, C11, LevelKind.BASIC, RESULT, "7.1.1", "ตัวชี้วัด",
                            "บาท", new BigDecimal("99.50"), values, List.of(), SOMSRI, T1));
        }

        @Test
        void aBlankEvidenceEntryIsNamedByItsIndex() {
            fixture.given(opened())
                    .when(attach(RESULT, "7.1.1", "ตัวชี้วัด", Map.of(), Arrays.asList("เอกสาร", " ")))
                    .expectException(rejected(InvalidInputException.class, "evidence[1]"))
                    .expectNoEvents();
        }

        @Test
        void aResultForAnUnknownCriterionIsNotFound() {
            fixture.given(opened())
                    .when(new AttachResultCommand(ID, new CriterionId("0.0"), LevelKind.BASIC, RESULT, "7.1.1",
                            "ตัวชี้วัด", null, null, Map.of(), List.of(), SOMSRI))
                    .expectException(rejected(NotFoundException.class, "criterionId"))
                    .expectNoEvents();
        }

        @Test
        void anAttachedResultIsDetached() {
            fixture.given(opened(), new ResultAttachedEvent(ID, C11, LevelKind.BASIC, RESULT, "7.1.1",
                            "ตัวชี้วัด", null, null, Map.of(), List.of(), SOMSRI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new DetachResultCommand(ID, C11, LevelKind.BASIC, RESULT, SOMCHAI))
                    .expectEvents(new ResultDetachedEvent(ID, C11, LevelKind.BASIC, RESULT, SOMCHAI, T1));
        }

        @Test
        void detachingAnUnknownResultIsNotFound() {
            fixture.given(opened())
                    .when(new DetachResultCommand(ID, C11, LevelKind.BASIC, RESULT, SOMSRI))
                    .expectException(rejected(NotFoundException.class, "resultId"))
                    .expectNoEvents();
        }

        @Test
        void detachingAResultFromAnotherLevelThanItsOwnIsNotFound() {
            fixture.given(opened(), new ResultAttachedEvent(ID, C11, LevelKind.BASIC, RESULT, "7.1.1",
                            "ตัวชี้วัด", null, null, Map.of(), List.of(), SOMSRI, T0))
                    .when(new DetachResultCommand(ID, C11, LevelKind.ADVANCE, RESULT, SOMSRI))
                    .expectException(rejected(NotFoundException.class, "resultId"))
                    .expectNoEvents();
        }

        @Test
        void aDetachedResultCannotBeDetachedAgain() {
            fixture.given(opened(), new ResultAttachedEvent(ID, C11, LevelKind.BASIC, RESULT, "7.1.1",
                                    "ตัวชี้วัด", null, null, Map.of(), List.of(), SOMSRI, T0),
                            new ResultDetachedEvent(ID, C11, LevelKind.BASIC, RESULT, SOMSRI, T0))
                    .when(new DetachResultCommand(ID, C11, LevelKind.BASIC, RESULT, SOMSRI))
                    .expectException(rejected(NotFoundException.class, "resultId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Rating {

        @ParameterizedTest
        @CsvSource({"BASIC,300", "BASIC,399", "ADVANCE,400", "ADVANCE,469", "SIGNIFICANCE,470", "SIGNIFICANCE,500"})
        void aScoreAtTheEdgesOfTheLevelBandIsAccepted(LevelKind level, int score) {
            fixture.given(opened())
                    .andGivenCurrentTime(T1)
                    .when(new RateLevelCommand(ID, C11, level, score, "มีหลักฐานครบ", SOMSRI))
                    .expectEvents(new LevelRatedEvent(ID, C11, level, score, "มีหลักฐานครบ", SOMSRI, T1));
        }

        @ParameterizedTest
        @CsvSource({"BASIC,299", "BASIC,400", "ADVANCE,399", "ADVANCE,470", "SIGNIFICANCE,469", "SIGNIFICANCE,501",
                "BASIC,0"})
        void aScoreOutsideTheLevelBandIsRefused(LevelKind level, int score) {
            fixture.given(opened())
                    .when(new RateLevelCommand(ID, C11, level, score, "มีหลักฐานครบ", SOMSRI))
                    .expectException(rejected(InvalidInputException.class, "score"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void aBlankRationaleIsRefused(String rationale) {
            fixture.given(opened())
                    .when(new RateLevelCommand(ID, C11, LevelKind.BASIC, 350, rationale, SOMSRI))
                    .expectException(rejected(InvalidInputException.class, "rationale"))
                    .expectNoEvents();
        }

        @Test
        void aRatingOfAnUnknownCriterionIsNotFound() {
            fixture.given(opened())
                    .when(new RateLevelCommand(ID, new CriterionId("3.4"), LevelKind.BASIC, 350, "เหตุผล", SOMSRI))
                    .expectException(rejected(NotFoundException.class, "criterionId"))
                    .expectNoEvents();
        }
    }

    /** Opened, then each of the 19 sections (the profile and 18 sub-criteria) marked ready and approved. */
    static List<Object> withEverySectionApproved() {
        List<Object> events = new java.util.ArrayList<>(List.of(opened()));
        List<Section> sections = new java.util.ArrayList<>(List.of(Section.PROFILE));
        th.pmqa.studio.catalog.Catalogs.current().criteria().forEach(c -> sections.add(Section.of(new CriterionId(c.id()))));
        for (Section section : sections) {
            events.add(new SectionMarkedReadyEvent(ID, section, SOMSRI, T0));
            events.add(new SectionApprovedEvent(ID, section, SOMCHAI, T0));
        }
        return events;
    }

    @Nested
    class ReviewingSections {

        private final Section s11 = Section.of(C11);

        @Test
        void aSectionInDraftingIsMarkedReadyForReview() {
            fixture.given(opened())
                    .andGivenCurrentTime(T1)
                    .when(new MarkSectionReadyCommand(ID, s11, SOMSRI))
                    .expectEvents(new SectionMarkedReadyEvent(ID, s11, SOMSRI, T1))
                    .expectResultMessagePayload(SectionStatus.READY_FOR_REVIEW);
        }

        @Test
        void markingASectionReadyTwiceIsAConflict() {
            fixture.given(opened(), new SectionMarkedReadyEvent(ID, s11, SOMSRI, T0))
                    .when(new MarkSectionReadyCommand(ID, s11, SOMSRI))
                    .expectException(rejected(ConflictException.class, "section"))
                    .expectNoEvents();
        }

        @Test
        void aLeadApprovesASectionThatIsReady() {
            fixture.given(opened(), new SectionMarkedReadyEvent(ID, Section.PROFILE, SOMSRI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new ApproveSectionCommand(ID, Section.PROFILE, SOMCHAI))
                    .expectEvents(new SectionApprovedEvent(ID, Section.PROFILE, SOMCHAI, T1))
                    .expectResultMessagePayload(SectionStatus.APPROVED);
        }

        @Test
        void aSectionStillInDraftingCannotBeApproved() {
            fixture.given(opened())
                    .when(new ApproveSectionCommand(ID, s11, SOMCHAI))
                    .expectException(rejected(ConflictException.class, "section"))
                    .expectNoEvents();
        }

        @Test
        void aSectionTheCatalogDoesNotHaveIsNotFound() {
            fixture.given(opened())
                    .when(new MarkSectionReadyCommand(ID, new Section("criteria/9.9"), SOMSRI))
                    .expectException(rejected(NotFoundException.class, "section"))
                    .expectNoEvents();
        }

        static Stream<Object> everyEditOfSubCriterion11AndOfTheProfile() {
            return Stream.concat(SubmittingAndReopening.everyKindOfEdit(), Stream.of());
        }

        @ParameterizedTest
        @MethodSource("everyEditOfSubCriterion11AndOfTheProfile")
        void anApprovedSectionRefusesEveryKindOfEdit(Object edit) {
            fixture.given(opened(), new SectionMarkedReadyEvent(ID, s11, SOMSRI, T0),
                            new SectionApprovedEvent(ID, s11, SOMCHAI, T0),
                            new SectionMarkedReadyEvent(ID, Section.PROFILE, SOMSRI, T0),
                            new SectionApprovedEvent(ID, Section.PROFILE, SOMCHAI, T0))
                    .when(edit)
                    .expectException(rejected(ConflictException.class, "section"))
                    .expectNoEvents();
        }

        @Test
        void otherSectionsStayEditableWhileOneIsApproved() {
            fixture.given(opened(), new SectionMarkedReadyEvent(ID, s11, SOMSRI, T0),
                            new SectionApprovedEvent(ID, s11, SOMCHAI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new DraftApproachCommand(ID, new CriterionId("1.2"), LevelKind.BASIC, "แนวทาง", 0, SOMSRI))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aLeadReopensAnApprovedSectionWithAReasonAndItTakesEditsAgain() {
            fixture.given(opened(), new SectionMarkedReadyEvent(ID, s11, SOMSRI, T0),
                            new SectionApprovedEvent(ID, s11, SOMCHAI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new ReopenSectionCommand(ID, s11, "พี่เลี้ยงขอให้เพิ่มผลลัพธ์", SOMCHAI))
                    .expectEvents(new SectionReopenedEvent(ID, s11, "พี่เลี้ยงขอให้เพิ่มผลลัพธ์", SOMCHAI, T1))
                    .expectResultMessagePayload(SectionStatus.DRAFTING);
            fixture.given(opened(), new SectionMarkedReadyEvent(ID, s11, SOMSRI, T0),
                            new SectionApprovedEvent(ID, s11, SOMCHAI, T0),
                            new SectionReopenedEvent(ID, s11, "เพิ่มผลลัพธ์", SOMCHAI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new DraftResultCommand(ID, C11, LevelKind.BASIC, "ผลลัพธ์", 0, SOMSRI))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void reopeningNeedsAReasonAndASectionThatIsNotInDrafting() {
            fixture.given(opened(), new SectionMarkedReadyEvent(ID, s11, SOMSRI, T0))
                    .when(new ReopenSectionCommand(ID, s11, " ", SOMCHAI))
                    .expectException(rejected(InvalidInputException.class, "reason"));
            fixture.given(opened())
                    .when(new ReopenSectionCommand(ID, s11, "เหตุผล", SOMCHAI))
                    .expectException(rejected(ConflictException.class, "section"));
        }

        @Test
        void submittingWithSectionsNotApprovedIsRefusedAndNamesThem() {
            List<Object> allButOne = withEverySectionApproved();
            allButOne.remove(allButOne.size() - 1); // the last sub-criterion stays ready for review
            fixture.given(allButOne)
                    .when(new SubmitAssessmentCommand(ID, SOMSRI))
                    .expectException(allOf(rejected(th.pmqa.studio.command.rejection.SectionsNotApprovedException.class,
                                    "overrideReason"),
                            new FeatureMatcher<Object, Object>(equalTo(List.of(new Section("criteria/6.3"))),
                                    "unapproved", "unapproved") {
                                @Override
                                protected Object featureValueOf(Object actual) {
                                    return ((th.pmqa.studio.command.rejection.SectionsNotApprovedException) actual).unapproved();
                                }
                            }))
                    .expectNoEvents();
        }

        @Test
        void aLeadSubmitsWithUnapprovedSectionsByGivingAReasonWhichIsRecordedWithThem() {
            fixture.given(opened(), new SectionMarkedReadyEvent(ID, Section.PROFILE, SOMSRI, T0),
                            new SectionApprovedEvent(ID, Section.PROFILE, SOMCHAI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new SubmitAssessmentCommand(ID, "ครบกำหนดส่ง ส่งตามที่มี", SOMCHAI))
                    .expectEvents(new AssessmentSubmittedEvent(ID, SOMCHAI, T1, "ครบกำหนดส่ง ส่งตามที่มี",
                            th.pmqa.studio.catalog.Catalogs.current().criteria().stream()
                                    .map(c -> Section.of(new CriterionId(c.id()))).toList()))
                    .expectResultMessagePayload(AssessmentStatus.SUBMITTED);
        }
    }

    @Nested
    class LabelingVersions {

        @Test
        void aLeadNamesTheCurrentVersion() {
            fixture.given(opened())
                    .andGivenCurrentTime(T1)
                    .when(new LabelVersionCommand(ID, "ร่างครั้งที่ 1 ส่งพี่เลี้ยง", SOMCHAI))
                    .expectEvents(new VersionLabeledEvent(ID, "ร่างครั้งที่ 1 ส่งพี่เลี้ยง", SOMCHAI, T1))
                    .expectResultMessagePayload("ร่างครั้งที่ 1 ส่งพี่เลี้ยง");
        }

        @Test
        void aNameIsUsedOncePerAssessmentAndMayNotBeBlank() {
            fixture.given(opened(), new VersionLabeledEvent(ID, "ฉบับส่ง", SOMCHAI, T0))
                    .when(new LabelVersionCommand(ID, "ฉบับส่ง", SOMCHAI))
                    .expectException(rejected(ConflictException.class, "label"))
                    .expectNoEvents();
            fixture.given(opened())
                    .when(new LabelVersionCommand(ID, "  ", SOMCHAI))
                    .expectException(rejected(InvalidInputException.class, "label"))
                    .expectNoEvents();
        }

        @Test
        void aSubmittedReportCanBeLabeledToo() {
            fixture.given(opened(), new AssessmentSubmittedEvent(ID, SOMCHAI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new LabelVersionCommand(ID, "ฉบับที่ส่ง ๒๕๖๗", SOMCHAI))
                    .expectEvents(new VersionLabeledEvent(ID, "ฉบับที่ส่ง ๒๕๖๗", SOMCHAI, T1));
        }
    }

    @Nested
    class SubmissionWindow {

        private final Instant opens = Instant.parse("2024-05-01T00:00:00Z");
        private final Instant closes = Instant.parse("2024-06-01T00:00:00Z");

        @Test
        void aWindowIsSetWithItsOpeningAndClosing() {
            fixture.given(opened())
                    .andGivenCurrentTime(T1)
                    .when(new SetSubmissionWindowCommand(ID, opens, closes, SOMCHAI))
                    .expectEvents(new SubmissionWindowSetEvent(ID, opens, closes, SOMCHAI, T1));
        }

        @Test
        void aWindowThatClosesBeforeItOpensIsRefused() {
            fixture.given(opened())
                    .when(new SetSubmissionWindowCommand(ID, closes, opens, SOMCHAI))
                    .expectException(rejected(InvalidInputException.class, "closesAt"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @MethodSource("th.pmqa.studio.command.report.AssessmentTest$SubmittingAndReopening#everyKindOfEdit")
        void afterTheWindowClosesEveryKindOfEditIsRefused(Object edit) {
            fixture.given(opened(), new SubmissionWindowSetEvent(ID, opens, closes, SOMCHAI, T0))
                    .andGivenCurrentTime(closes)
                    .when(edit)
                    .expectException(rejected(th.pmqa.studio.command.rejection.SubmissionWindowException.class,
                            "submissionWindow"))
                    .expectNoEvents();
        }

        @Test
        void beforeTheWindowOpensEditsAreRefusedTooAndSoIsSubmittingAfterItClosed() {
            fixture.given(opened(), new SubmissionWindowSetEvent(ID, opens, closes, SOMCHAI, T0))
                    .andGivenCurrentTime(opens.minusSeconds(1))
                    .when(new DraftProfileItemCommand(ID, 1, "ข้อความ", 0, SOMSRI))
                    .expectException(rejected(th.pmqa.studio.command.rejection.SubmissionWindowException.class,
                            "submissionWindow"));
            fixture.given(opened(), new SubmissionWindowSetEvent(ID, opens, closes, SOMCHAI, T0))
                    .andGivenCurrentTime(closes.plusSeconds(1))
                    .when(new SubmitAssessmentCommand(ID, "ส่งช้า", SOMSRI))
                    .expectException(rejected(th.pmqa.studio.command.rejection.SubmissionWindowException.class,
                            "submissionWindow"));
        }

        @Test
        void aFacilitatorExtendsTheWindowWithAReasonAndEditsAreTakenAgain() {
            Instant later = closes.plusSeconds(7 * 24 * 3600);
            fixture.given(opened(), new SubmissionWindowSetEvent(ID, opens, closes, SOMCHAI, T0))
                    .andGivenCurrentTime(closes.plusSeconds(60))
                    .when(new ExtendSubmissionWindowCommand(ID, later, "น้ำท่วม ขยายให้ ๗ วัน", SOMCHAI))
                    .expectEvents(new SubmissionWindowExtendedEvent(ID, later, closes, "น้ำท่วม ขยายให้ ๗ วัน", SOMCHAI,
                            closes.plusSeconds(60)));
            fixture.given(opened(), new SubmissionWindowSetEvent(ID, opens, closes, SOMCHAI, T0),
                            new SubmissionWindowExtendedEvent(ID, later, closes, "น้ำท่วม", SOMCHAI, T0))
                    .andGivenCurrentTime(closes.plusSeconds(60))
                    .when(new DraftProfileItemCommand(ID, 1, "ข้อความ", 0, SOMSRI))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void anExtensionMustCloseLaterGiveAReasonAndHaveAWindowToExtend() {
            fixture.given(opened(), new SubmissionWindowSetEvent(ID, opens, closes, SOMCHAI, T0))
                    .when(new ExtendSubmissionWindowCommand(ID, closes.minusSeconds(1), "เหตุผล", SOMCHAI))
                    .expectException(rejected(InvalidInputException.class, "closesAt"));
            fixture.given(opened(), new SubmissionWindowSetEvent(ID, opens, closes, SOMCHAI, T0))
                    .when(new ExtendSubmissionWindowCommand(ID, closes.plusSeconds(60), "", SOMCHAI))
                    .expectException(rejected(InvalidInputException.class, "reason"));
            fixture.given(opened())
                    .when(new ExtendSubmissionWindowCommand(ID, closes, "เหตุผล", SOMCHAI))
                    .expectException(rejected(ConflictException.class, "closesAt"));
        }
    }

    @Nested
    class SubmittingAndReopening {

        @Test
        void anOpenAssessmentWithEverySectionApprovedIsSubmitted() {
            fixture.given(withEverySectionApproved())
                    .andGivenCurrentTime(T1)
                    .when(new SubmitAssessmentCommand(ID, SOMSRI))
                    .expectEvents(new AssessmentSubmittedEvent(ID, SOMSRI, T1))
                    .expectResultMessagePayload(AssessmentStatus.SUBMITTED);
        }

        @Test
        void submittingTwiceIsAConflict() {
            fixture.given(opened(), new AssessmentSubmittedEvent(ID, SOMSRI, T0))
                    .when(new SubmitAssessmentCommand(ID, SOMSRI))
                    .expectException(rejected(ConflictException.class, "assessmentId"))
                    .expectNoEvents();
        }

        @Test
        void aSubmittedAssessmentIsReopenedWithAReason() {
            fixture.given(opened(), new AssessmentSubmittedEvent(ID, SOMSRI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new ReopenAssessmentCommand(ID, "แก้ไขตามข้อเสนอแนะ", SOMCHAI))
                    .expectEvents(new AssessmentReopenedEvent(ID, "แก้ไขตามข้อเสนอแนะ", SOMCHAI, T1))
                    .expectResultMessagePayload(AssessmentStatus.OPEN);
        }

        @Test
        void reopeningAnOpenAssessmentIsAConflict() {
            fixture.given(opened())
                    .when(new ReopenAssessmentCommand(ID, "เหตุผล", SOMSRI))
                    .expectException(rejected(ConflictException.class, "assessmentId"))
                    .expectNoEvents();
        }

        @Test
        void reopeningWithoutAReasonIsRefused() {
            fixture.given(opened(), new AssessmentSubmittedEvent(ID, SOMSRI, T0))
                    .when(new ReopenAssessmentCommand(ID, " ", SOMSRI))
                    .expectException(rejected(InvalidInputException.class, "reason"))
                    .expectNoEvents();
        }

        static Stream<Object> everyKindOfEdit() {
            ResultId result = new ResultId("0d5f4a4e-61a1-4b8e-9d55-1d1a8f1b6a00");
            return Stream.of(
                    new DraftProfileItemCommand(ID, 1, "ข้อความ", 0, SOMSRI),
                    new DraftApproachCommand(ID, C11, LevelKind.BASIC, "A", 0, SOMSRI),
                    new DraftDeploymentCommand(ID, C11, LevelKind.BASIC, "D", 0, SOMSRI),
                    new DraftResultCommand(ID, C11, LevelKind.BASIC, "R", 0, SOMSRI),
                    new WriteCriterionSummaryCommand(ID, C11, "สรุป", 0, SOMSRI),
                    new LinkProfileItemsCommand(ID, C11, List.of(1), SOMSRI),
                    new LinkResultIndicatorsCommand(ID, C11, List.of("7.1.1"), SOMSRI),
                    new LinkCriterionCommand(ID, C11, List.of(1), List.of("7.1.1"), SOMSRI),
                    new AttachResultCommand(ID, C11, LevelKind.BASIC, result, "7.1.1", "ตัวชี้วัด", null, null,
                            Map.of(), List.of(), SOMSRI),
                    new DetachResultCommand(ID, C11, LevelKind.BASIC, result, SOMSRI),
                    new RateLevelCommand(ID, C11, LevelKind.BASIC, 350, "เหตุผล", SOMSRI),
                    new th.pmqa.studio.command.report.commands.AnswerProfileQuestionCommand(ID,
                            new th.pmqa.studio.report.ProfileQuestionNumber(6), "โครงสร้าง", 0, SOMSRI),
                    new th.pmqa.studio.command.report.commands.WriteCriterionAnalysisCommand(ID, C11, "วิเคราะห์", 0, SOMSRI));
        }

        @ParameterizedTest
        @MethodSource("everyKindOfEdit")
        void aSubmittedAssessmentRefusesEveryKindOfEdit(Object edit) {
            fixture.given(opened(), new AssessmentSubmittedEvent(ID, SOMSRI, T0))
                    .when(edit)
                    .expectException(rejected(AssessmentSubmittedException.class, "assessmentId"))
                    .expectNoEvents();
        }

        @Test
        void aReopenedAssessmentAcceptsEditsAgain() {
            fixture.given(opened(), new ApproachDraftedEvent(ID, C11, LevelKind.BASIC, "A1", 1, SOMSRI, T0),
                            new AssessmentSubmittedEvent(ID, SOMSRI, T0),
                            new AssessmentReopenedEvent(ID, "แก้ไข", SOMCHAI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new DraftApproachCommand(ID, C11, LevelKind.BASIC, "A2", 1, SOMCHAI))
                    .expectEvents(new ApproachDraftedEvent(ID, C11, LevelKind.BASIC, "A2", 2, SOMCHAI, T1))
                    .expectResultMessagePayload(SavedText.written(2));
        }
    }

    @Test
    void theHamcrestHelperNamesTheFieldItExpects() {
        // Guards the helper itself: a matcher that accepted any field would make every rejection test vacuous.
        Matcher<Object> matcher = rejected(InvalidInputException.class, "score");
        org.assertj.core.api.Assertions.assertThat(matcher.matches(new InvalidInputException("score", "x"))).isTrue();
        org.assertj.core.api.Assertions.assertThat(matcher.matches(new InvalidInputException("text", "x"))).isFalse();
        org.assertj.core.api.Assertions.assertThat(Matchers.describedAs("", matcher).matches(
                new NotFoundException("score", "x"))).isFalse();
    }

    /** The report's read model is one document; what the report may hold is bounded so that it stays storable. */
    @Nested
    class BoundedReport {

        /** Twenty OP items of 50,000 characters: the report holds 1,000,000, as much as it may. */
        Object[] full() {
            List<Object> events = new java.util.ArrayList<>();
            events.add(opened());
            for (int item = 1; item <= 20; item++) {
                events.add(new ProfileItemDraftedEvent(ID, item, "ก".repeat(50_000), 1, SOMSRI, T0));
            }
            return events.toArray();
        }

        @Test
        void anEditThatWouldTakeTheReportPastAMillionCharactersIsRefusedAndStoresNothing() {
            fixture.given(full())
                    .when(new DraftProfileItemCommand(ID, 21, "ข", 0, SOMSRI))
                    .expectNoEvents()
                    .expectException(rejected(ReportSize.ReportTooLargeException.class, "text"));
        }

        @Test
        void aFullReportStillTakesEditsThatShortenIt() {
            fixture.given(full())
                    .andGivenCurrentTime(T1)
                    .when(new DraftProfileItemCommand(ID, 1, "สั้นลง", 1, SOMSRI))
                    .expectEvents(new ProfileItemDraftedEvent(ID, 1, "สั้นลง", 2, SOMSRI, T1));
        }

        @Test
        void aResultAndARationaleCountTowardsTheBoundAndADetachedResultFreesItsRoom() {
            ResultId result = new ResultId("0b7c2c1e-6a43-4c55-a3c1-0f2b7f0e9d11");
            Object[] almost = java.util.Arrays.copyOf(full(), 21);
            almost[20] = new ProfileItemDraftedEvent(ID, 20, "ก".repeat(49_990), 1, SOMSRI, T0);
            fixture.given(almost)
                    .when(new RateLevelCommand(ID, C11, LevelKind.BASIC, 350, "เหตุผล".repeat(3), SOMSRI))
                    .expectException(rejected(ReportSize.ReportTooLargeException.class, "rationale"));
            fixture.given(almost)
                    .when(new AttachResultCommand(ID, C11, LevelKind.BASIC, result, "7.1.1", "ชื่อตัวชี้วัดยาว",
                                                  "ร้อยละ", null, Map.of(), List.of(), SOMSRI))
                    .expectException(rejected(ReportSize.ReportTooLargeException.class, "name"));
            List<Object> freed = new java.util.ArrayList<>(List.of(almost));
            freed.add(20, new ResultAttachedEvent(ID, C11, LevelKind.BASIC, result, "7.1.1", "ชื่อ", "", null, Map.of(),
                                                  List.of(), SOMSRI, T0));
            freed.add(new ResultDetachedEvent(ID, C11, LevelKind.BASIC, result, SOMSRI, T0));
            fixture.given(freed.toArray())
                    .andGivenCurrentTime(T1)
                    .when(new RateLevelCommand(ID, C11, LevelKind.BASIC, 350, "เหตุผล", SOMSRI))
                    .expectEvents(new LevelRatedEvent(ID, C11, LevelKind.BASIC, 350, "เหตุผล", SOMSRI, T1));
        }

        @Test
        void aLevelHoldsAtMostFiftyResultsAndAResultTwentyPiecesOfEvidence() {
            List<Object> events = new java.util.ArrayList<>(List.of(opened()));
            for (int i = 0; i < Assessment.MAX_RESULTS_PER_LEVEL; i++) {
                events.add(new ResultAttachedEvent(ID, C11, LevelKind.BASIC, new ResultId(java.util.UUID.randomUUID().toString()),
                                                   "7.1.1", "ตัวชี้วัด " + i, "", null, Map.of(), List.of(), SOMSRI, T0));
            }
            fixture.given(events.toArray())
                    .when(new AttachResultCommand(ID, C11, LevelKind.BASIC, new ResultId(java.util.UUID.randomUUID().toString()),
                                                  "7.1.1", "อีกตัว", "", null, Map.of(), List.of(), SOMSRI))
                    .expectNoEvents()
                    .expectException(rejected(ConflictException.class, "resultId"));
            fixture.given(opened())
                    .when(new AttachResultCommand(ID, C11, LevelKind.BASIC, new ResultId(java.util.UUID.randomUUID().toString()),
                                                  "7.1.1", "ตัวชี้วัด", "", null, Map.of(),
                                                  java.util.Collections.nCopies(21, "หลักฐาน"), SOMSRI))
                    .expectNoEvents()
                    .expectException(rejected(InvalidInputException.class, "evidence"));
        }

        @Test
        void anAssessmentNamesAtMostAThousandVersions() {
            List<Object> events = new java.util.ArrayList<>(List.of(opened()));
            for (int i = 0; i < Assessment.MAX_LABELS; i++) {
                events.add(new VersionLabeledEvent(ID, "ฉบับ " + i, SOMCHAI, T0));
            }
            fixture.given(events.toArray())
                    .when(new LabelVersionCommand(ID, "อีกฉบับ", SOMCHAI))
                    .expectNoEvents()
                    .expectException(rejected(ConflictException.class, "label"));
        }
    }

}
