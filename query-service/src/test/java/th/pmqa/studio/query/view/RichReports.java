package th.pmqa.studio.query.view;

import th.pmqa.studio.query.model.TestEvents;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.AssessmentSubmittedEvent;
import th.pmqa.studio.report.CidKind;
import th.pmqa.studio.report.CidRow;
import th.pmqa.studio.report.CidRowAddedEvent;
import th.pmqa.studio.report.CidRowId;
import th.pmqa.studio.report.Comparison;
import th.pmqa.studio.report.KeyProcess;
import th.pmqa.studio.report.KeyProcessAddedEvent;
import th.pmqa.studio.report.KeyProcessId;
import th.pmqa.studio.report.KeyProcessesLinkedEvent;
import th.pmqa.studio.report.ResultAttachedEvent;
import th.pmqa.studio.report.ResultDirection;
import th.pmqa.studio.report.ResultId;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionApprovedEvent;
import th.pmqa.studio.report.SectionMarkedReadyEvent;
import th.pmqa.studio.report.SubmissionWindowSetEvent;
import th.pmqa.studio.report.ValueChainStage;
import th.pmqa.studio.report.VersionLabeledEvent;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static th.pmqa.studio.catalog.LevelKind.ADVANCE;
import static th.pmqa.studio.catalog.LevelKind.BASIC;
import static th.pmqa.studio.catalog.LevelKind.SIGNIFICANCE;
import static th.pmqa.studio.query.model.TestEvents.*;

/**
 * Report histories that together reach every member of the report: every A-D-R part of one sub-criterion, the
 * C-I-D worksheet and key processes kept (not removed), results with and without direction and comparison, count
 * guidance within and beyond, review workflow, labels, a window and a submission over unapproved sections.
 */
final class RichReports {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String THAI = "ผู้บริหารร่วมกันกำหนดทิศทางองค์การ น้ำ นํ้า ๑๒๓ 👩‍💻";

    private RichReports() {
    }

    static List<AssessmentEvent> opened() {
        return List.of(TestEvents.opened());
    }

    static List<AssessmentEvent> everything() {
        List<AssessmentEvent> events = new ArrayList<>();
        events.add(TestEvents.opened());
        int minute = 1;
        for (int item = 1; item <= 4; item++) {
            events.add(profile(item, "ข้อ " + item + " " + THAI, 1, item % 2 == 0 ? SUDA : SOMCHAI, minute++));
        }
        events.add(answered(1, "คำตอบรวมของข้อ (1)\nบรรทัดที่สอง", 1, SUDA, minute++));
        events.add(answered(6, "โครงสร้างองค์การแบบเมทริกซ์", 1, SUDA, minute++));
        events.add(analysis("1.1", "จุดแข็ง: ผู้นำชัดเจน", 1, SOMCHAI, minute++));
        for (var level : List.of(BASIC, ADVANCE, SIGNIFICANCE)) {
            events.add(approach("1.1", level, "A " + level + " " + THAI, 1, SOMCHAI, minute++));
            events.add(deploy("1.1", level, "D " + level, 1, SUDA, minute++));
            events.add(resultText("1.1", level, "R " + level, 1, SUDA, minute++));
        }
        events.add(approach("2.1", BASIC, "   ", 1, SOMCHAI, minute++));
        events.add(summary("1.1", "สรุปภาพรวม 1.1", 1, SOMCHAI, minute++));
        events.add(rated("1.1", ADVANCE, 420, "มีการทบทวนเชิงรุก", SOMCHAI, minute++));
        events.add(rated("2.1", BASIC, 350, "พื้นฐาน", SUDA, minute++));
        events.add(rated("3.1", SIGNIFICANCE, 480, "โดดเด่น", SUDA, minute++));
        events.add(linkedProfile("1.1", List.of(1, 3, 12), SOMCHAI, minute++));
        events.add(linkedIndicators("1.1", List.of("7.1.1", "7.2.1"), SOMCHAI, minute++));
        events.add(attached("1.1", BASIC, "r-1", "7.1.1", "ความสำเร็จของแผน", SUDA, minute++));
        events.add(new ResultAttachedEvent(ID, c("1.1"), ADVANCE, new ResultId("r-2"), "7.1.1", "อัตราการร้องเรียน",
                                           "ครั้ง", new BigDecimal("5"),
                                           Map.of(2564, new BigDecimal("9"), 2565, new BigDecimal("7.50"),
                                                  2566, new BigDecimal("4")),
                                           List.of(), SUDA, at(minute++),
                                           new Comparison(new BigDecimal("6"), "ค่าเฉลี่ยจังหวัดใกล้เคียง"),
                                           ResultDirection.LOWER));
        events.add(new ResultAttachedEvent(ID, c("2.1"), SIGNIFICANCE, new ResultId("r-3"), "7.1.1", "ความพึงพอใจ",
                                           null, null, Map.of(2566, new BigDecimal("88")), List.of("หลักฐาน"),
                                           SOMCHAI, at(minute++), null, ResultDirection.HIGHER));
        events.add(new ResultAttachedEvent(ID, c("2.1"), BASIC, new ResultId("r-4"), "7.1.1", "ตัวที่สี่", "%",
                                           new BigDecimal("1"), Map.of(), List.of(), SOMCHAI, at(minute++),
                                           new Comparison(new BigDecimal("2"), "เทียบ"), null));
        events.add(new ResultAttachedEvent(ID, c("4.1"), BASIC, new ResultId("r-5"), "7.2.1", "ข้อมูล", "ระบบ",
                                           new BigDecimal("3"), Map.of(2565, new BigDecimal("3"), 2566, new BigDecimal("3")),
                                           List.of(), SOMCHAI, at(minute++), null, ResultDirection.HIGHER));
        events.add(new CidRowAddedEvent(ID, c("1.1"), new CidRowId("row-c"),
                                        new CidRow(CidKind.C, "ข้อมูลร่วม", "ผลผลิต", "กระบวนการ", "ความต้องการ"), 1, SUDA,
                                        at(minute++)));
        events.add(new CidRowAddedEvent(ID, c("1.1"), new CidRowId("row-d"),
                                        new CidRow(CidKind.D, SCRIPT, "", "", ""), 1, SOMCHAI, at(minute++)));
        KeyProcessId tourism = new KeyProcessId("k1");
        events.add(new KeyProcessAddedEvent(ID, tourism, new KeyProcess("ส่งเสริมการท่องเที่ยว", "ยุทธศาสตร์ชาติ",
                "วัตถุประสงค์", "ขีดความสามารถ", "ผลผลิต", "ปัจจัยความสำเร็จ", "ตัวชี้วัดนำ", ValueChainStage.UPSTREAM),
                1, SOMCHAI, at(minute++)));
        KeyProcessId farming = new KeyProcessId("k2");
        events.add(new KeyProcessAddedEvent(ID, farming, new KeyProcess("เกษตรปลอดภัย", "", "", "", "", "", "",
                ValueChainStage.DOWNSTREAM), 1, SUDA, at(minute++)));
        events.add(new KeyProcessesLinkedEvent(ID, c("6.2"), List.of(farming, tourism), SOMCHAI, at(minute++)));
        events.add(new SectionMarkedReadyEvent(ID, Section.PROFILE, SOMCHAI, at(minute++)));
        events.add(new SectionMarkedReadyEvent(ID, Section.of(c("1.1")), SOMCHAI, at(minute++)));
        events.add(new SectionApprovedEvent(ID, Section.of(c("1.1")), SUDA, at(minute++)));
        events.add(new SectionMarkedReadyEvent(ID, Section.of(c("1.2")), SOMCHAI, at(minute++)));
        events.add(profile(2, "วิสัยทัศน์ (แก้หลังส่ง)", 2, SUDA, minute++));
        events.add(new VersionLabeledEvent(ID, "ร่างครั้งที่ ๑ " + IMG, SOMCHAI, at(minute++)));
        events.add(new SubmissionWindowSetEvent(ID, T0, T0.plus(Duration.ofDays(30)), SUDA, at(minute++)));
        events.add(new VersionLabeledEvent(ID, "ก่อนส่ง", SUDA, at(minute++)));
        events.add(new AssessmentSubmittedEvent(ID, SOMCHAI, at(minute), "ส่งก่อนกำหนด",
                                                List.of(Section.PROFILE, Section.of(c("1.2")))));
        return events;
    }

    /** User text that would be markup if it were not escaped, in every kind of field. */
    static List<AssessmentEvent> hostile() {
        return List.of(
                TestEvents.opened("จังหวัด" + SCRIPT),
                profile(1, "พันธกิจ " + SCRIPT, 1, SOMCHAI, 1),
                profile(2, IMG, 1, SOMCHAI, 2),
                approach("1.1", BASIC, SCRIPT + IMG, 1, SOMCHAI, 3),
                approach("1.2", ADVANCE, THAI, 1, SOMCHAI, 4),
                summary("1.1", "<SCRIPT SRC=//evil></SCRIPT>'", 1, SOMCHAI, 5),
                rated("1.1", ADVANCE, 420, IMG, SOMCHAI, 6),
                linkedIndicators("1.1", List.of(SCRIPT), SOMCHAI, 7),
                new ResultAttachedEvent(ID, c("1.1"), ADVANCE, new ResultId("r-1"), "7.1.1", IMG, SCRIPT,
                                        new BigDecimal("1"), Map.of(2566, BigDecimal.TEN), List.of(SCRIPT), SOMCHAI, at(8)),
                reopened(SCRIPT, SOMCHAI, 9));
    }
}
