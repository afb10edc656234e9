package th.pmqa.studio.query.report;

import th.pmqa.studio.report.Place;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The report's evidence as the renderer lists it: all of it at the report's root, and per sub-criterion the files
 * that support it (named for one of its places, or for one of its results).
 */
public final class EvidenceList {

    private EvidenceList() {
    }

    public static List<Map<String, Object>> all(ReportState state) {
        return state.evidence.values().stream().map(e -> entry(state, e)).toList();
    }

    /** The evidence ids that support sub-criterion {@code criterionId}, in upload order. */
    public static List<String> of(ReportState state, String criterionId) {
        String section = Place.criterion(criterionId).format();
        return state.evidence.values().stream().filter(e -> sectionOf(state, e).equals(section))
                             .map(ReportState.Evidence::evidenceId).toList();
    }

    /**
     * The section of the report a file supports, as change entries name sections: a sub-criterion for its texts and
     * its results, an OP item or question for itself, else the place itself ({@code assessment} without one).
     */
    static String sectionOf(ReportState state, ReportState.Evidence evidence) {
        if (evidence.place() != null) {
            Place place = Place.parse(evidence.place()).orElse(Place.ASSESSMENT);
            return switch (place.kind()) {
                case ADR_PART, SUMMARY, ANALYSIS -> place.workflowSection().orElse(place).format();
                default -> place.format();
            };
        }
        if (evidence.resultId() != null) {
            for (Map.Entry<String, ReportState.CriterionSection> criterion : state.criteria.entrySet()) {
                if (criterion.getValue().results.containsKey(evidence.resultId())) {
                    return Place.criterion(criterion.getKey()).format();
                }
            }
        }
        return Place.ASSESSMENT.format();
    }

    static String describe(ReportState.Evidence evidence) {
        return evidence.fileName() + (evidence.title() == null ? "" : " — " + evidence.title()) + " (" + evidence.size()
               + " bytes, " + evidence.contentType() + ", sha256 " + evidence.sha256() + ")";
    }

    private static Map<String, Object> entry(ReportState state, ReportState.Evidence evidence) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("evidenceId", evidence.evidenceId());
        view.put("fileName", evidence.fileName());
        view.put("title", evidence.title());
        view.put("contentType", evidence.contentType());
        view.put("size", evidence.size());
        view.put("sha256", evidence.sha256());
        // "place", not "section": a section key marks a renderable section of the report for live updates
        view.put("place", evidence.place());
        view.put("resultId", evidence.resultId());
        view.put("supports", sectionOf(state, evidence));
        view.put("uploadedBy", evidence.author());
        view.put("uploadedAt", evidence.at());
        view.values().removeIf(Objects::isNull);
        return view;
    }
}
