package th.pmqa.studio.query.model;

import th.pmqa.studio.query.view.ReportJson;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.AssessmentSubmittedEvent;
import th.pmqa.studio.report.CidKind;
import th.pmqa.studio.report.CidRow;
import th.pmqa.studio.report.CidRowAddedEvent;
import th.pmqa.studio.report.CidRowEditedEvent;
import th.pmqa.studio.report.CidRowId;
import th.pmqa.studio.report.DeploymentDraftedEvent;
import th.pmqa.studio.report.KeyProcess;
import th.pmqa.studio.report.KeyProcessAddedEvent;
import th.pmqa.studio.report.KeyProcessEditedEvent;
import th.pmqa.studio.report.KeyProcessId;
import th.pmqa.studio.report.KeyProcessRemovedEvent;
import th.pmqa.studio.report.KeyProcessesLinkedEvent;
import th.pmqa.studio.report.Merge;
import th.pmqa.studio.report.ProfileItemDraftedEvent;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionMarkedReadyEvent;
import th.pmqa.studio.report.SubmissionWindowSetEvent;
import th.pmqa.studio.report.ValueChainStage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.query.model.TestEvents.*;

/**
 * Issue 15 took describing a change (its Thai summary, its part before and after, the diff) out of the fold. The
 * history must not notice: every change entry, and the state after every event, is compared byte for byte with what
 * the fold that still described changes itself wrote ({@code change-descriptions.golden.jsonl}, recorded from
 * commit 9fd31a2). A deliberate change of a description regenerates the file with {@code -Dstudio.golden.write=true}.
 */
class ChangeDescriptionsStayTheSameTest {

    private static final String GOLDEN = "change-descriptions.golden.jsonl";

    /** Histories that reach every description: each event type, merges, edits after "ready", removals by name. */
    static List<List<AssessmentEvent>> histories() {
        List<AssessmentEvent> readyThenEdited = new ArrayList<>();
        int minute = 1;
        readyThenEdited.add(opened());
        readyThenEdited.add(new SubmissionWindowSetEvent(ID, T0, T0.plus(Duration.ofDays(10)), SUDA, at(minute++)));
        readyThenEdited.add(approach("1.1", LevelKind.BASIC, "ผู้บริหารกำหนดทิศทาง", 1, SOMCHAI, minute++));
        readyThenEdited.add(new SectionMarkedReadyEvent(ID, Section.of(c("1.1")), SOMCHAI, at(minute++)));
        readyThenEdited.add(new DeploymentDraftedEvent(ID, c("1.1"), LevelKind.BASIC, "ถ่ายทอด ทุกระดับ", 3, SUDA,
                                                       at(minute++), new Merge(1, 2)));
        readyThenEdited.add(new SectionMarkedReadyEvent(ID, Section.PROFILE, SOMCHAI, at(minute++)));
        readyThenEdited.add(new ProfileItemDraftedEvent(ID, 5, "พันธกิจ", 2, SUDA, at(minute++), new Merge(1, 1)));
        readyThenEdited.add(answered(6, "โครงสร้าง", 1, SUDA, minute++));
        readyThenEdited.add(attached("1.1", LevelKind.BASIC, "r-9", "7.1.1", "ผลผลิต", SUDA, minute++));
        readyThenEdited.add(detached("1.1", LevelKind.BASIC, "r-9", SUDA, minute++));
        readyThenEdited.add(detached("1.1", LevelKind.BASIC, "r-unknown", SUDA, minute++));
        readyThenEdited.add(new SectionMarkedReadyEvent(ID, Section.of(c("6.1")), SOMCHAI, at(minute++)));
        readyThenEdited.add(new SectionMarkedReadyEvent(ID, Section.of(c("6.2")), SOMCHAI, at(minute++)));
        KeyProcessId process = new KeyProcessId("k7");
        KeyProcess water = new KeyProcess("บริหารน้ำ", "ยุทธศาสตร์ชาติ", "เป้า", "แข่งขัน", "ผลผลิต", "ปัจจัย", "ตัวชี้วัด",
                                          ValueChainStage.MIDSTREAM);
        readyThenEdited.add(new KeyProcessAddedEvent(ID, process, water, 1, SOMCHAI, at(minute++)));
        readyThenEdited.add(new KeyProcessesLinkedEvent(ID, c("6.2"), List.of(process, new KeyProcessId("gone")),
                                                        SOMCHAI, at(minute++)));
        readyThenEdited.add(new KeyProcessEditedEvent(ID, process, water, 3, SUDA, at(minute++), new Merge(1, 2)));
        CidRowId row = new CidRowId("c1");
        readyThenEdited.add(new CidRowAddedEvent(ID, c("1.1"), row, new CidRow(CidKind.C, "ข้อมูล", "ผลผลิต", "กระบวนการ",
                                                                              "ความต้องการ"), 1, SUDA, at(minute++)));
        readyThenEdited.add(new CidRowEditedEvent(ID, c("1.1"), row, new CidRow(CidKind.I, "ข้อมูล", "", "", ""), 3, SUDA,
                                                  at(minute++), new Merge(1, 2)));
        readyThenEdited.add(new KeyProcessRemovedEvent(ID, new KeyProcessId("never-added"), List.of(), SOMCHAI,
                                                       at(minute++)));
        readyThenEdited.add(new KeyProcessRemovedEvent(ID, process, List.of(c("6.2")), SOMCHAI, at(minute++)));
        readyThenEdited.add(new AssessmentSubmittedEvent(ID, SOMCHAI, at(minute++), null, List.of()));
        readyThenEdited.add(reopened("แก้ไข", SUDA, minute));
        return List.of(OneOfEachEvent.history(), readyThenEdited);
    }

    /** One line per event: the change entry the history stores, then the state it leaves. */
    static String describeAll() {
        StringBuilder out = new StringBuilder();
        long position = 100;
        for (List<AssessmentEvent> history : histories()) {
            ReportState state = new ReportState();
            for (AssessmentEvent event : history) {
                position += 3;
                out.append(ReportJson.write(ChangeDescriber.describe(state, event, position)))
                   .append('\n').append(ReportJson.write(state)).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void everyChangeEntryAndEveryStateAreByteForByteThoseOfTheFoldThatDescribedChangesItself() throws IOException {
        String now = describeAll();
        if (Boolean.getBoolean("studio.golden.write")) {
            Files.writeString(Path.of("src/test/resources/th/pmqa/studio/query/report", GOLDEN), now,
                              StandardCharsets.UTF_8);
        }
        String golden;
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            assertThat(in).as(GOLDEN).isNotNull();
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> expected = golden.lines().toList();
        List<String> actual = now.lines().toList();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            assertThat(i < actual.size() ? actual.get(i) : null).as("line " + (i + 1))
                    .isEqualTo(i < expected.size() ? expected.get(i) : null);
        }
    }
}
