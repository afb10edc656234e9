package th.pmqa.studio.query.model;

import th.pmqa.studio.report.CidKind;
import th.pmqa.studio.report.CidRow;
import th.pmqa.studio.report.KeyProcess;
import th.pmqa.studio.report.ValueChainStage;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Revisioned rows read as text: a C-I-D row or a key process is one line per field headed by the seed's Thai column
 * name, so the history's word diff shows exactly the fields that changed. Functions of the state only.
 */
public final class RowTexts {

    private RowTexts() {
    }

    public static String kindName(ReportState.CidEntry row) {
        return row == null ? ""
                : CidKind.fromCode(row.kind()).map(k -> k.english() + " (" + k.name() + ")").orElse(row.kind());
    }

    public static String stageName(String stage) {
        return ValueChainStage.fromPath(stage).map(ValueChainStage::thai).orElse(stage);
    }

    /** A C-I-D row as text: its kind, then each column under the seed's heading ("" for no row). */
    public static String cidText(ReportState.CidEntry row) {
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
    public static String keyProcessText(ReportState.KeyProcessEntry process) {
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

    public static String worksheetText(ReportState.CriterionSection section) {
        return RowsFold.worksheet(section).stream().map(RowTexts::cidText).collect(Collectors.joining("\n\n"));
    }

    public static String keyProcessesText(ReportState state) {
        return RowsFold.valueChain(state).stream().map(RowTexts::keyProcessText).collect(Collectors.joining("\n\n"));
    }

    /** Linked key processes by name (by id for one no longer there). */
    public static String linkedNames(ReportState state, List<String> ids) {
        return ids.stream().map(id -> state.keyProcesses.containsKey(id) ? state.keyProcesses.get(id).name() : id)
                  .collect(Collectors.joining(", "));
    }
}
