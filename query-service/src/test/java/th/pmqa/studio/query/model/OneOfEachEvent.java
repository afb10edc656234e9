package th.pmqa.studio.query.model;

import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.AssessmentSubmittedEvent;
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
import th.pmqa.studio.report.ResultId;
import th.pmqa.studio.report.ResultRevisedEvent;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionApprovedEvent;
import th.pmqa.studio.report.SectionMarkedReadyEvent;
import th.pmqa.studio.report.SectionReopenedEvent;
import th.pmqa.studio.report.SubmissionWindowExtendedEvent;
import th.pmqa.studio.report.SubmissionWindowSetEvent;
import th.pmqa.studio.report.ValueChainStage;
import th.pmqa.studio.report.VersionLabeledEvent;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static th.pmqa.studio.query.model.TestEvents.*;

/**
 * A report history with at least one event of every concrete type of the sealed {@code AssessmentEvent} hierarchy,
 * in an order the aggregate could have decided (sections marked ready before they are approved, a reopened
 * submission after a submission), with a sub-criterion of category 6 hosting the key processes.
 */
public final class OneOfEachEvent {

    private OneOfEachEvent() {
    }

    public static List<AssessmentEvent> history() {
        List<AssessmentEvent> events = new ArrayList<>(everyEventType());
        int minute = 20;
        events.add(answered(6, "โครงสร้างองค์การแบบเมทริกซ์", 1, SUDA, minute++));
        events.add(analysis("1.1", "จุดแข็ง: ผู้นำชัดเจน", 1, SOMCHAI, minute++));
        events.add(new ResultRevisedEvent(ID, c("1.1"), LevelKind.BASIC, new ResultId("r-2"), "7.1.1", "ความสำเร็จ",
                                          "ร้อยละ", new BigDecimal("80"), Map.of(2566, new BigDecimal("81")), List.of(),
                                          null, null, SUDA, at(minute++)));
        events.add(new SectionMarkedReadyEvent(ID, Section.PROFILE, SOMCHAI, at(minute++)));
        events.add(new SectionMarkedReadyEvent(ID, Section.of(c("1.1")), SOMCHAI, at(minute++)));
        events.add(new SectionApprovedEvent(ID, Section.of(c("1.1")), SUDA, at(minute++)));
        events.add(new SectionReopenedEvent(ID, Section.of(c("1.1")), "เพิ่มหลักฐาน", SUDA, at(minute++)));
        events.add(new VersionLabeledEvent(ID, "ร่างครั้งที่ ๑", SOMCHAI, at(minute++)));
        events.add(new SubmissionWindowSetEvent(ID, T0, T0.plus(Duration.ofDays(30)), SUDA, at(minute++)));
        events.add(new SubmissionWindowExtendedEvent(ID, T0.plus(Duration.ofDays(40)), T0.plus(Duration.ofDays(30)),
                                                     "น้ำท่วม", SUDA, at(minute++)));
        CidRowId row = new CidRowId("a1");
        events.add(new CidRowAddedEvent(ID, c("1.1"), row, new CidRow(CidKind.D, "ฐานข้อมูล", "", "", ""), 1, SUDA,
                                        at(minute++)));
        events.add(new CidRowEditedEvent(ID, c("1.1"), row, new CidRow(CidKind.D, "ฐานข้อมูลกลาง", "", "", ""), 2,
                                         SUDA, at(minute++), null));
        events.add(new CidRowRemovedEvent(ID, c("1.1"), row, SUDA, at(minute++)));
        KeyProcessId process = new KeyProcessId("k1");
        KeyProcess tourism = new KeyProcess("ส่งเสริมการท่องเที่ยว", "", "", "", "", "", "", ValueChainStage.UPSTREAM);
        events.add(new KeyProcessAddedEvent(ID, process, tourism, 1, SOMCHAI, at(minute++)));
        events.add(new KeyProcessesLinkedEvent(ID, c("6.2"), List.of(process), SOMCHAI, at(minute++)));
        events.add(new KeyProcessEditedEvent(ID, process, tourism, 2, SOMCHAI, at(minute++), null));
        events.add(new KeyProcessRemovedEvent(ID, process, List.of(c("6.2")), SOMCHAI, at(minute++)));
        th.pmqa.studio.report.EvidenceId evidence = new th.pmqa.studio.report.EvidenceId("0b7e4a52-1f3c-4d6e-9a8b-7c6d5e4f3a21");
        events.add(new th.pmqa.studio.report.EvidenceUploadedEvent(ID, evidence, "a".repeat(64), 1234, "application/pdf",
                                                                   "รายงาน.pdf", "หลักฐาน", "criteria/1.1/basic/approach",
                                                                   null, SUDA, at(minute++)));
        events.add(new th.pmqa.studio.report.EvidenceRemovedEvent(ID, evidence, SUDA, at(minute++)));
        events.add(new AssessmentSubmittedEvent(ID, SOMCHAI, at(minute), "ส่งก่อนกำหนด",
                                                List.of(Section.PROFILE, Section.of(c("1.1")))));
        return events;
    }
}
