package th.pmqa.studio.command.report;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import th.pmqa.studio.command.rejection.AssessmentSubmittedException;
import th.pmqa.studio.command.rejection.ConflictException;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.command.rejection.RowEditConflictException;
import th.pmqa.studio.command.report.commands.AddKeyProcessCommand;
import th.pmqa.studio.report.AssessmentSubmittedEvent;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.command.report.commands.CriterionLinks;
import th.pmqa.studio.command.report.commands.EditKeyProcessCommand;
import th.pmqa.studio.report.KeyProcess;
import th.pmqa.studio.report.KeyProcessAddedEvent;
import th.pmqa.studio.report.KeyProcessEditedEvent;
import th.pmqa.studio.report.KeyProcessId;
import th.pmqa.studio.report.KeyProcessRemovedEvent;
import th.pmqa.studio.report.KeyProcessesLinkedEvent;
import th.pmqa.studio.command.report.commands.LinkCriterionCommand;
import th.pmqa.studio.report.Merge;
import th.pmqa.studio.report.ProfileItemDraftedEvent;
import th.pmqa.studio.report.ProfileItemsLinkedEvent;
import th.pmqa.studio.command.report.commands.RemoveKeyProcessCommand;
import th.pmqa.studio.command.report.commands.SavedRow;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionApprovedEvent;
import th.pmqa.studio.report.SectionMarkedReadyEvent;
import th.pmqa.studio.report.ValueChainStage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.command.report.AssessmentTest.C11;
import static th.pmqa.studio.command.report.AssessmentTest.ID;
import static th.pmqa.studio.command.report.AssessmentTest.SOMCHAI;
import static th.pmqa.studio.infra.testing.Personas.SOMSRI;
import static th.pmqa.studio.command.report.AssessmentTest.T0;
import static th.pmqa.studio.command.report.AssessmentTest.T1;
import static th.pmqa.studio.command.report.AssessmentTest.opened;
import static th.pmqa.studio.command.rejection.Rejections.rejected;

/** The key processes of category 6 and the links of its sub-criteria to them, through the aggregate. */
class AssessmentKeyProcessesTest {

    static final KeyProcessId TOURISM = new KeyProcessId("5d9b7f1e-2c4a-4e63-8a1b-0f3e6c2d9a01");
    static final KeyProcessId DURIAN = new KeyProcessId("5d9b7f1e-2c4a-4e63-8a1b-0f3e6c2d9a02");
    static final CriterionId C61 = new CriterionId("6.1");
    static final CriterionId C62 = new CriterionId("6.2");
    static final CriterionId C63 = new CriterionId("6.3");
    static final KeyProcess SURAT = new KeyProcess("การส่งเสริมการท่องเที่ยว Surat Smart Gateway",
            "ด้านการสร้างความสามารถในการแข่งขัน", "1. เพื่อให้ข้อมูลข่าวสาร\n2. เพื่อสร้างรายได้",
            "การบูรณาการข้อมูลจากทุกหน่วยงาน", "นักท่องเที่ยวได้รับความปลอดภัย", "การคมนาคม การเดินทาง",
            "จำนวนอุบัติเหตุลดลง", ValueChainStage.MIDSTREAM);
    static final KeyProcess LAVA = new KeyProcess("พัฒนาทุเรียนพันธุ์ใหม่ ๒๓๘", "", "", "", "", "", "",
            ValueChainStage.UPSTREAM);

    FixtureConfiguration<Assessment> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Assessment.class);
    }

    static KeyProcessAddedEvent added(KeyProcessId id, KeyProcess process) {
        return new KeyProcessAddedEvent(ID, id, process, 1, SOMSRI, T0);
    }

    static KeyProcess with(KeyProcess process, String field, String value) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(process.fields());
        fields.put(field, value);
        return KeyProcess.of(fields);
    }

    static Section approved(CriterionId criterion) {
        return Section.of(criterion);
    }

    @Test
    void aKeyProcessIsAddedAtRevisionOneAndItsIdReturned() {
        fixture.given(opened())
               .andGivenCurrentTime(T1)
               .when(new AddKeyProcessCommand(ID, TOURISM, SURAT, SOMSRI))
               .expectEvents(new KeyProcessAddedEvent(ID, TOURISM, SURAT, 1, SOMSRI, T1))
               .expectResultMessagePayload(TOURISM);
    }

    @Test
    void aBlankNameOrAMissingStageIsRefusedNamingTheField() {
        fixture.given(opened())
               .when(new AddKeyProcessCommand(ID, TOURISM, with(SURAT, "name", "  "), SOMSRI))
               .expectNoEvents()
               .expectException(rejected(InvalidInputException.class, "name"));
        fixture.given(opened())
               .when(new AddKeyProcessCommand(ID, TOURISM, with(SURAT, "stage", null), SOMSRI))
               .expectNoEvents()
               .expectException(rejected(InvalidInputException.class, "stage"));
    }

    @Test
    void anEditOnTheCurrentRevisionGetsTheNextAndAStaleOneOfOtherFieldsIsMerged() {
        KeyProcess theirs = with(SURAT, "leadingIndicators", "จำนวนอุบัติเหตุลดลง\nรายได้เพิ่มขึ้น");
        fixture.given(opened(), added(TOURISM, SURAT))
               .andGivenCurrentTime(T1)
               .when(new EditKeyProcessCommand(ID, TOURISM, theirs, 1, SOMCHAI))
               .expectEvents(new KeyProcessEditedEvent(ID, TOURISM, theirs, 2, SOMCHAI, T1, null))
               .expectResultMessagePayload(new SavedRow<>(2, true, theirs, null));
        KeyProcess yours = with(SURAT, "stage", "downstream");
        KeyProcess merged = with(theirs, "stage", "downstream");
        fixture.given(opened(), added(TOURISM, SURAT), new KeyProcessEditedEvent(ID, TOURISM, theirs, 2, SOMCHAI, T0, null))
               .andGivenCurrentTime(T1)
               .when(new EditKeyProcessCommand(ID, TOURISM, yours, 1, SOMSRI))
               .expectEvents(new KeyProcessEditedEvent(ID, TOURISM, merged, 3, SOMSRI, T1, new Merge(1, 2)))
               .expectResultMessagePayload(new SavedRow<>(3, true, merged, new Merge(1, 2)));
    }

    @Test
    void aStageChangedDifferentlyOnBothSidesIsAConflictAndStoresNothing() {
        KeyProcess theirs = with(SURAT, "stage", "upstream");
        fixture.given(opened(), added(TOURISM, SURAT), new KeyProcessEditedEvent(ID, TOURISM, theirs, 2, SOMCHAI, T0, null))
               .when(new EditKeyProcessCommand(ID, TOURISM, with(SURAT, "stage", "downstream"), 1, SOMSRI))
               .expectNoEvents()
               .expectException(rejected(RowEditConflictException.class, "stage"));
    }

    @Test
    void anUnknownOrRemovedKeyProcessIsNotFound() {
        fixture.given(opened(), added(TOURISM, SURAT))
               .when(new EditKeyProcessCommand(ID, DURIAN, LAVA, 1, SOMSRI))
               .expectNoEvents()
               .expectException(rejected(NotFoundException.class, "processId"));
        fixture.given(opened(), added(TOURISM, SURAT), new KeyProcessRemovedEvent(ID, TOURISM, List.of(), SOMSRI, T0))
               .when(new RemoveKeyProcessCommand(ID, TOURISM, SOMSRI))
               .expectNoEvents()
               .expectException(rejected(NotFoundException.class, "processId"));
    }

    @Test
    void theSameProcessIdTwiceIsAConflict() {
        fixture.given(opened(), added(TOURISM, SURAT))
               .when(new AddKeyProcessCommand(ID, TOURISM, LAVA, SOMSRI))
               .expectNoEvents()
               .expectException(rejected(ConflictException.class, "processId"));
    }

    @Test
    void subCriteriaOfCategorySixLinkToKeyProcessesAndGetTheStoredLinksBack() {
        fixture.given(opened(), added(TOURISM, SURAT), added(DURIAN, LAVA))
               .andGivenCurrentTime(T1)
               .when(new LinkCriterionCommand(ID, C62, null, null, List.of(DURIAN, TOURISM), SOMSRI))
               .expectEvents(new KeyProcessesLinkedEvent(ID, C62, List.of(DURIAN, TOURISM), SOMSRI, T1))
               .expectResultMessagePayload(new CriterionLinks(List.of(), List.of(), List.of(DURIAN, TOURISM)));
    }

    @Test
    void linkingTheSameKeyProcessesAgainStoresNothing() {
        fixture.given(opened(), added(TOURISM, SURAT), new KeyProcessesLinkedEvent(ID, C61, List.of(TOURISM), SOMSRI, T0))
               .when(new LinkCriterionCommand(ID, C61, null, null, List.of(TOURISM), SOMSRI))
               .expectNoEvents()
               .expectResultMessagePayload(new CriterionLinks(List.of(), List.of(), List.of(TOURISM)));
    }

    @Test
    void aSubCriterionOutsideCategorySixMayNotLinkKeyProcessesButAnEmptyListIsNoLink() {
        fixture.given(opened(), added(TOURISM, SURAT))
               .when(new LinkCriterionCommand(ID, C11, List.of(1), null, List.of(TOURISM), SOMSRI))
               .expectNoEvents()
               .expectException(rejected(InvalidInputException.class, "keyProcesses"));
        fixture.given(opened(), added(TOURISM, SURAT))
               .andGivenCurrentTime(T1)
               .when(new LinkCriterionCommand(ID, C11, List.of(1), null, List.of(), SOMSRI))
               .expectEvents(new ProfileItemsLinkedEvent(ID, C11, List.of(1), SOMSRI, T1));
    }

    @Test
    void anUnknownOrRepeatedKeyProcessIsNamedByItsIndexAndNothingOfTheCommandIsStored() {
        fixture.given(opened(), added(TOURISM, SURAT))
               .when(new LinkCriterionCommand(ID, C62, List.of(1), null,
                                              List.of(TOURISM, new KeyProcessId("ไม่มี")), SOMSRI))
               .expectNoEvents()
               .expectException(rejected(InvalidInputException.class, "keyProcesses[1]"));
        fixture.given(opened(), added(TOURISM, SURAT))
               .when(new LinkCriterionCommand(ID, C62, null, null, List.of(TOURISM, TOURISM), SOMSRI))
               .expectNoEvents()
               .expectException(rejected(InvalidInputException.class, "keyProcesses[1]"));
    }

    @Test
    void removingAProcessNamesTheSubCriteriaItUnlinksAndTheirLinksLoseIt() {
        Object[] linked = {opened(), added(TOURISM, SURAT), added(DURIAN, LAVA),
                           new KeyProcessesLinkedEvent(ID, C63, List.of(TOURISM, DURIAN), SOMSRI, T0),
                           new KeyProcessesLinkedEvent(ID, C62, List.of(TOURISM), SOMSRI, T0)};
        fixture.given(linked)
               .andGivenCurrentTime(T1)
               .when(new RemoveKeyProcessCommand(ID, TOURISM, SOMCHAI))
               .expectEvents(new KeyProcessRemovedEvent(ID, TOURISM, List.of(C62, C63), SOMCHAI, T1));
        List<Object> removed = new ArrayList<>(List.of(linked));
        removed.add(new KeyProcessRemovedEvent(ID, TOURISM, List.of(C62, C63), SOMCHAI, T0));
        fixture.given(removed.toArray())
               .when(new LinkCriterionCommand(ID, C63, null, null, List.of(DURIAN), SOMSRI))
               .expectNoEvents()
               .expectResultMessagePayload(new CriterionLinks(List.of(), List.of(), List.of(DURIAN)));
    }

    static Stream<Object> everyKeyProcessCommand() {
        return Stream.of(new AddKeyProcessCommand(ID, DURIAN, LAVA, SOMSRI),
                         new EditKeyProcessCommand(ID, TOURISM, with(SURAT, "outputs", "ใหม่"), 1, SOMSRI),
                         new RemoveKeyProcessCommand(ID, TOURISM, SOMSRI));
    }

    @ParameterizedTest
    @MethodSource("everyKeyProcessCommand")
    void keyProcessesArePartOf61SoAnApproved61RefusesEveryKeyProcessCommand(Object command) {
        fixture.given(opened(), added(TOURISM, SURAT), new SectionMarkedReadyEvent(ID, approved(C61), SOMSRI, T0),
                      new SectionApprovedEvent(ID, approved(C61), SOMCHAI, T0))
               .when(command)
               .expectNoEvents()
               .expectException(rejected(ConflictException.class, "section"));
    }

    @ParameterizedTest
    @MethodSource("everyKeyProcessCommand")
    void aSubmittedAssessmentRefusesEveryKeyProcessCommand(Object command) {
        fixture.given(opened(), added(TOURISM, SURAT), new AssessmentSubmittedEvent(ID, SOMSRI, T0))
               .when(command)
               .expectNoEvents()
               .expectException(rejected(AssessmentSubmittedException.class, "assessmentId"));
    }

    @Test
    void anApprovedSubCriterionThatLinksAProcessKeepsItFromBeingRemoved() {
        fixture.given(opened(), added(TOURISM, SURAT), added(DURIAN, LAVA),
                      new KeyProcessesLinkedEvent(ID, C62, List.of(TOURISM), SOMSRI, T0),
                      new SectionMarkedReadyEvent(ID, approved(C62), SOMSRI, T0),
                      new SectionApprovedEvent(ID, approved(C62), SOMCHAI, T0))
               .when(new RemoveKeyProcessCommand(ID, TOURISM, SOMSRI))
               .expectNoEvents()
               .expectException(rejected(ConflictException.class, "section"));
        fixture.given(opened(), added(TOURISM, SURAT), added(DURIAN, LAVA),
                      new KeyProcessesLinkedEvent(ID, C62, List.of(TOURISM), SOMSRI, T0),
                      new SectionMarkedReadyEvent(ID, approved(C62), SOMSRI, T0),
                      new SectionApprovedEvent(ID, approved(C62), SOMCHAI, T0))
               .andGivenCurrentTime(T1)
               .when(new RemoveKeyProcessCommand(ID, DURIAN, SOMSRI))
               .expectEvents(new KeyProcessRemovedEvent(ID, DURIAN, List.of(), SOMSRI, T1));
    }

    @Test
    void anAssessmentNamesAtMostFiftyKeyProcesses() {
        List<Object> events = new ArrayList<>(List.of(opened()));
        for (int i = 0; i < KeyProcesses.MAX_PROCESSES; i++) {
            events.add(added(new KeyProcessId(java.util.UUID.randomUUID().toString()), LAVA));
        }
        fixture.given(events.toArray())
               .when(new AddKeyProcessCommand(ID, TOURISM, SURAT, SOMSRI))
               .expectNoEvents()
               .expectException(rejected(ConflictException.class, "processId"));
    }

    @Test
    void keyProcessesCountTowardsTheReportsBound() {
        List<Object> events = new ArrayList<>(List.of(opened()));
        for (int item = 1; item <= 20; item++) {
            events.add(new ProfileItemDraftedEvent(ID, item, "ก".repeat(item == 20 ? 49_990 : 50_000), 1, SOMSRI, T0));
        }
        fixture.given(events.toArray())
               .when(new AddKeyProcessCommand(ID, TOURISM, with(SURAT, "objectives", "ก".repeat(100)), SOMSRI))
               .expectNoEvents()
               .expectException(rejected(ReportSize.ReportTooLargeException.class, "objectives"));
        fixture.given(events.toArray())
               .andGivenCurrentTime(T1)
               .when(new AddKeyProcessCommand(ID, TOURISM, new KeyProcess("ข".repeat(10), "", "", "", "", "", "",
                                                                          ValueChainStage.UPSTREAM), SOMSRI))
               .expectEvents(new KeyProcessAddedEvent(ID, TOURISM, new KeyProcess("ข".repeat(10), "", "", "", "", "", "",
                                                                                  ValueChainStage.UPSTREAM), 1, SOMSRI, T1));
    }

    @Test
    void theHostOfTheKeyProcessesIsTheFirstSubCriterionOfCategorySix() {
        assertThat(KeyProcess.host(th.pmqa.studio.catalog.Catalogs.current()).orElseThrow().id()).isEqualTo("6.1");
    }
}
