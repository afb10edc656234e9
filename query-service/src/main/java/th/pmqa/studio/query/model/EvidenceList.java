package th.pmqa.studio.query.model;

import th.pmqa.studio.report.Place;

import java.util.List;
import java.util.Map;

/**
 * The report's evidence: all of it at the report's root, and per sub-criterion the files that support it (named for
 * one of its places, or for one of its results).
 */
public final class EvidenceList {

    private EvidenceList() {
    }

    /** The evidence ids that support sub-criterion {@code criterionId}, in upload order. */
    public static List<String> of(ReportState state, String criterionId) {
        Place section = Place.criterion(criterionId);
        return state.evidence.values().stream().filter(e -> placeOf(state, e).equals(section))
                             .map(ReportState.Evidence::evidenceId).toList();
    }

    /**
     * The section of the report a file supports, as change entries name sections: a sub-criterion for its texts and
     * its results, an OP item or question for itself, else the place itself (the assessment without one, or for
     * evidence the state does not know).
     */
    public static Place placeOf(ReportState state, ReportState.Evidence evidence) {
        if (evidence == null) {
            return Place.ASSESSMENT;
        }
        if (evidence.place() != null) {
            Place place = Place.parse(evidence.place()).orElse(Place.ASSESSMENT);
            return switch (place.kind()) {
                case ADR_PART, SUMMARY, ANALYSIS -> place.workflowSection().orElse(place);
                default -> place;
            };
        }
        if (evidence.resultId() != null) {
            for (Map.Entry<String, ReportState.CriterionSection> criterion : state.criteria.entrySet()) {
                if (criterion.getValue().results.containsKey(evidence.resultId())) {
                    return Place.criterion(criterion.getKey());
                }
            }
        }
        return Place.ASSESSMENT;
    }

    static String describe(ReportState.Evidence evidence) {
        return evidence.fileName() + (evidence.title() == null ? "" : " — " + evidence.title()) + " (" + evidence.size()
               + " bytes, " + evidence.contentType() + ", sha256 " + evidence.sha256() + ")";
    }
}
