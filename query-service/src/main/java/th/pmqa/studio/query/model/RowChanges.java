package th.pmqa.studio.query.model;

import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.CidRowAddedEvent;
import th.pmqa.studio.report.CidRowEditedEvent;
import th.pmqa.studio.report.CidRowRemovedEvent;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.report.KeyProcess;
import th.pmqa.studio.report.KeyProcessAddedEvent;
import th.pmqa.studio.report.KeyProcessEditedEvent;
import th.pmqa.studio.report.KeyProcessId;
import th.pmqa.studio.report.KeyProcessRemovedEvent;
import th.pmqa.studio.report.KeyProcessesLinkedEvent;
import th.pmqa.studio.report.Merge;
import th.pmqa.studio.report.Place;

import java.util.stream.Collectors;

/**
 * The part of {@link ChangeDescriber} for revisioned rows: a C-I-D row's change is of its sub-criterion, a key
 * process's of the sub-criterion key processes are written with (6.1). Before and after are the row as
 * {@link RowTexts} writes it; summaries are in Thai, naming the row.
 */
final class RowChanges {

    private RowChanges() {
    }

    static ChangeDescriber.Described before(ReportState state, AssessmentEvent event) {
        if (event instanceof CidRowAddedEvent e) {
            return cid(state, e, e.criterion(), e.rowId().value(), e.revision(), null, "CID_ROW_ADDED", "เพิ่มแถว");
        }
        if (event instanceof CidRowEditedEvent e) {
            return cid(state, e, e.criterion(), e.rowId().value(), e.revision(), e.merge(), "CID_ROW_EDITED", "แก้แถว");
        }
        if (event instanceof CidRowRemovedEvent e) {
            ReportState.CidEntry removed = ChangeDescriber.sectionOf(state, e.criterion()).cid.get(e.rowId().value());
            return after -> ChangeDescriber.change(after, e, Place.criterion(e.criterion()).format(),
                                                   e.criterion().value(), null, "CID_ROW_REMOVED",
                                                   "cid/" + e.rowId().value(),
                                                   e.criterion().value() + " ตาราง C-I-D: ลบแถว "
                                                   + RowTexts.kindName(removed),
                                                   RowTexts.cidText(removed), "", null, null);
        }
        if (event instanceof KeyProcessAddedEvent e) {
            return keyProcess(state, e, e.processId(), e.process(), e.revision(), null, "KEY_PROCESS_ADDED", "เพิ่ม");
        }
        if (event instanceof KeyProcessEditedEvent e) {
            return keyProcess(state, e, e.processId(), e.process(), e.revision(), e.merge(), "KEY_PROCESS_EDITED",
                              "แก้");
        }
        if (event instanceof KeyProcessRemovedEvent e) {
            ReportState.KeyProcessEntry removed = state.keyProcesses.get(e.processId().value());
            String unlinked = e.unlinkedFrom().isEmpty() ? ""
                    : " และยกเลิกการเชื่อมโยงจาก " + e.unlinkedFrom().stream().map(CriterionId::value)
                                                        .collect(Collectors.joining(", "));
            String summary = "กระบวนการหลัก: ลบ " + (removed == null ? e.processId().value() : removed.name()) + unlinked;
            return after -> {
                String host = RowsFold.host(after);
                return ChangeDescriber.change(after, e, RowsFold.hostSection(host), host, null, "KEY_PROCESS_REMOVED",
                                              "keyProcesses/" + e.processId().value(), summary,
                                              RowTexts.keyProcessText(removed), "", null, null);
            };
        }
        if (event instanceof KeyProcessesLinkedEvent e) {
            String before = RowTexts.linkedNames(state, ChangeDescriber.sectionOf(state, e.criterion()).keyProcesses);
            return after -> ChangeDescriber.change(
                    after, e, Place.criterion(e.criterion()).format(), e.criterion().value(), null, "LINKS",
                    "links/keyProcesses", e.criterion().value() + " เชื่อมโยงกระบวนการหลัก", before,
                    RowTexts.linkedNames(after, ChangeDescriber.sectionOf(after, e.criterion()).keyProcesses), null,
                    null);
        }
        throw new IllegalArgumentException("unknown event " + event.getClass());
    }

    private static ChangeDescriber.Described cid(ReportState state, AssessmentEvent e, CriterionId criterion,
                                                 String rowId, long revision, Merge merge, String kind, String verb) {
        String before = RowTexts.cidText(ChangeDescriber.sectionOf(state, criterion).cid.get(rowId));
        return after -> {
            ReportState.CidEntry row = ChangeDescriber.sectionOf(after, criterion).cid.get(rowId);
            return ChangeDescriber.change(after, e, Place.criterion(criterion).format(), criterion.value(), null, kind,
                                          "cid/" + rowId,
                                          criterion.value() + " ตาราง C-I-D: " + verb + " " + RowTexts.kindName(row)
                                          + " ฉบับที่ " + revision + merged(merge),
                                          before, RowTexts.cidText(row), revision, merge);
        };
    }

    private static ChangeDescriber.Described keyProcess(ReportState state, AssessmentEvent e, KeyProcessId id,
                                                        KeyProcess process, long revision, Merge merge, String kind,
                                                        String verb) {
        String before = RowTexts.keyProcessText(state.keyProcesses.get(id.value()));
        return after -> {
            String host = RowsFold.host(after);
            return ChangeDescriber.change(after, e, RowsFold.hostSection(host), host, null, kind,
                                          "keyProcesses/" + id.value(),
                                          "กระบวนการหลัก: " + verb + " " + process.name() + " ("
                                          + process.stage().thai() + ") ฉบับที่ " + revision + merged(merge),
                                          before, RowTexts.keyProcessText(after.keyProcesses.get(id.value())),
                                          revision, merge);
        };
    }

    /** How a merged row revision came about, in Thai: whose edit of which revision met which. */
    static String merged(Merge merge) {
        return merge == null ? ""
                : " (รวมการแก้ไขที่เริ่มจากฉบับที่ " + merge.baseRevision() + " กับฉบับที่ " + merge.theirsRevision()
                  + ")";
    }
}
