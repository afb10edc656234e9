package th.pmqa.studio.command.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import th.pmqa.studio.command.rejection.AssessmentSubmittedException;
import th.pmqa.studio.command.rejection.ConflictException;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.command.rejection.RowEditConflictException;
import th.pmqa.studio.command.rejection.SubmissionWindowException;
import th.pmqa.studio.command.report.commands.AddCidRowCommand;
import th.pmqa.studio.report.AssessmentSubmittedEvent;
import th.pmqa.studio.report.CidKind;
import th.pmqa.studio.report.CidRow;
import th.pmqa.studio.report.CidRowAddedEvent;
import th.pmqa.studio.report.CidRowEditedEvent;
import th.pmqa.studio.report.CidRowId;
import th.pmqa.studio.report.CidRowRemovedEvent;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.command.report.commands.EditCidRowCommand;
import th.pmqa.studio.report.Merge;
import th.pmqa.studio.report.ProfileItemDraftedEvent;
import th.pmqa.studio.command.report.commands.RemoveCidRowCommand;
import th.pmqa.studio.command.report.commands.SavedRow;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionApprovedEvent;
import th.pmqa.studio.report.SectionMarkedReadyEvent;
import th.pmqa.studio.report.SubmissionWindowSetEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

/** The C-I-D worksheet of a sub-criterion: every command path through the aggregate, refusals included. */
class AssessmentCidWorksheetTest {

    static final CidRowId ROW = new CidRowId("8a0e3c52-3f0b-4d57-9d7e-4b1a2f6c9e01");
    static final CidRowId OTHER_ROW = new CidRowId("8a0e3c52-3f0b-4d57-9d7e-4b1a2f6c9e02");
    static final CidRow FIRST = new CidRow(CidKind.C, "ศวพ.ศก./เกษตร/อบจ.", "เครือข่ายเกษตรกร",
                                           "การรับรองมาตรฐาน GAP", "เกษตรกร");

    FixtureConfiguration<Assessment> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Assessment.class);
    }

    static CidRowAddedEvent added(CidRowId id, CidRow row) {
        return new CidRowAddedEvent(ID, C11, id, row, 1, SOMSRI, T0);
    }

    static CidRow with(CidRow row, String field, String value) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(row.fields());
        fields.put(field, value);
        return CidRow.of(fields);
    }

    /** A row conflict naming the field at fault, the current revision and the row as it stands. */
    static Matcher<Object> rowConflict(String field, long currentRevision, CidRow current) {
        return allOf(rejected(RowEditConflictException.class, field),
                     new FeatureMatcher<Object, Map<String, Object>>(allOf(
                             org.hamcrest.Matchers.hasEntry("currentRevision", (Object) currentRevision),
                             org.hamcrest.Matchers.hasEntry("current", (Object) current.fields())),
                             "properties", "properties") {
                         @Override
                         protected Map<String, Object> featureValueOf(Object actual) {
                             return ((RowEditConflictException) actual).properties();
                         }
                     });
    }

    @Test
    void aRowIsAddedAtRevisionOneExactlyAsWrittenAndItsIdReturned() {
        CidRow thai = new CidRow(CidKind.I, THAI, "ผลผลิต ๑", "", "ผู้บริโภค 👩‍🌾");
        fixture.given(opened())
               .andGivenCurrentTime(T1)
               .when(new AddCidRowCommand(ID, C11, ROW, thai, SOMSRI))
               .expectEvents(new CidRowAddedEvent(ID, C11, ROW, thai, 1, SOMSRI, T1))
               .expectResultMessagePayload(ROW);
    }

    @Test
    void textsLeftOutAreStoredAsEmpty() {
        fixture.given(opened())
               .andGivenCurrentTime(T0)
               .when(new AddCidRowCommand(ID, C11, ROW, new CidRow(CidKind.D, "Application", null, null, null), SOMSRI))
               .expectEvents(added(ROW, new CidRow(CidKind.D, "Application", "", "", "")));
    }

    @Test
    void aMissingKindOrABlankDataIsRefusedNamingTheField() {
        fixture.given(opened())
               .when(new AddCidRowCommand(ID, C11, ROW, new CidRow(null, "ข้อมูล", "", "", ""), SOMSRI))
               .expectNoEvents()
               .expectException(rejected(InvalidInputException.class, "kind"));
        fixture.given(opened())
               .when(new AddCidRowCommand(ID, C11, ROW, new CidRow(CidKind.C, " \n", "ผลผลิต", "", ""), SOMSRI))
               .expectNoEvents()
               .expectException(rejected(InvalidInputException.class, "data"));
        fixture.given(opened(), added(ROW, FIRST))
               .when(new EditCidRowCommand(ID, C11, ROW, new CidRow(CidKind.C, "", "", "", ""), 1, SOMSRI))
               .expectNoEvents()
               .expectException(rejected(InvalidInputException.class, "data"));
    }

    @Test
    void aRowOfAnUnknownSubCriterionIsNotFound() {
        fixture.given(opened())
               .when(new AddCidRowCommand(ID, new CriterionId("9.9"), ROW, FIRST, SOMSRI))
               .expectNoEvents()
               .expectException(rejected(NotFoundException.class, "criterionId"));
    }

    @Test
    void theSameRowIdTwiceIsAConflict() {
        fixture.given(opened(), added(ROW, FIRST))
               .when(new AddCidRowCommand(ID, C11, ROW, FIRST, SOMSRI))
               .expectNoEvents()
               .expectException(rejected(ConflictException.class, "rowId"));
    }

    @Test
    void anEditOnTheCurrentRevisionGetsTheNextRevision() {
        CidRow edited = with(FIRST, "output", "เครือข่ายเกษตรกรที่เข้มแข็ง");
        fixture.given(opened(), added(ROW, FIRST))
               .andGivenCurrentTime(T1)
               .when(new EditCidRowCommand(ID, C11, ROW, edited, 1, SOMCHAI))
               .expectEvents(new CidRowEditedEvent(ID, C11, ROW, edited, 2, SOMCHAI, T1, null))
               .expectResultMessagePayload(new SavedRow<>(2, true, edited, null));
    }

    @Test
    void aStaleEditOfAnotherFieldIsMergedFieldByFieldAndTheEventSaysOfWhichRevisions() {
        CidRow theirs = with(FIRST, "output", "เครือข่ายเกษตรกรที่เข้มแข็ง");
        CidRow yours = with(with(FIRST, "need", "เกษตรกร ผู้บริโภค"), "kind", "I");
        CidRow merged = with(theirs, "need", "เกษตรกร ผู้บริโภค");
        merged = with(merged, "kind", "I");
        fixture.given(opened(), added(ROW, FIRST), new CidRowEditedEvent(ID, C11, ROW, theirs, 2, SOMCHAI, T0, null))
               .andGivenCurrentTime(T1)
               .when(new EditCidRowCommand(ID, C11, ROW, yours, 1, SOMSRI))
               .expectEvents(new CidRowEditedEvent(ID, C11, ROW, merged, 3, SOMSRI, T1, new Merge(1, 2)))
               .expectResultMessagePayload(new SavedRow<>(3, true, merged, new Merge(1, 2)));
    }

    @Test
    void aStaleEditOfOtherWordsOfTheSameFieldIsMergedWordByWord() {
        CidRow base = with(FIRST, "process", "การรับรองมาตรฐาน GAP และการตลาดออนไลน์");
        CidRow theirs = with(FIRST, "process", "การรับรองมาตรฐาน GAP ทุกแปลง และการตลาดออนไลน์");
        CidRow yours = with(FIRST, "process", "การรับรองมาตรฐาน GAP และการตลาดออนไลน์ผ่าน Line");
        CidRow merged = with(FIRST, "process", "การรับรองมาตรฐาน GAP ทุกแปลง และการตลาดออนไลน์ผ่าน Line");
        fixture.given(opened(), added(ROW, base), new CidRowEditedEvent(ID, C11, ROW, theirs, 2, SOMCHAI, T0, null))
               .andGivenCurrentTime(T1)
               .when(new EditCidRowCommand(ID, C11, ROW, yours, 1, SOMSRI))
               .expectEvents(new CidRowEditedEvent(ID, C11, ROW, merged, 3, SOMSRI, T1, new Merge(1, 2)));
    }

    @Test
    void aStaleEditChangingAFieldDifferentlyIsRefusedWithTheRowAsItStandsAndStoresNothing() {
        CidRow theirs = with(FIRST, "output", "เครือข่ายเกษตรกรที่เข้มแข็ง");
        fixture.given(opened(), added(ROW, FIRST), new CidRowEditedEvent(ID, C11, ROW, theirs, 2, SOMCHAI, T0, null))
               .when(new EditCidRowCommand(ID, C11, ROW, with(FIRST, "output", "กลุ่มผู้ประกอบการ"), 1, SOMSRI))
               .expectNoEvents()
               .expectException(rowConflict("output", 2, theirs));
    }

    @Test
    void aKindChangedDifferentlyOnBothSidesIsAConflictNeverAGuess() {
        CidRow theirs = with(FIRST, "kind", "I");
        fixture.given(opened(), added(ROW, FIRST), new CidRowEditedEvent(ID, C11, ROW, theirs, 2, SOMCHAI, T0, null))
               .when(new EditCidRowCommand(ID, C11, ROW, with(FIRST, "kind", "D"), 1, SOMSRI))
               .expectNoEvents()
               .expectException(rowConflict("kind", 2, theirs));
    }

    @Test
    void anEditFromARevisionOlderThanThoseKeptOrNotYetMadeIsAConflictNamingTheBase() {
        List<Object> events = new ArrayList<>(List.of(opened(), added(ROW, FIRST)));
        CidRow last = FIRST;
        for (int revision = 2; revision <= RevisionedRows.EARLIER_REVISIONS_KEPT + 2; revision++) {
            last = with(FIRST, "output", "ฉบับที่ " + revision);
            events.add(new CidRowEditedEvent(ID, C11, ROW, last, revision, SOMCHAI, T0, null));
        }
        fixture.given(events.toArray())
               .when(new EditCidRowCommand(ID, C11, ROW, with(FIRST, "need", "ใหม่"), 1, SOMSRI))
               .expectNoEvents()
               .expectException(rowConflict("baseRevision", RevisionedRows.EARLIER_REVISIONS_KEPT + 2, last));
        // the oldest revision still kept merges
        fixture.given(events.toArray())
               .andGivenCurrentTime(T1)
               .when(new EditCidRowCommand(ID, C11, ROW, with(with(FIRST, "output", "ฉบับที่ 2"), "need", "ใหม่"), 2,
                                           SOMSRI))
               .expectEvents(new CidRowEditedEvent(ID, C11, ROW, with(last, "need", "ใหม่"),
                                                   RevisionedRows.EARLIER_REVISIONS_KEPT + 3, SOMSRI, T1,
                                                   new Merge(2, RevisionedRows.EARLIER_REVISIONS_KEPT + 2)));
        fixture.given(opened(), added(ROW, FIRST))
               .when(new EditCidRowCommand(ID, C11, ROW, with(FIRST, "need", "ใหม่"), 5, SOMSRI))
               .expectNoEvents()
               .expectException(rowConflict("baseRevision", 1, FIRST));
    }

    @Test
    void sendingTheRowAsStoredAgainStoresNothingEvenFromAnOlderRevision() {
        CidRow theirs = with(FIRST, "output", "ใหม่");
        fixture.given(opened(), added(ROW, FIRST), new CidRowEditedEvent(ID, C11, ROW, theirs, 2, SOMCHAI, T0, null))
               .when(new EditCidRowCommand(ID, C11, ROW, theirs, 1, SOMSRI))
               .expectNoEvents()
               .expectResultMessagePayload(new SavedRow<>(2, false, theirs, null));
    }

    @Test
    void anUnknownRowOrARowOfAnotherSubCriterionOrARemovedRowIsNotFound() {
        fixture.given(opened(), added(ROW, FIRST))
               .when(new EditCidRowCommand(ID, C11, OTHER_ROW, FIRST, 1, SOMSRI))
               .expectNoEvents()
               .expectException(rejected(NotFoundException.class, "rowId"));
        fixture.given(opened(), added(ROW, FIRST))
               .when(new RemoveCidRowCommand(ID, new CriterionId("1.2"), ROW, SOMSRI))
               .expectNoEvents()
               .expectException(rejected(NotFoundException.class, "rowId"));
        fixture.given(opened(), added(ROW, FIRST), new CidRowRemovedEvent(ID, C11, ROW, SOMSRI, T0))
               .when(new EditCidRowCommand(ID, C11, ROW, FIRST, 1, SOMSRI))
               .expectNoEvents()
               .expectException(rejected(NotFoundException.class, "rowId"));
    }

    @Test
    void aRowIsRemoved() {
        fixture.given(opened(), added(ROW, FIRST))
               .andGivenCurrentTime(T1)
               .when(new RemoveCidRowCommand(ID, C11, ROW, SOMCHAI))
               .expectEvents(new CidRowRemovedEvent(ID, C11, ROW, SOMCHAI, T1));
    }

    static Stream<Object> everyWorksheetCommandOn11() {
        return Stream.of(new AddCidRowCommand(ID, C11, OTHER_ROW, FIRST, SOMSRI),
                         new EditCidRowCommand(ID, C11, ROW, with(FIRST, "need", "ใหม่"), 1, SOMSRI),
                         new RemoveCidRowCommand(ID, C11, ROW, SOMSRI));
    }

    @ParameterizedTest
    @MethodSource("everyWorksheetCommandOn11")
    void aSubmittedAssessmentRefusesEveryWorksheetCommand(Object command) {
        fixture.given(opened(), added(ROW, FIRST), new AssessmentSubmittedEvent(ID, SOMSRI, T0))
               .when(command)
               .expectNoEvents()
               .expectException(rejected(AssessmentSubmittedException.class, "assessmentId"));
    }

    @ParameterizedTest
    @MethodSource("everyWorksheetCommandOn11")
    void anApprovedSubCriterionRefusesEveryWorksheetCommandAsAnEditOfItsSection(Object command) {
        fixture.given(opened(), added(ROW, FIRST), new SectionMarkedReadyEvent(ID, Section.of(C11), SOMSRI, T0),
                      new SectionApprovedEvent(ID, Section.of(C11), SOMCHAI, T0))
               .when(command)
               .expectNoEvents()
               .expectException(rejected(ConflictException.class, "section"));
    }

    @ParameterizedTest
    @MethodSource("everyWorksheetCommandOn11")
    void afterTheSubmissionWindowClosedEveryWorksheetCommandIsRefused(Object command) {
        fixture.given(opened(), added(ROW, FIRST), new SubmissionWindowSetEvent(ID, T0.minusSeconds(3600), T0, SOMCHAI, T0))
               .andGivenCurrentTime(T1)
               .when(command)
               .expectNoEvents()
               .expectException(org.hamcrest.Matchers.instanceOf(SubmissionWindowException.class));
    }

    @Test
    void aSubCriterionHoldsAtMostThirtyRowsAndAnotherSubCriterionHasItsOwn() {
        List<Object> events = new ArrayList<>(List.of(opened()));
        for (int i = 0; i < CidWorksheet.MAX_ROWS_PER_CRITERION; i++) {
            events.add(added(new CidRowId(java.util.UUID.randomUUID().toString()), FIRST));
        }
        fixture.given(events.toArray())
               .when(new AddCidRowCommand(ID, C11, ROW, FIRST, SOMSRI))
               .expectNoEvents()
               .expectException(rejected(ConflictException.class, "rowId"));
        fixture.given(events.toArray())
               .andGivenCurrentTime(T0)
               .when(new AddCidRowCommand(ID, new CriterionId("1.2"), ROW, FIRST, SOMSRI))
               .expectEvents(new CidRowAddedEvent(ID, new CriterionId("1.2"), ROW, FIRST, 1, SOMSRI, T0));
    }

    @Test
    void rowsCountTowardsTheReportsBoundAndARemovedRowFreesItsRoom() {
        List<Object> events = new ArrayList<>(List.of(opened()));
        for (int item = 1; item <= 20; item++) {
            events.add(new ProfileItemDraftedEvent(ID, item, "ก".repeat(item == 20 ? 49_990 : 50_000), 1, SOMSRI, T0));
        }
        CidRow eleven = new CidRow(CidKind.C, "ข".repeat(11), "", "", "");
        fixture.given(events.toArray())
               .when(new AddCidRowCommand(ID, C11, ROW, eleven, SOMSRI))
               .expectNoEvents()
               .expectException(rejected(ReportSize.ReportTooLargeException.class, "data"));
        events.add(added(OTHER_ROW, new CidRow(CidKind.C, "ข".repeat(10), "", "", "")));
        fixture.given(events.toArray())
               .when(new EditCidRowCommand(ID, C11, OTHER_ROW, eleven, 1, SOMSRI))
               .expectNoEvents()
               .expectException(rejected(ReportSize.ReportTooLargeException.class, "data"));
        // the field named is the one that grew
        fixture.given(events.toArray())
               .when(new EditCidRowCommand(ID, C11, OTHER_ROW, new CidRow(CidKind.C, "ข".repeat(10), "", "", "ค"), 1,
                                           SOMSRI))
               .expectNoEvents()
               .expectException(rejected(ReportSize.ReportTooLargeException.class, "need"));
        events.add(new CidRowRemovedEvent(ID, C11, OTHER_ROW, SOMSRI, T0));
        fixture.given(events.toArray())
               .andGivenCurrentTime(T0)
               .when(new AddCidRowCommand(ID, C11, ROW, new CidRow(CidKind.C, "ข".repeat(10), "", "", ""), SOMSRI))
               .expectEvents(added(ROW, new CidRow(CidKind.C, "ข".repeat(10), "", "", "")));
    }

    @Test
    void theWorksheetSurvivesAJacksonSnapshotWithItsRevisions() {
        Assessment assessment = new Assessment();
        assessment.on(opened());
        assessment.on(added(ROW, FIRST));
        assessment.on(new CidRowEditedEvent(ID, C11, ROW, with(FIRST, "output", "ใหม่ 👩‍🌾"), 2, SOMCHAI, T0, null));
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().findAndRegisterModules()).build();
        SerializedObject<String> json = serializer.serialize(assessment, String.class);
        Assessment restored = serializer.deserialize(json);

        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(json.getData());
        assertThat(json.getData()).contains("ใหม่ 👩‍🌾", "\"revision\":1", "\"revision\":2");
        // the restored aggregate still merges from revision 1
        fixture.givenState(() -> restored)
               .andGivenCurrentTime(T1)
               .when(new EditCidRowCommand(ID, C11, ROW, with(FIRST, "need", "ผู้บริโภค"), 1, SOMSRI))
               .expectEvents(new CidRowEditedEvent(ID, C11, ROW, with(with(FIRST, "output", "ใหม่ 👩‍🌾"), "need",
                                                                      "ผู้บริโภค"), 3, SOMSRI, T1, new Merge(1, 2)));
    }

    @Test
    void theRowConflictMatcherChecksTheRowItNames() {
        // Guards the helper: a matcher that accepted any row would make the conflict tests vacuous.
        RowEditConflictException conflict = new RowEditConflictException("rowId", ROW.value(), 1, 2, FIRST.fields(),
                                                                         FIRST.fields(), SOMSRI, List.of("output"));
        assertThat(rowConflict("output", 2, FIRST).matches(conflict)).isTrue();
        assertThat(rowConflict("output", 2, with(FIRST, "need", "อื่น")).matches(conflict)).isFalse();
        assertThat(rowConflict("output", 3, FIRST).matches(conflict)).isFalse();
        assertThat(rowConflict("need", 2, FIRST).matches(conflict)).isFalse();
        assertThat(equalTo(1).matches(1)).isTrue();
    }
}
