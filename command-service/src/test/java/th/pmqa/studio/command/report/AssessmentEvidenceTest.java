package th.pmqa.studio.command.report;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.command.rejection.AssessmentSubmittedException;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.command.report.commands.AttachResultCommand;
import th.pmqa.studio.command.report.commands.EvidenceStored;
import th.pmqa.studio.command.report.commands.RemoveEvidenceCommand;
import th.pmqa.studio.command.report.commands.UploadEvidenceCommand;
import th.pmqa.studio.report.AssessmentSubmittedEvent;
import th.pmqa.studio.report.EvidenceId;
import th.pmqa.studio.report.EvidenceRemovedEvent;
import th.pmqa.studio.report.EvidenceUploadedEvent;
import th.pmqa.studio.report.ResultAttachedEvent;
import th.pmqa.studio.report.ResultId;

import java.math.BigDecimal;
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

/** Evidence files through the aggregate: recording, the same bytes once, what an upload may name, removal. */
class AssessmentEvidenceTest {

    static final EvidenceId FIRST = new EvidenceId("0b7e4a52-1f3c-4d6e-9a8b-7c6d5e4f3a21");
    static final EvidenceId SECOND = new EvidenceId("0b7e4a52-1f3c-4d6e-9a8b-7c6d5e4f3a22");
    static final String HASH = "a".repeat(64);
    static final String OTHER_HASH = "b".repeat(64);
    static final String NAME = "รายงานผลการดำเนินงาน ปี ๒๕๖๗ 📄.pdf";
    static final ResultId RESULT = new ResultId("8b7c2c1e-6a43-4c55-a3c1-0f2b7f0e9d11");

    FixtureConfiguration<Assessment> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Assessment.class);
    }

    static UploadEvidenceCommand upload(EvidenceId id, String hash, String place, ResultId result) {
        return new UploadEvidenceCommand(ID, id, hash, 1234, "application/pdf", NAME, "หลักฐาน", place, result, SOMSRI);
    }

    static EvidenceUploadedEvent uploaded(EvidenceId id, String hash, String place, ResultId result) {
        return new EvidenceUploadedEvent(ID, id, hash, 1234, "application/pdf", NAME, "หลักฐาน", place, result,
                SOMSRI, T1);
    }

    @Test
    void anUploadIsRecordedWithItsHashSizeTypeNameAndPlace() {
        fixture.given(opened()).andGivenCurrentTime(T1)
               .when(upload(FIRST, HASH, "criteria/1.1/basic/approach", null))
               .expectEvents(uploaded(FIRST, HASH, "criteria/1.1/basic/approach", null))
               .expectResultMessagePayload(new EvidenceStored(FIRST, HASH, 1234, "application/pdf", true));
    }

    @Test
    void theSameBytesUploadedAgainAnswerTheEvidenceThatHoldsThemAndStoreNothing() {
        fixture.given(opened(), uploaded(FIRST, HASH, null, null)).andGivenCurrentTime(T1)
               .when(upload(SECOND, HASH, "criteria/1.1", null))
               .expectNoEvents()
               .expectResultMessagePayload(new EvidenceStored(FIRST, HASH, 1234, "application/pdf", false));
    }

    @Test
    void bytesUploadedAgainAfterTheirEvidenceWasRemovedAreRecordedAnew() {
        fixture.given(opened(), uploaded(FIRST, HASH, null, null), new EvidenceRemovedEvent(ID, FIRST, SOMSRI, T0))
               .andGivenCurrentTime(T1)
               .when(upload(SECOND, HASH, null, null))
               .expectEvents(uploaded(SECOND, HASH, null, null));
    }

    @Test
    void anUploadMayNameAnAttachedResult() {
        fixture.given(opened(), new ResultAttachedEvent(ID, C11, LevelKind.BASIC, RESULT, "7.1.1", "ร้อยละ", "ร้อยละ",
                       new BigDecimal("80"), Map.of(2566, new BigDecimal("75")), List.of(), SOMSRI, T0))
               .andGivenCurrentTime(T1)
               .when(upload(FIRST, HASH, null, RESULT))
               .expectEvents(uploaded(FIRST, HASH, null, RESULT));
    }

    @Test
    void anUploadNamingAResultThatIsNotAttachedIsRefused() {
        fixture.given(opened()).andGivenCurrentTime(T1)
               .when(upload(FIRST, HASH, null, RESULT))
               .expectException(rejected(NotFoundException.class, "resultId"))
               .expectNoEvents();
    }

    @Test
    void anUploadNamingAPlaceThatIsNotInTheReportIsRefused() {
        fixture.given(opened()).andGivenCurrentTime(T1)
               .when(upload(FIRST, HASH, "criteria/9.9", null))
               .expectException(rejected(InvalidInputException.class, "place"))
               .expectNoEvents();
        fixture.given(opened()).andGivenCurrentTime(T1)
               .when(upload(FIRST, HASH, "criteria/1.1/basic/plan", null))
               .expectException(rejected(InvalidInputException.class, "place"))
               .expectNoEvents();
    }

    @Test
    void aResultMayCiteAnEvidenceFileOfTheAssessmentByItsId() {
        AttachResultCommand attach = new AttachResultCommand(ID, C11, LevelKind.BASIC, RESULT, "7.1.1", "ร้อยละ",
                "ร้อยละ", new BigDecimal("80"), Map.of(2566, new BigDecimal("75")),
                List.of(FIRST.value(), "https://example.org/แผน.pdf"), SOMSRI);
        fixture.given(opened(), uploaded(FIRST, HASH, null, null)).andGivenCurrentTime(T1)
               .when(attach)
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ResultAttachedEvent(ID, C11, LevelKind.BASIC, RESULT, "7.1.1", "ร้อยละ", "ร้อยละ",
                       new BigDecimal("80"), Map.of(2566, new BigDecimal("75")),
                       List.of(FIRST.value(), "https://example.org/แผน.pdf"), SOMSRI, T1));
    }

    @Test
    void aResultCitingAnEvidenceIdTheAssessmentDoesNotHoldIsRefused() {
        AttachResultCommand attach = new AttachResultCommand(ID, C11, LevelKind.BASIC, RESULT, "7.1.1", "ร้อยละ",
                "ร้อยละ", new BigDecimal("80"), Map.of(2566, new BigDecimal("75")), List.of(SECOND.value()), SOMSRI);
        fixture.given(opened(), uploaded(FIRST, HASH, null, null)).andGivenCurrentTime(T1)
               .when(attach)
               .expectException(rejected(NotFoundException.class, "evidence"))
               .expectNoEvents();
        fixture.given(opened()).andGivenCurrentTime(T1)
               .when(attach)
               .expectException(rejected(NotFoundException.class, "evidence"))
               .expectNoEvents();
    }

    @Test
    void anEmptyFileOrABadHashIsRefused() {
        fixture.given(opened()).andGivenCurrentTime(T1)
               .when(new UploadEvidenceCommand(ID, FIRST, HASH, 0, "text/plain", "a.txt", null, null, null, SOMSRI))
               .expectException(rejected(InvalidInputException.class, "file"))
               .expectNoEvents();
        fixture.given(opened()).andGivenCurrentTime(T1)
               .when(new UploadEvidenceCommand(ID, FIRST, "ABC", 3, "text/plain", "a.txt", null, null, null, SOMSRI))
               .expectException(rejected(InvalidInputException.class, "file"))
               .expectNoEvents();
    }

    @Test
    void aSubmittedReportTakesNoEvidenceAndLosesNone() {
        fixture.given(opened(), uploaded(FIRST, HASH, null, null), new AssessmentSubmittedEvent(ID, SOMCHAI, T0))
               .andGivenCurrentTime(T1)
               .when(upload(SECOND, OTHER_HASH, null, null))
               .expectException(AssessmentSubmittedException.class)
               .expectNoEvents();
        fixture.given(opened(), uploaded(FIRST, HASH, null, null), new AssessmentSubmittedEvent(ID, SOMCHAI, T0))
               .andGivenCurrentTime(T1)
               .when(new RemoveEvidenceCommand(ID, FIRST, SOMSRI))
               .expectException(AssessmentSubmittedException.class)
               .expectNoEvents();
    }

    @Test
    void evidenceIsRemovedOnce() {
        fixture.given(opened(), uploaded(FIRST, HASH, null, null)).andGivenCurrentTime(T1)
               .when(new RemoveEvidenceCommand(ID, FIRST, SOMSRI))
               .expectEvents(new EvidenceRemovedEvent(ID, FIRST, SOMSRI, T1));
        fixture.given(opened(), uploaded(FIRST, HASH, null, null), new EvidenceRemovedEvent(ID, FIRST, SOMSRI, T0))
               .andGivenCurrentTime(T1)
               .when(new RemoveEvidenceCommand(ID, FIRST, SOMSRI))
               .expectException(rejected(NotFoundException.class, "evidenceId"))
               .expectNoEvents();
    }
}
