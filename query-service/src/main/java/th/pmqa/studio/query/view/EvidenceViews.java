package th.pmqa.studio.query.view;

import th.pmqa.studio.query.model.EvidenceList;
import th.pmqa.studio.query.model.ReportState;

import java.util.List;

/** The report's evidence as views: every file at the report's root, with the section of the report it supports. */
public final class EvidenceViews {

    private EvidenceViews() {
    }

    public static List<EvidenceView> all(ReportState state) {
        return state.evidence.values().stream().map(e -> view(state, e)).toList();
    }

    private static EvidenceView view(ReportState state, ReportState.Evidence evidence) {
        return new EvidenceView(evidence.evidenceId(), evidence.fileName(), evidence.title(), evidence.contentType(),
                                evidence.size(), evidence.sha256(), evidence.place(), evidence.resultId(),
                                EvidenceList.placeOf(state, evidence).format(), evidence.author(), evidence.at());
    }
}
