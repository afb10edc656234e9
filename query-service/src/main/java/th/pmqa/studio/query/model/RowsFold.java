package th.pmqa.studio.query.model;

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
import th.pmqa.studio.report.Place;
import th.pmqa.studio.report.ValueChainStage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The part of {@link ReportFold} for revisioned rows: C-I-D worksheet rows (of their sub-criterion) and key processes
 * (written and reviewed with one sub-criterion, 6.1). Changes state only; {@link RowChanges} describes them.
 */
public final class RowsFold {

    private RowsFold() {
    }

    static void apply(ReportState state, AssessmentEvent event) {
        if (event instanceof CidRowAddedEvent e) {
            putCid(state, e, e.criterion(), e.rowId().value(), e.row(), e.revision());
        } else if (event instanceof CidRowEditedEvent e) {
            putCid(state, e, e.criterion(), e.rowId().value(), e.row(), e.revision());
        } else if (event instanceof CidRowRemovedEvent e) {
            state.criterion(e.criterion().value()).cid.remove(e.rowId().value());
        } else if (event instanceof KeyProcessAddedEvent e) {
            putKeyProcess(state, e, e.processId(), e.process(), e.revision());
        } else if (event instanceof KeyProcessEditedEvent e) {
            putKeyProcess(state, e, e.processId(), e.process(), e.revision());
        } else if (event instanceof KeyProcessRemovedEvent e) {
            state.keyProcesses.remove(e.processId().value());
            for (CriterionId criterion : e.unlinkedFrom()) {
                state.criterion(criterion.value()).keyProcesses.remove(e.processId().value());
                // the unlinked sub-criterion changed too: its reviewer must read it again
                String section = Place.criterion(criterion).format();
                if ("READY_FOR_REVIEW".equals(state.workflow.get(section))) {
                    state.changedSinceReady.add(section);
                }
            }
        } else if (event instanceof KeyProcessesLinkedEvent e) {
            state.criterion(e.criterion().value()).keyProcesses =
                    new ArrayList<>(e.keyProcesses().stream().map(KeyProcessId::value).toList());
        } else {
            throw new IllegalArgumentException("unknown event " + event.getClass());
        }
    }

    private static void putCid(ReportState state, AssessmentEvent e, CriterionId criterion, String rowId, CidRow row,
                               long revision) {
        state.criterion(criterion.value()).cid.put(rowId, new ReportState.CidEntry(
                rowId, row.kind().name(), row.data(), row.output(), row.process(), row.need(), revision, e.author(),
                e.at()));
    }

    private static void putKeyProcess(ReportState state, AssessmentEvent e, KeyProcessId id, KeyProcess process,
                                      long revision) {
        state.keyProcesses.put(id.value(), new ReportState.KeyProcessEntry(
                id.value(), process.name(), process.nationalStrategy(), process.objectives(), process.competitiveness(),
                process.outputs(), process.successFactors(), process.leadingIndicators(), process.stage().pathName(),
                revision, e.author(), e.at()));
    }

    /** The sub-criterion key processes are written and reviewed with, in the report's catalog (6.1). */
    public static String host(ReportState state) {
        Catalog catalog = ReportCatalog.of(state);
        return KeyProcess.host(catalog).map(th.pmqa.studio.catalog.Criterion::id).orElse(null);
    }

    /** The section of a change to the key processes: their host sub-criterion's, or the assessment's without one. */
    public static String hostSection(String host) {
        return hostPlace(host).format();
    }

    static Place hostPlace(String host) {
        return host == null ? Place.ASSESSMENT : Place.criterion(host);
    }

    /** A sub-criterion's C-I-D rows in the seed's order: C, I, D, each kind in the order its rows were added. */
    public static List<ReportState.CidEntry> worksheet(ReportState.CriterionSection section) {
        return section.cid.values().stream()
                          .sorted(Comparator.comparingInt(r -> CidKind.fromCode(r.kind()).map(Enum::ordinal).orElse(3)))
                          .toList();
    }

    /** The key processes along the value chain: upstream, midstream, downstream, each in the order added. */
    public static List<ReportState.KeyProcessEntry> valueChain(ReportState state) {
        return state.keyProcesses.values().stream()
                                 .sorted(Comparator.comparingInt(p -> ValueChainStage.fromPath(p.stage())
                                                                                     .map(Enum::ordinal).orElse(3)))
                                 .toList();
    }
}
