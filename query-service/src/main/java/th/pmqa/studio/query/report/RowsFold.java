package th.pmqa.studio.query.report;

import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.CidKind;
import th.pmqa.studio.report.CidRow;
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
import th.pmqa.studio.report.ValueChainStage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The part of {@link ReportFold} for revisioned rows: C-I-D worksheet rows (changes of their sub-criterion) and key
 * processes (changes of the sub-criterion they are written with, 6.1). A row is described as text, one line per
 * field headed by the seed's Thai column name, so the history's word diff shows exactly the fields that changed.
 */
final class RowsFold {

    private RowsFold() {
    }

    static ReportChange fold(ReportState state, AssessmentEvent event, long position) {
        ReportFold.edited(state, event);
        if (event instanceof CidRowAddedEvent e) {
            return cid(state, position, e, e.criterion(), e.rowId().value(), e.row(), e.revision(), null,
                       "CID_ROW_ADDED", "เพิ่มแถว");
        }
        if (event instanceof CidRowEditedEvent e) {
            return cid(state, position, e, e.criterion(), e.rowId().value(), e.row(), e.revision(), e.merge(),
                       "CID_ROW_EDITED", "แก้แถว");
        }
        if (event instanceof CidRowRemovedEvent e) {
            ReportState.CriterionSection section = state.criterion(e.criterion().value());
            ReportState.CidEntry removed = section.cid.remove(e.rowId().value());
            return ReportFold.change(position, e, Place.criterion(e.criterion()).format(), e.criterion().value(),
                                     "CID_ROW_REMOVED", "cid/" + e.rowId().value(),
                                     e.criterion().value() + " ตาราง C-I-D: ลบแถว " + kindName(removed),
                                     cidText(removed), "", null, null);
        }
        if (event instanceof KeyProcessAddedEvent e) {
            return keyProcess(state, position, e, e.processId(), e.process(), e.revision(), null, "KEY_PROCESS_ADDED",
                              "เพิ่ม");
        }
        if (event instanceof KeyProcessEditedEvent e) {
            return keyProcess(state, position, e, e.processId(), e.process(), e.revision(), e.merge(),
                              "KEY_PROCESS_EDITED", "แก้");
        }
        if (event instanceof KeyProcessRemovedEvent e) {
            ReportState.KeyProcessEntry removed = state.keyProcesses.remove(e.processId().value());
            for (CriterionId criterion : e.unlinkedFrom()) {
                state.criterion(criterion.value()).keyProcesses.remove(e.processId().value());
                // the unlinked sub-criterion changed too: its reviewer must read it again
                String section = Place.criterion(criterion).format();
                if ("READY_FOR_REVIEW".equals(state.workflow.get(section))) {
                    state.changedSinceReady.add(section);
                }
            }
            String unlinked = e.unlinkedFrom().isEmpty() ? ""
                    : " และยกเลิกการเชื่อมโยงจาก " + e.unlinkedFrom().stream().map(CriterionId::value)
                                                        .collect(Collectors.joining(", "));
            String host = host(state);
            return ReportFold.change(position, e, hostSection(host), host,
                                     "KEY_PROCESS_REMOVED", "keyProcesses/" + e.processId().value(),
                                     "กระบวนการหลัก: ลบ " + (removed == null ? e.processId().value() : removed.name())
                                     + unlinked, keyProcessText(removed), "", null, null);
        }
        if (event instanceof KeyProcessesLinkedEvent e) {
            ReportState.CriterionSection section = state.criterion(e.criterion().value());
            String before = linkedNames(state, section.keyProcesses);
            section.keyProcesses = new ArrayList<>(e.keyProcesses().stream().map(KeyProcessId::value).toList());
            return ReportFold.change(position, e, Place.criterion(e.criterion()).format(), e.criterion().value(), "LINKS",
                                     "links/keyProcesses", e.criterion().value() + " เชื่อมโยงกระบวนการหลัก", before,
                                     linkedNames(state, section.keyProcesses), null, null);
        }
        throw new IllegalArgumentException("unknown event " + event.getClass());
    }

    private static ReportChange cid(ReportState state, long position, AssessmentEvent e, CriterionId criterion,
                                    String rowId, CidRow row, long revision, Merge merge, String kind, String verb) {
        ReportState.CriterionSection section = state.criterion(criterion.value());
        ReportState.CidEntry before = section.cid.get(rowId);
        ReportState.CidEntry after = new ReportState.CidEntry(rowId, row.kind().name(), row.data(), row.output(),
                                                              row.process(), row.need(), revision, e.author(), e.at());
        section.cid.put(rowId, after);
        return ReportFold.change(position, e, Place.criterion(criterion).format(), criterion.value(), kind, "cid/" + rowId,
                                 criterion.value() + " ตาราง C-I-D: " + verb + " " + kindName(after) + " ฉบับที่ "
                                 + revision + merged(merge), cidText(before), cidText(after), revision, merge);
    }

    private static ReportChange keyProcess(ReportState state, long position, AssessmentEvent e, KeyProcessId id,
                                           KeyProcess process, long revision, Merge merge, String kind, String verb) {
        ReportState.KeyProcessEntry before = state.keyProcesses.get(id.value());
        ReportState.KeyProcessEntry after = new ReportState.KeyProcessEntry(
                id.value(), process.name(), process.nationalStrategy(), process.objectives(), process.competitiveness(),
                process.outputs(), process.successFactors(), process.leadingIndicators(), process.stage().pathName(),
                revision, e.author(), e.at());
        state.keyProcesses.put(id.value(), after);
        String host = host(state);
        return ReportFold.change(position, e, hostSection(host), host, kind,
                                 "keyProcesses/" + id.value(), "กระบวนการหลัก: " + verb + " " + process.name() + " ("
                                 + process.stage().thai() + ") ฉบับที่ " + revision + merged(merge),
                                 keyProcessText(before), keyProcessText(after), revision, merge);
    }

    /** The sub-criterion key processes are written and reviewed with, in the report's catalog (6.1). */
    static String host(ReportState state) {
        Catalog catalog = ReportViewBuilder.catalogOf(state);
        return KeyProcess.host(catalog).map(th.pmqa.studio.catalog.Criterion::id).orElse(null);
    }

    static String merged(Merge merge) {
        return merge == null ? ""
                : " (รวมการแก้ไขที่เริ่มจากฉบับที่ " + merge.baseRevision() + " กับฉบับที่ " + merge.theirsRevision()
                  + ")";
    }

    static String kindName(ReportState.CidEntry row) {
        return row == null ? ""
                : CidKind.fromCode(row.kind()).map(k -> k.english() + " (" + k.name() + ")").orElse(row.kind());
    }

    static String stageName(String stage) {
        return ValueChainStage.fromPath(stage).map(ValueChainStage::thai).orElse(stage);
    }

    /** A C-I-D row as text: its kind, then each column under the seed's heading ("" for no row). */
    static String cidText(ReportState.CidEntry row) {
        if (row == null) {
            return "";
        }
        return CidRow.KIND_HEADING + ": " + kindName(row) + "\n"
               + CidRow.DATA_HEADING + ": " + row.data() + "\n"
               + CidRow.OUTPUT_HEADING + ": " + row.output() + "\n"
               + CidRow.PROCESS_HEADING + ": " + row.process() + "\n"
               + CidRow.NEED_HEADING + ": " + row.need();
    }

    /** A key process as text: each field under the seed's heading ("" for no process). */
    static String keyProcessText(ReportState.KeyProcessEntry process) {
        if (process == null) {
            return "";
        }
        return KeyProcess.NAME_HEADING + ": " + process.name() + "\n"
               + KeyProcess.STAGE_HEADING + ": " + stageName(process.stage()) + "\n"
               + KeyProcess.NATIONAL_STRATEGY_HEADING + ": " + process.nationalStrategy() + "\n"
               + KeyProcess.OBJECTIVES_HEADING + ": " + process.objectives() + "\n"
               + KeyProcess.COMPETITIVENESS_HEADING + ": " + process.competitiveness() + "\n"
               + KeyProcess.OUTPUTS_HEADING + ": " + process.outputs() + "\n"
               + KeyProcess.SUCCESS_FACTORS_HEADING + ": " + process.successFactors() + "\n"
               + KeyProcess.LEADING_INDICATORS_HEADING + ": " + process.leadingIndicators();
    }

    /** A sub-criterion's C-I-D rows in the seed's order: C, I, D, each kind in the order its rows were added. */
    static List<ReportState.CidEntry> worksheet(ReportState.CriterionSection section) {
        return section.cid.values().stream()
                          .sorted(Comparator.comparingInt(r -> CidKind.fromCode(r.kind()).map(Enum::ordinal).orElse(3)))
                          .toList();
    }

    /** The key processes along the value chain: upstream, midstream, downstream, each in the order added. */
    static List<ReportState.KeyProcessEntry> valueChain(ReportState state) {
        return state.keyProcesses.values().stream()
                                 .sorted(Comparator.comparingInt(p -> ValueChainStage.fromPath(p.stage())
                                                                                     .map(Enum::ordinal).orElse(3)))
                                 .toList();
    }

    static String worksheetText(ReportState.CriterionSection section) {
        return worksheet(section).stream().map(RowsFold::cidText).collect(Collectors.joining("\n\n"));
    }

    static String keyProcessesText(ReportState state) {
        return valueChain(state).stream().map(RowsFold::keyProcessText).collect(Collectors.joining("\n\n"));
    }

    static String linkedNames(ReportState state, List<String> ids) {
        return ids.stream().map(id -> state.keyProcesses.containsKey(id) ? state.keyProcesses.get(id).name() : id)
                  .collect(Collectors.joining(", "));
    }

    /** The section of a change to the key processes: their host sub-criterion's, or the assessment's without one. */
    static String hostSection(String host) {
        return (host == null ? Place.ASSESSMENT : Place.criterion(host)).format();
    }
}
