package th.pmqa.studio.command.report;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.command.rejection.AssessmentSubmittedException;
import th.pmqa.studio.command.rejection.ConflictException;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.report.AssessmentSubmittedEvent;
import th.pmqa.studio.command.report.commands.AttachResultCommand;
import th.pmqa.studio.report.Comparison;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.report.ProfileItemDraftedEvent;
import th.pmqa.studio.report.ResultAttachedEvent;
import th.pmqa.studio.report.ResultDetachedEvent;
import th.pmqa.studio.report.ResultDirection;
import th.pmqa.studio.report.ResultId;
import th.pmqa.studio.report.ResultRevisedEvent;
import th.pmqa.studio.command.report.commands.ReviseResultCommand;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionApprovedEvent;
import th.pmqa.studio.report.SectionMarkedReadyEvent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static th.pmqa.studio.command.report.AssessmentTest.C11;
import static th.pmqa.studio.command.report.AssessmentTest.ID;
import static th.pmqa.studio.command.report.AssessmentTest.SOMCHAI;
import static th.pmqa.studio.infra.testing.Personas.SOMSRI;
import static th.pmqa.studio.command.report.AssessmentTest.T0;
import static th.pmqa.studio.command.report.AssessmentTest.T1;
import static th.pmqa.studio.command.report.AssessmentTest.opened;
import static th.pmqa.studio.command.rejection.Rejections.rejected;

/** Issue 12: a result's comparison value with its source, which way is better, and correcting a result in place. */
class AssessmentResultsTest {

    static final ResultId RESULT = new ResultId("5d1c7a52-0c3b-4c07-9a0e-3f1f3c8e2b61");
    static final Map<Integer, BigDecimal> VALUES = Map.of(2564, new BigDecimal("70"), 2565, new BigDecimal("72.5"),
                                                          2566, new BigDecimal("78"));
    static final Comparison AVERAGE = new Comparison(new BigDecimal("76.25"),
                                                     "ค่าเฉลี่ยกลุ่มจังหวัดภาคตะวันออกเฉียงเหนือ ๒๕๖๖ 📊");

    FixtureConfiguration<Assessment> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Assessment.class);
    }

    static AttachResultCommand attach(Comparison comparison, ResultDirection direction) {
        return new AttachResultCommand(ID, C11, LevelKind.BASIC, RESULT, "7.1.1", "ร้อยละความสำเร็จตามคำรับรอง",
                                       "ร้อยละ", new BigDecimal("80"), VALUES, List.of("รายงานประจำปี"), comparison,
                                       direction, SOMSRI);
    }

    static ResultAttachedEvent attached(Comparison comparison, ResultDirection direction) {
        return new ResultAttachedEvent(ID, C11, LevelKind.BASIC, RESULT, "7.1.1", "ร้อยละความสำเร็จตามคำรับรอง",
                                       "ร้อยละ", new BigDecimal("80"), VALUES, List.of("รายงานประจำปี"), SOMSRI, T0,
                                       comparison, direction);
    }

    static ReviseResultCommand revise(LevelKind level, Map<Integer, BigDecimal> values, Comparison comparison,
                                      ResultDirection direction) {
        return new ReviseResultCommand(ID, C11, level, RESULT, "7.1.1", "ร้อยละความสำเร็จตามคำรับรอง", "ร้อยละ",
                                       new BigDecimal("80"), values, List.of("รายงานประจำปี"), comparison, direction,
                                       SOMCHAI);
    }

    @Test
    void aResultIsAttachedWithItsComparisonValueSourceAndDirectionAsSent() {
        fixture.given(opened())
               .andGivenCurrentTime(T1)
               .when(attach(AVERAGE, ResultDirection.HIGHER))
               .expectEvents(new ResultAttachedEvent(ID, C11, LevelKind.BASIC, RESULT, "7.1.1",
                                                     "ร้อยละความสำเร็จตามคำรับรอง", "ร้อยละ", new BigDecimal("80"),
                                                     VALUES, List.of("รายงานประจำปี"), SOMSRI, T1, AVERAGE,
                                                     ResultDirection.HIGHER))
               .expectResultMessagePayload(RESULT);
    }

    @Test
    void aResultWithoutComparisonOrDirectionIsAttachedWithNeither() {
        fixture.given(opened())
               .andGivenCurrentTime(T1)
               .when(attach(null, null))
               .expectEvents(new ResultAttachedEvent(ID, C11, LevelKind.BASIC, RESULT, "7.1.1",
                                                     "ร้อยละความสำเร็จตามคำรับรอง", "ร้อยละ", new BigDecimal("80"),
                                                     VALUES, List.of("รายงานประจำปี"), SOMSRI, T1, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e5000000", "-1e5000000", "1000000000000000", "999999999999999.5", "0.0000001",
                            "1e-5000000"})
    void aComparisonValueBeyondTheBoundsOfIndicatorNumbersIsRefusedNamingComparisonValue(String value) {
        fixture.given(opened())
               .when(attach(new Comparison(new BigDecimal(value), "สถิติจังหวัด"), ResultDirection.HIGHER))
               .expectException(rejected(InvalidInputException.class, "comparison.value"))
               .expectNoEvents();
    }

    @Test
    void aComparisonWithoutAValueIsRefusedNamingComparisonValue() {
        fixture.given(opened())
               .when(attach(new Comparison(null, "สถิติจังหวัด"), null))
               .expectException(rejected(InvalidInputException.class, "comparison.value"))
               .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\t"})
    void aComparisonValueWithoutItsSourceIsRefusedNamingComparisonSource(String source) {
        fixture.given(opened())
               .when(attach(new Comparison(new BigDecimal("76"), source), null))
               .expectException(rejected(InvalidInputException.class, "comparison.source"))
               .expectNoEvents();
        fixture.given(opened())
               .when(attach(new Comparison(new BigDecimal("76"), null), null))
               .expectException(rejected(InvalidInputException.class, "comparison.source"))
               .expectNoEvents();
    }

    @Test
    void aSourceOfFiveHundredCharactersIsTakenAndOneMoreIsRefused() {
        String longest = "ก".repeat(ResultFigures.MAX_SOURCE_LENGTH - 1) + "👩‍💼".substring(0, 2); // an emoji counts once
        Comparison atTheBound = new Comparison(new BigDecimal("1"), longest);
        fixture.given(opened())
               .andGivenCurrentTime(T1)
               .when(attach(atTheBound, null))
               .expectEvents(new ResultAttachedEvent(ID, C11, LevelKind.BASIC, RESULT, "7.1.1",
                                                     "ร้อยละความสำเร็จตามคำรับรอง", "ร้อยละ", new BigDecimal("80"),
                                                     VALUES, List.of("รายงานประจำปี"), SOMSRI, T1, atTheBound, null));
        fixture.given(opened())
               .when(attach(new Comparison(new BigDecimal("1"), longest + "ข"), null))
               .expectException(rejected(InvalidInputException.class, "comparison.source"))
               .expectNoEvents();
    }

    @Test
    void aComparisonSourceCountsTowardsTheReportsBound() {
        List<Object> almost = new ArrayList<>(List.of(opened()));
        for (int item = 1; item <= 20; item++) {
            almost.add(new ProfileItemDraftedEvent(ID, item, "ก".repeat(item == 20 ? 49_900 : 50_000), 1, SOMSRI, T0));
        }
        fixture.given(almost.toArray())
               .when(new AttachResultCommand(ID, C11, LevelKind.BASIC, RESULT, "7.1.1", "ชื่อ", null, null, Map.of(),
                                             List.of(), new Comparison(BigDecimal.ONE, "ที".repeat(60)), null, SOMSRI))
               .expectException(rejected(ReportSize.ReportTooLargeException.class, "name"))
               .expectNoEvents();
    }

    @Test
    void aResultIsRevisedInPlaceWithNewValuesComparisonAndDirection() {
        Map<Integer, BigDecimal> corrected = Map.of(2564, new BigDecimal("70"), 2565, new BigDecimal("72.5"),
                                                    2566, new BigDecimal("81"), 2567, new BigDecimal("84.125"));
        Comparison national = new Comparison(new BigDecimal("79"), "ค่าเฉลี่ยระดับประเทศ (สำนักงาน ก.พ.ร.)");
        fixture.given(opened(), attached(null, null))
               .andGivenCurrentTime(T1)
               .when(revise(LevelKind.BASIC, corrected, national, ResultDirection.HIGHER))
               .expectEvents(new ResultRevisedEvent(ID, C11, LevelKind.BASIC, RESULT, "7.1.1",
                                                    "ร้อยละความสำเร็จตามคำรับรอง", "ร้อยละ", new BigDecimal("80"),
                                                    corrected, List.of("รายงานประจำปี"), national,
                                                    ResultDirection.HIGHER, SOMCHAI, T1))
               .expectResultMessagePayload(true);
    }

    @Test
    void aRevisionThatSaysWhatTheResultAlreadySaysStoresNothing() {
        fixture.given(opened(), attached(AVERAGE, ResultDirection.HIGHER))
               .when(revise(LevelKind.BASIC, VALUES, AVERAGE, ResultDirection.HIGHER))
               .expectNoEvents()
               .expectResultMessagePayload(false);
    }

    @Test
    void aRevisionAfterARevisionComparesWithTheLatest() {
        ResultRevisedEvent lower = new ResultRevisedEvent(ID, C11, LevelKind.BASIC, RESULT, "7.1.1",
                "ร้อยละความสำเร็จตามคำรับรอง", "ร้อยละ", new BigDecimal("80"), VALUES, List.of("รายงานประจำปี"),
                AVERAGE, ResultDirection.LOWER, SOMCHAI, T0);
        fixture.given(opened(), attached(AVERAGE, ResultDirection.HIGHER), lower)
               .when(revise(LevelKind.BASIC, VALUES, AVERAGE, ResultDirection.LOWER))
               .expectNoEvents()
               .expectResultMessagePayload(false);
        fixture.given(opened(), attached(AVERAGE, ResultDirection.HIGHER), lower)
               .andGivenCurrentTime(T1)
               .when(revise(LevelKind.BASIC, VALUES, AVERAGE, ResultDirection.HIGHER))
               .expectEvents(new ResultRevisedEvent(ID, C11, LevelKind.BASIC, RESULT, "7.1.1",
                                                    "ร้อยละความสำเร็จตามคำรับรอง", "ร้อยละ", new BigDecimal("80"),
                                                    VALUES, List.of("รายงานประจำปี"), AVERAGE, ResultDirection.HIGHER,
                                                    SOMCHAI, T1));
    }

    @Test
    void aResultAttachedBeforeComparisonsExistedIsRevisedToHaveOne() {
        // a revision 1 event reads with comparison and direction absent
        fixture.given(opened(), new ResultAttachedEvent(ID, C11, LevelKind.BASIC, RESULT, "7.1.1",
                                                        "ร้อยละความสำเร็จตามคำรับรอง", "ร้อยละ", new BigDecimal("80"),
                                                        VALUES, List.of("รายงานประจำปี"), SOMSRI, T0))
               .andGivenCurrentTime(T1)
               .when(revise(LevelKind.BASIC, VALUES, AVERAGE, null))
               .expectEvents(new ResultRevisedEvent(ID, C11, LevelKind.BASIC, RESULT, "7.1.1",
                                                    "ร้อยละความสำเร็จตามคำรับรอง", "ร้อยละ", new BigDecimal("80"),
                                                    VALUES, List.of("รายงานประจำปี"), AVERAGE, null, SOMCHAI, T1));
    }

    @Test
    void revisingAResultThatIsNotAttachedThereIsNotFound() {
        fixture.given(opened())
               .when(revise(LevelKind.BASIC, VALUES, null, null))
               .expectException(rejected(NotFoundException.class, "resultId"))
               .expectNoEvents();
        fixture.given(opened(), attached(null, null))
               .when(revise(LevelKind.ADVANCE, VALUES, null, null))
               .expectException(rejected(NotFoundException.class, "resultId"))
               .expectNoEvents();
        fixture.given(opened(), attached(null, null), new ResultDetachedEvent(ID, C11, LevelKind.BASIC, RESULT, SOMSRI, T0))
               .when(revise(LevelKind.BASIC, VALUES, null, null))
               .expectException(rejected(NotFoundException.class, "resultId"))
               .expectNoEvents();
        fixture.given(opened())
               .when(new ReviseResultCommand(ID, new CriterionId("9.9"), LevelKind.BASIC, RESULT, "7.1.1", "ชื่อ", null,
                                             null, Map.of(), List.of(), null, null, SOMSRI))
               .expectException(rejected(NotFoundException.class, "criterionId"))
               .expectNoEvents();
    }

    @Test
    void aRevisionIsCheckedAsAnAttachmentIsAndABadOneStoresNothing() {
        fixture.given(opened(), attached(null, null))
               .when(revise(LevelKind.BASIC, Map.of(2566, new BigDecimal("1e5000000")), null, null))
               .expectException(rejected(InvalidInputException.class, "values.2566"))
               .expectNoEvents();
        fixture.given(opened(), attached(null, null))
               .when(revise(LevelKind.BASIC, VALUES, new Comparison(new BigDecimal("1e5000000"), "ก"), null))
               .expectException(rejected(InvalidInputException.class, "comparison.value"))
               .expectNoEvents();
        fixture.given(opened(), attached(null, null))
               .when(revise(LevelKind.BASIC, VALUES, new Comparison(BigDecimal.TEN, " "), null))
               .expectException(rejected(InvalidInputException.class, "comparison.source"))
               .expectNoEvents();
        fixture.given(opened(), attached(null, null))
               .when(new ReviseResultCommand(ID, C11, LevelKind.BASIC, RESULT, "7.9.9", "ชื่อ", null, null, VALUES,
                                             List.of(), null, null, SOMSRI))
               .expectException(rejected(InvalidInputException.class, "indicatorGroup"))
               .expectNoEvents();
    }

    @Test
    void aSubmittedAssessmentOrAnApprovedSectionRefusesARevision() {
        fixture.given(opened(), attached(null, null), new AssessmentSubmittedEvent(ID, SOMSRI, T0))
               .when(revise(LevelKind.BASIC, VALUES, AVERAGE, null))
               .expectException(AssessmentSubmittedException.class)
               .expectNoEvents();
        Section section = Section.of(C11);
        fixture.given(opened(), attached(null, null), new SectionMarkedReadyEvent(ID, section, SOMSRI, T0),
                      new SectionApprovedEvent(ID, section, SOMCHAI, T0))
               .when(revise(LevelKind.BASIC, VALUES, AVERAGE, null))
               .expectException(rejected(ConflictException.class, "section"))
               .expectNoEvents();
    }
}
