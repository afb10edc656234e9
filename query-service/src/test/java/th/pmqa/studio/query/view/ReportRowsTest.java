package th.pmqa.studio.query.view;

import th.pmqa.studio.query.model.ChangeDescriber;
import th.pmqa.studio.query.model.ReportFold;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.model.RowsFold;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.query.model.TextDiff;
import th.pmqa.studio.query.model.ChangeEntry;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.CidKind;
import th.pmqa.studio.report.CidRow;
import th.pmqa.studio.report.CidRowAddedEvent;
import th.pmqa.studio.report.CidRowEditedEvent;
import th.pmqa.studio.report.CidRowId;
import th.pmqa.studio.report.CidRowRemovedEvent;
import th.pmqa.studio.report.KeyProcess;
import th.pmqa.studio.report.KeyProcessAddedEvent;
import th.pmqa.studio.report.KeyProcessEditedEvent;
import th.pmqa.studio.report.KeyProcessId;
import th.pmqa.studio.report.KeyProcessRemovedEvent;
import th.pmqa.studio.report.KeyProcessesLinkedEvent;
import th.pmqa.studio.report.Merge;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionMarkedReadyEvent;
import th.pmqa.studio.report.ValueChainStage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.query.model.TestEvents.*;

/** The C-I-D worksheet and the key processes on the read side: fold, history text and diff, report, diff. */
class ReportRowsTest {

    static final CidRowId ROW_C = new CidRowId("a1");
    static final CidRowId ROW_D = new CidRowId("a2");
    static final CidRowId ROW_I = new CidRowId("a3");
    static final CidRow COLLABORATION = new CidRow(CidKind.C, "ศวพ.ศก./เกษตร/อบจ. 👩‍🌾", "เครือข่ายเกษตรกร",
                                                   "การรับรองมาตรฐาน GAP", "เกษตรกร");
    static final KeyProcessId TOURISM = new KeyProcessId("k1");
    static final KeyProcessId DURIAN = new KeyProcessId("k2");
    static final KeyProcess SURAT = new KeyProcess("การส่งเสริมการท่องเที่ยว Surat Smart Gateway",
            "ด้านการสร้างความสามารถในการแข่งขัน", "1. ให้ข้อมูลข่าวสาร\n2. สร้างรายได้", "บูรณาการข้อมูล",
            "นักท่องเที่ยวปลอดภัย", "การคมนาคม", "อุบัติเหตุลดลง", ValueChainStage.MIDSTREAM);
    static final KeyProcess LAVA = new KeyProcess("พัฒนาทุเรียนพันธุ์ใหม่ ๒๓๘", "", "", "", "", "", "",
            ValueChainStage.UPSTREAM);

    private final ReportState state = new ReportState();
    private long position;

    private ChangeEntry fold(AssessmentEvent event) {
        return ChangeDescriber.describe(state, event, ++position);
    }

    static CidRow with(CidRow row, String field, String value) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(row.fields());
        fields.put(field, value);
        return CidRow.of(fields);
    }

    static List<AssessmentEvent> worksheetAndProcesses() {
        List<AssessmentEvent> events = new ArrayList<>();
        events.add(opened());
        events.add(new CidRowAddedEvent(ID, c("1.1"), ROW_D, new CidRow(CidKind.D, "Application", "", "", ""), 1, SUDA, at(1)));
        events.add(new CidRowAddedEvent(ID, c("1.1"), ROW_C, COLLABORATION, 1, SOMCHAI, at(2)));
        events.add(new CidRowAddedEvent(ID, c("1.1"), ROW_I, new CidRow(CidKind.I, "QR-Code", "", "", ""), 1, SUDA, at(3)));
        events.add(new CidRowEditedEvent(ID, c("1.1"), ROW_C, with(COLLABORATION, "output", "เครือข่ายเกษตรกรที่เข้มแข็ง"),
                                         2, SUDA, at(4), null));
        events.add(new KeyProcessAddedEvent(ID, TOURISM, SURAT, 1, SOMCHAI, at(5)));
        events.add(new KeyProcessAddedEvent(ID, DURIAN, LAVA, 1, SOMCHAI, at(6)));
        events.add(new KeyProcessesLinkedEvent(ID, c("6.2"), List.of(TOURISM, DURIAN), SOMCHAI, at(7)));
        events.add(new KeyProcessEditedEvent(ID, TOURISM, new KeyProcess(SURAT.name(), SURAT.nationalStrategy(),
                SURAT.objectives(), SURAT.competitiveness(), SURAT.outputs(), SURAT.successFactors(),
                "อุบัติเหตุลดลง\nรายได้เพิ่มขึ้น", ValueChainStage.MIDSTREAM), 2, SUDA, at(8), new Merge(1, 1)));
        events.add(new CidRowRemovedEvent(ID, c("1.1"), ROW_I, SOMCHAI, at(9)));
        events.add(new KeyProcessRemovedEvent(ID, DURIAN, List.of(c("6.2")), SOMCHAI, at(10)));
        return events;
    }

    @Test
    void aCidRowEditIsInTheSubCriterionsHistoryWithAThaiSummaryAndAWordDiffOfTheFieldThatChanged() {
        fold(opened());
        ChangeEntry added = fold(new CidRowAddedEvent(ID, c("1.1"), ROW_C, COLLABORATION, 1, SOMCHAI, at(1)));
        ChangeEntry edited = fold(new CidRowEditedEvent(ID, c("1.1"), ROW_C,
                with(COLLABORATION, "output", "เครือข่ายเกษตรกรที่เข้มแข็ง"), 2, SUDA, at(2), new Merge(1, 1)));

        assertThat(added.section()).isEqualTo("criteria/1.1");
        assertThat(added.kind()).isEqualTo("CID_ROW_ADDED");
        assertThat(added.summary()).isEqualTo("1.1 ตาราง C-I-D: เพิ่มแถว Collaboration (C) ฉบับที่ 1");
        assertThat(added.after()).isEqualTo("4.0 Performance: Collaboration (C)\nระบุข้อมูล: ศวพ.ศก./เกษตร/อบจ. 👩‍🌾\n"
                                            + "ผลผลิตที่จะเกิดขึ้น: เครือข่ายเกษตรกร\n"
                                            + "กระบวนการที่เกี่ยวข้องกับ C I D: การรับรองมาตรฐาน GAP\n"
                                            + "ตอบสนองความต้องการ: เกษตรกร");
        assertThat(edited.summary()).isEqualTo("1.1 ตาราง C-I-D: แก้แถว Collaboration (C) ฉบับที่ 2"
                                               + " (รวมการแก้ไขที่เริ่มจากฉบับที่ 1 กับฉบับที่ 1)");
        assertThat(edited.revision()).isEqualTo(2);
        assertThat(edited.merge()).isEqualTo(new Merge(1, 1));
        assertThat(edited.what()).isEqualTo("cid/a1");
        assertThat(edited.diff()).filteredOn(chunk -> chunk.op() != TextDiff.Op.EQUAL)
                                 .extracting(TextDiff.Chunk::text).containsExactly("ที่เข้มแข็ง");
    }

    @Test
    void theReportShowsTheWorksheetUnderTheAdvanceLevelInTheSeedsOrderCThenIThenD() {
        ReportState replayed = ReportFold.replay(worksheetAndProcesses());
        Map<String, Object> criterion = ViewJson.map(SubCriterionViews.of(replayed, ReportViewBuilder.catalogOf(replayed),
                ReportViewBuilder.catalogOf(replayed).criterion("1.1").orElseThrow()));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> levels = (List<Map<String, Object>>) criterion.get("levels");
        assertThat(levels.get(0)).doesNotContainKey("cid");
        assertThat(levels.get(2)).doesNotContainKey("cid");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) levels.get(1).get("cid");
        assertThat(rows).extracting(r -> r.get("kind")).containsExactly("C", "D");
        assertThat(rows.get(0)).containsEntry("kindName", "Collaboration").containsEntry("revision", 2L)
                               .containsEntry("output", "เครือข่ายเกษตรกรที่เข้มแข็ง")
                               .containsEntry("data", "ศวพ.ศก./เกษตร/อบจ. 👩‍🌾");
        assertThat(criterion).doesNotContainKeys("keyProcesses", "linkedKeyProcesses");
    }

    @Test
    void keyProcessesAreListedOn61AlongTheValueChainAndLinkedFromCategorySixUntilRemoved() {
        ReportState replayed = ReportFold.replay(worksheetAndProcesses());
        var catalog = ReportViewBuilder.catalogOf(replayed);
        Map<String, Object> c61 = ViewJson.map(SubCriterionViews.of(replayed, catalog, catalog.criterion("6.1").orElseThrow()));
        Map<String, Object> c62 = ViewJson.map(SubCriterionViews.of(replayed, catalog, catalog.criterion("6.2").orElseThrow()));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> processes = (List<Map<String, Object>>) c61.get("keyProcesses");
        assertThat(processes).extracting(p -> p.get("processId")).containsExactly("k1");
        assertThat(processes.get(0)).containsEntry("stage", "midstream").containsEntry("stageName", "กลางทาง")
                                    .containsEntry("leadingIndicators", "อุบัติเหตุลดลง\nรายได้เพิ่มขึ้น");
        assertThat(c61.get("linkedKeyProcesses")).asList().isEmpty();
        assertThat(c62).doesNotContainKey("keyProcesses");
        assertThat(c62.get("linkedKeyProcesses")).asList()
                .containsExactly(Map.of("processId", "k1", "name", SURAT.name(), "stage", "midstream"));

        // along the value chain: upstream before midstream, whatever the order they were added in
        ReportState both = ReportFold.replay(worksheetAndProcesses().subList(0, 9));
        assertThat(RowsFold.valueChain(both)).extracting(ReportState.KeyProcessEntry::processId).containsExactly("k2", "k1");
    }

    @Test
    void keyProcessChangesBelongTo61AndARemovalMarksTheReadySubCriteriaItUnlinksAsChanged() {
        fold(opened());
        fold(new SectionMarkedReadyEvent(ID, Section.of(c("6.1")), SOMCHAI, at(1)));
        ChangeEntry added = fold(new KeyProcessAddedEvent(ID, TOURISM, SURAT, 1, SOMCHAI, at(2)));
        fold(new KeyProcessesLinkedEvent(ID, c("6.3"), List.of(TOURISM), SOMCHAI, at(3)));
        fold(new SectionMarkedReadyEvent(ID, Section.of(c("6.3")), SOMCHAI, at(4)));
        assertThat(state.changedSinceReady).containsExactly("criteria/6.1");

        ChangeEntry removed = fold(new KeyProcessRemovedEvent(ID, TOURISM, List.of(c("6.3")), SUDA, at(5)));

        assertThat(added.section()).isEqualTo("criteria/6.1");
        assertThat(added.kind()).isEqualTo("KEY_PROCESS_ADDED");
        assertThat(added.summary()).isEqualTo("กระบวนการหลัก: เพิ่ม การส่งเสริมการท่องเที่ยว Surat Smart Gateway (กลางทาง) ฉบับที่ 1");
        assertThat(added.after()).startsWith("ชื่อกระบวนการหลัก: การส่งเสริมการท่องเที่ยว Surat Smart Gateway\n"
                                             + "ห่วงโซ่คุณค่า (Value Chain): กลางทาง\n")
                                 .contains("\nตัวชี้วัด (Leading Indicator): อุบัติเหตุลดลง");
        assertThat(removed.summary()).isEqualTo("กระบวนการหลัก: ลบ การส่งเสริมการท่องเที่ยว Surat Smart Gateway "
                                                + "และยกเลิกการเชื่อมโยงจาก 6.3");
        assertThat(removed.after()).isEmpty();
        assertThat(state.criteria.get("6.3").keyProcesses).isEmpty();
        assertThat(state.changedSinceReady).containsExactly("criteria/6.1", "criteria/6.3");
    }

    @Test
    void aCidRowEditOfASubCriterionReadyForReviewMarksItChanged() {
        fold(opened());
        fold(new CidRowAddedEvent(ID, c("2.1"), ROW_C, COLLABORATION, 1, SOMCHAI, at(1)));
        fold(new SectionMarkedReadyEvent(ID, Section.of(c("2.1")), SOMCHAI, at(2)));
        fold(new CidRowRemovedEvent(ID, c("2.1"), ROW_C, SOMCHAI, at(3)));

        assertThat(state.changedSinceReady).containsExactly("criteria/2.1");
    }

    @Test
    void theReportAtEveryPositionIsTheReplayOfTheEventsUpToIt() {
        List<AssessmentEvent> events = worksheetAndProcesses();
        ReportState live = new ReportState();
        for (int i = 0; i < events.size(); i++) {
            ReportFold.evolve(live, events.get(i), i + 1);
            ReportState replayed = ReportFold.replay(events.subList(0, i + 1));
            assertThat(ReportJson.write(ReportViewBuilder.build(replayed)))
                    .isEqualTo(ReportJson.write(ReportViewBuilder.build(live)));
        }
    }

    @Test
    void theReportDiffShowsTheWorksheetTheLinksAndTheKeyProcessesThatChanged() {
        List<AssessmentEvent> events = worksheetAndProcesses();
        ReportState from = ReportFold.replay(events.subList(0, 2));
        ReportState to = ReportFold.replay(events);

        Map<String, Object> diff = ViewJson.map(ReportDiff.between(from, to));

        assertThat(diff.get("changedSections")).asList().contains("criteria/1.1", "criteria/6.1", "criteria/6.2");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changes = (List<Map<String, Object>>) diff.get("changes");
        assertThat(changes).extracting(c -> c.get("section") + " " + c.get("what"))
                           .contains("criteria/1.1 cid", "criteria/6.2 links/keyProcesses", "criteria/6.1 keyProcesses");
    }
}
