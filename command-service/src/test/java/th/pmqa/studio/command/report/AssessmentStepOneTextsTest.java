package th.pmqa.studio.command.report;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import th.pmqa.studio.command.rejection.AssessmentSubmittedException;
import th.pmqa.studio.command.rejection.ConflictException;
import th.pmqa.studio.command.rejection.EditConflictException;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.command.report.commands.AnswerProfileQuestionCommand;
import th.pmqa.studio.report.AssessmentSubmittedEvent;
import th.pmqa.studio.report.CriterionAnalysisWrittenEvent;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.report.CriterionSummaryWrittenEvent;
import th.pmqa.studio.report.Merge;
import th.pmqa.studio.report.ProfileItemDraftedEvent;
import th.pmqa.studio.report.ProfileQuestionAnsweredEvent;
import th.pmqa.studio.report.ProfileQuestionNumber;
import th.pmqa.studio.command.report.commands.SavedText;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionApprovedEvent;
import th.pmqa.studio.report.SectionMarkedReadyEvent;
import th.pmqa.studio.command.report.commands.WriteCriterionAnalysisCommand;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static th.pmqa.studio.command.report.AssessmentTest.C11;
import static th.pmqa.studio.command.report.AssessmentTest.ID;
import static th.pmqa.studio.command.report.AssessmentTest.SOMCHAI;
import static th.pmqa.studio.infra.testing.Personas.SOMSRI;
import static th.pmqa.studio.command.report.AssessmentTest.T0;
import static th.pmqa.studio.command.report.AssessmentTest.T1;
import static th.pmqa.studio.command.report.AssessmentTest.THAI;
import static th.pmqa.studio.command.report.AssessmentTest.opened;
import static th.pmqa.studio.command.rejection.Rejections.rejected;

/**
 * The two Step-1 texts of issue 12: the answer to an OP question (question (6) โครงสร้างองค์การ has no item of the 29
 * to be written in) and the analysis of a sub-criterion ("วิเคราะห์เกณฑ์และคำถาม"). Both are revisioned and merged by
 * the same rule as every other text; the refusals every edit shares (submitted, approved section, closed window) are
 * in {@link AssessmentTest.SubmittingAndReopening#everyKindOfEdit()}, which lists both commands.
 */
class AssessmentStepOneTextsTest {

    static final ProfileQuestionNumber Q6 = new ProfileQuestionNumber(6);
    static final String STRUCTURE = "โครงสร้างองค์การแบ่งเป็น ๓ กลุ่มงาน";

    FixtureConfiguration<Assessment> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Assessment.class);
    }

    static FeatureMatcher<Object, List<Object>> conflictOf(String textField, String base, String theirs, String yours) {
        return new FeatureMatcher<>(equalTo(List.of(textField, base, theirs, yours)), "conflict", "conflict") {
            @Override
            protected List<Object> featureValueOf(Object actual) {
                EditConflictException conflict = (EditConflictException) actual;
                return List.of(conflict.textField(), conflict.base(), conflict.theirs(), conflict.yours());
            }
        };
    }

    @Nested
    class AnsweringProfileQuestions {

        @Test
        void theFirstAnswerToQuestionSixGetsRevisionOneWithItsAuthorAndTime() {
            fixture.given(opened())
                    .andGivenCurrentTime(T1)
                    .when(new AnswerProfileQuestionCommand(ID, Q6, STRUCTURE, 0, SOMCHAI))
                    .expectEvents(new ProfileQuestionAnsweredEvent(ID, Q6, STRUCTURE, 1, SOMCHAI, T1))
                    .expectResultMessagePayload(SavedText.written(1));
        }

        @Test
        void anAnswerOnTheCurrentRevisionGetsTheNextRevision() {
            fixture.given(opened(), new ProfileQuestionAnsweredEvent(ID, Q6, STRUCTURE, 1, SOMSRI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new AnswerProfileQuestionCommand(ID, Q6, STRUCTURE + " และ ๒๖ อำเภอ", 1, SOMCHAI))
                    .expectEvents(new ProfileQuestionAnsweredEvent(ID, Q6, STRUCTURE + " และ ๒๖ อำเภอ", 2, SOMCHAI, T1))
                    .expectResultMessagePayload(SavedText.written(2));
        }

        @Test
        void aStaleAnswerThatChangedOtherWordsIsMergedAndTheEventSaysOfWhichRevisions() {
            fixture.given(opened(), new ProfileQuestionAnsweredEvent(ID, Q6, STRUCTURE, 1, SOMSRI, T0),
                            new ProfileQuestionAnsweredEvent(ID, Q6, STRUCTURE + " และ ๒๖ อำเภอ", 2, SOMCHAI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new AnswerProfileQuestionCommand(ID, Q6, "แผนผัง: " + STRUCTURE, 1, SOMSRI))
                    .expectEvents(new ProfileQuestionAnsweredEvent(ID, Q6, "แผนผัง: " + STRUCTURE + " และ ๒๖ อำเภอ", 3,
                            SOMSRI, T1, new Merge(1, 2)))
                    .expectResultMessagePayload(new SavedText(3, true, "แผนผัง: " + STRUCTURE + " และ ๒๖ อำเภอ",
                            new Merge(1, 2)));
        }

        @Test
        void aStaleAnswerThatChangedTheSameWordsIsAConflictWithBaseTheirsAndYoursAndStoresNothing() {
            fixture.given(opened(), new ProfileQuestionAnsweredEvent(ID, Q6, "ฉบับแรก", 1, SOMSRI, T0),
                            new ProfileQuestionAnsweredEvent(ID, Q6, "ฉบับสอง", 2, SOMCHAI, T0))
                    .when(new AnswerProfileQuestionCommand(ID, Q6, "ฉบับของฉัน", 1, SOMSRI))
                    .expectException(allOf(rejected(EditConflictException.class, "text"),
                            conflictOf("profile/questions/6", "ฉบับแรก", "ฉบับสอง", "ฉบับของฉัน")))
                    .expectNoEvents();
        }

        @Test
        void anAnswerStartedFromARevisionOlderThanThoseKeptIsAConflictWithNoBase() {
            List<Object> history = new ArrayList<>(List.of(opened()));
            for (int revision = 1; revision <= Assessment.EARLIER_REVISIONS_KEPT + 2; revision++) {
                history.add(new ProfileQuestionAnsweredEvent(ID, Q6, "ฉบับที่ " + revision, revision, SOMCHAI, T0));
            }
            fixture.given(history)
                    .when(new AnswerProfileQuestionCommand(ID, Q6, "ฉบับที่ 1 แก้", 1, SOMSRI))
                    .expectException(rejected(EditConflictException.class, "baseRevision"))
                    .expectNoEvents();
        }

        @Test
        void sendingTheCurrentAnswerAgainWithAnOutdatedBaseStoresNothing() {
            fixture.given(opened(), new ProfileQuestionAnsweredEvent(ID, Q6, STRUCTURE, 1, SOMSRI, T0))
                    .when(new AnswerProfileQuestionCommand(ID, Q6, STRUCTURE, 0, SOMCHAI))
                    .expectNoEvents()
                    .expectResultMessagePayload(SavedText.unchanged(1));
        }

        @Test
        void questionSixAndOpItemSixAreTwoTexts() {
            fixture.given(opened(), new ProfileItemDraftedEvent(ID, 6, "สินทรัพย์", 4, SOMSRI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new AnswerProfileQuestionCommand(ID, Q6, STRUCTURE, 0, SOMCHAI))
                    .expectEvents(new ProfileQuestionAnsweredEvent(ID, Q6, STRUCTURE, 1, SOMCHAI, T1));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 14, -1, 9999})
        void aQuestionTheCatalogDoesNotHaveIsNotFound(int question) {
            fixture.given(opened())
                    .when(new AnswerProfileQuestionCommand(ID, new ProfileQuestionNumber(question), "ข้อความ", 0, SOMSRI))
                    .expectException(rejected(NotFoundException.class, "question"))
                    .expectNoEvents();
        }

        @Test
        void aMissingQuestionOrTextIsRefused() {
            fixture.given(opened())
                    .when(new AnswerProfileQuestionCommand(ID, null, "ข้อความ", 0, SOMSRI))
                    .expectException(rejected(NotFoundException.class, "question"))
                    .expectNoEvents();
            fixture.given(opened())
                    .when(new AnswerProfileQuestionCommand(ID, Q6, null, 0, SOMSRI))
                    .expectException(rejected(InvalidInputException.class, "text"))
                    .expectNoEvents();
        }

        @Test
        void thaiTextWithToneMarksThaiDigitsAndEmojiIsStoredExactly() {
            fixture.given(opened())
                    .andGivenCurrentTime(T1)
                    .when(new AnswerProfileQuestionCommand(ID, new ProfileQuestionNumber(13), THAI, 0, SOMSRI))
                    .expectEvents(new ProfileQuestionAnsweredEvent(ID, new ProfileQuestionNumber(13), THAI, 1, SOMSRI, T1))
                    .expectState(assessment -> assertThat(assessment.storedText(
                            Assessment.questionKey(new ProfileQuestionNumber(13))).text().codePoints().toArray())
                            .containsExactly(THAI.codePoints().toArray()));
        }
    }

    @Nested
    class WritingStepOneAnalyses {

        private static final String ANALYSIS = "เกณฑ์ถามถึงการกำหนดทิศทางของผู้บริหาร";

        @Test
        void theFirstAnalysisOfASubCriterionGetsRevisionOne() {
            fixture.given(opened())
                    .andGivenCurrentTime(T1)
                    .when(new WriteCriterionAnalysisCommand(ID, C11, ANALYSIS, 0, SOMCHAI))
                    .expectEvents(new CriterionAnalysisWrittenEvent(ID, C11, ANALYSIS, 1, SOMCHAI, T1))
                    .expectResultMessagePayload(SavedText.written(1));
        }

        @Test
        void theAnalysisAndTheSummaryOfASubCriterionAreTwoTexts() {
            fixture.given(opened(), new CriterionSummaryWrittenEvent(ID, C11, "สรุป", 3, SOMSRI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new WriteCriterionAnalysisCommand(ID, C11, ANALYSIS, 0, SOMCHAI))
                    .expectEvents(new CriterionAnalysisWrittenEvent(ID, C11, ANALYSIS, 1, SOMCHAI, T1));
        }

        @Test
        void aStaleAnalysisThatChangedOtherWordsIsMerged() {
            fixture.given(opened(), new CriterionAnalysisWrittenEvent(ID, C11, "วิเคราะห์ ๑", 1, SOMSRI, T0),
                            new CriterionAnalysisWrittenEvent(ID, C11, "วิเคราะห์ ๑ ๒", 2, SOMCHAI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new WriteCriterionAnalysisCommand(ID, C11, "การวิเคราะห์ ๑", 1, SOMSRI))
                    .expectEvents(new CriterionAnalysisWrittenEvent(ID, C11, "การวิเคราะห์ ๑ ๒", 3, SOMSRI, T1,
                            new Merge(1, 2)))
                    .expectResultMessagePayload(new SavedText(3, true, "การวิเคราะห์ ๑ ๒", new Merge(1, 2)));
        }

        @Test
        void twoFirstAnalysesWrittenAtOnceAreAConflictThatStoresNothing() {
            fixture.given(opened(), new CriterionAnalysisWrittenEvent(ID, C11, "ของเขา", 1, SOMCHAI, T0))
                    .when(new WriteCriterionAnalysisCommand(ID, C11, "ของฉัน", 0, SOMSRI))
                    .expectException(allOf(rejected(EditConflictException.class, "text"),
                            conflictOf("criteria/1.1/analysis", "", "ของเขา", "ของฉัน")))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.4", "7.1", "", "๑.๑"})
        void anAnalysisOfASubCriterionTheCatalogDoesNotHaveIsNotFound(String criterion) {
            fixture.given(opened())
                    .when(new WriteCriterionAnalysisCommand(ID, new CriterionId(criterion), ANALYSIS, 0, SOMSRI))
                    .expectException(rejected(NotFoundException.class, "criterionId"))
                    .expectNoEvents();
        }

        @Test
        void aMissingTextIsRefused() {
            fixture.given(opened())
                    .when(new WriteCriterionAnalysisCommand(ID, C11, null, 0, SOMSRI))
                    .expectException(rejected(InvalidInputException.class, "text"))
                    .expectNoEvents();
        }
    }

    /** Which review section each text belongs to: an approved section refuses it, another section's approval not. */
    @Nested
    class ReviewSections {

        @Test
        void anAnswerBelongsToTheProfileSoAnApprovedProfileRefusesItAndAnApprovedSubCriterionNot() {
            fixture.given(opened(), new SectionMarkedReadyEvent(ID, Section.PROFILE, SOMSRI, T0),
                            new SectionApprovedEvent(ID, Section.PROFILE, SOMCHAI, T0))
                    .when(new AnswerProfileQuestionCommand(ID, Q6, STRUCTURE, 0, SOMSRI))
                    .expectException(rejected(ConflictException.class, "section"))
                    .expectNoEvents();
            fixture.given(opened(), new SectionMarkedReadyEvent(ID, Section.of(C11), SOMSRI, T0),
                            new SectionApprovedEvent(ID, Section.of(C11), SOMCHAI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new AnswerProfileQuestionCommand(ID, Q6, STRUCTURE, 0, SOMSRI))
                    .expectEvents(new ProfileQuestionAnsweredEvent(ID, Q6, STRUCTURE, 1, SOMSRI, T1));
        }

        @Test
        void anAnalysisBelongsToItsSubCriterionSoItsApprovalRefusesItAndTheProfilesNot() {
            fixture.given(opened(), new SectionMarkedReadyEvent(ID, Section.of(C11), SOMSRI, T0),
                            new SectionApprovedEvent(ID, Section.of(C11), SOMCHAI, T0))
                    .when(new WriteCriterionAnalysisCommand(ID, C11, "วิเคราะห์", 0, SOMSRI))
                    .expectException(rejected(ConflictException.class, "section"))
                    .expectNoEvents();
            fixture.given(opened(), new SectionMarkedReadyEvent(ID, Section.PROFILE, SOMSRI, T0),
                            new SectionApprovedEvent(ID, Section.PROFILE, SOMCHAI, T0))
                    .andGivenCurrentTime(T1)
                    .when(new WriteCriterionAnalysisCommand(ID, C11, "วิเคราะห์", 0, SOMSRI))
                    .expectEvents(new CriterionAnalysisWrittenEvent(ID, C11, "วิเคราะห์", 1, SOMSRI, T1));
        }

        @Test
        void aSubmittedAssessmentRefusesBoth() {
            fixture.given(opened(), new AssessmentSubmittedEvent(ID, SOMSRI, T0))
                    .when(new AnswerProfileQuestionCommand(ID, Q6, STRUCTURE, 0, SOMSRI))
                    .expectException(rejected(AssessmentSubmittedException.class, "assessmentId"))
                    .expectNoEvents();
            fixture.given(opened(), new AssessmentSubmittedEvent(ID, SOMSRI, T0))
                    .when(new WriteCriterionAnalysisCommand(ID, C11, "วิเคราะห์", 0, SOMSRI))
                    .expectException(rejected(AssessmentSubmittedException.class, "assessmentId"))
                    .expectNoEvents();
        }
    }

    /** Both texts count towards the 1,000,000 characters an assessment's report may hold. */
    @Nested
    class BoundedReport {

        /** Twenty OP items of 50,000 characters: the report holds as much as it may. */
        Object[] full() {
            List<Object> events = new ArrayList<>();
            events.add(opened());
            for (int item = 1; item <= 20; item++) {
                events.add(new ProfileItemDraftedEvent(ID, item, "ก".repeat(50_000), 1, SOMSRI, T0));
            }
            return events.toArray();
        }

        @Test
        void anAnswerOrAnAnalysisThatWouldTakeAFullReportPastTheBoundIsRefusedAndStoresNothing() {
            fixture.given(full())
                    .when(new AnswerProfileQuestionCommand(ID, Q6, "ข", 0, SOMSRI))
                    .expectNoEvents()
                    .expectException(rejected(ReportSize.ReportTooLargeException.class, "text"));
            fixture.given(full())
                    .when(new WriteCriterionAnalysisCommand(ID, C11, "ข", 0, SOMSRI))
                    .expectNoEvents()
                    .expectException(rejected(ReportSize.ReportTooLargeException.class, "text"));
        }

        @Test
        void anAnswerAndAnAnalysisTakeRoomThatClearingThemGivesBack() {
            Object[] almost = java.util.Arrays.copyOf(full(), 21);
            almost[20] = new ProfileItemDraftedEvent(ID, 20, "ก".repeat(49_990), 1, SOMSRI, T0);
            List<Object> events = new ArrayList<>(List.of(almost));
            events.add(new ProfileQuestionAnsweredEvent(ID, Q6, "ข".repeat(6), 1, SOMSRI, T0));
            events.add(new CriterionAnalysisWrittenEvent(ID, C11, "ค".repeat(4), 1, SOMSRI, T0));
            // the report is full again: one more character anywhere is refused
            fixture.given(events.toArray())
                    .when(new AnswerProfileQuestionCommand(ID, new ProfileQuestionNumber(1), "ง", 0, SOMSRI))
                    .expectNoEvents()
                    .expectException(rejected(ReportSize.ReportTooLargeException.class, "text"));
            events.add(new CriterionAnalysisWrittenEvent(ID, C11, "", 2, SOMSRI, T0));
            fixture.given(events.toArray())
                    .andGivenCurrentTime(T1)
                    .when(new AnswerProfileQuestionCommand(ID, new ProfileQuestionNumber(1), "ง", 0, SOMSRI))
                    .expectEvents(new ProfileQuestionAnsweredEvent(ID, new ProfileQuestionNumber(1), "ง", 1, SOMSRI, T1));
        }
    }
}
