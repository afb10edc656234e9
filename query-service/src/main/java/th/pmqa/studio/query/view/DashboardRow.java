package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Criterion;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.report.Author;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One assessment on the facilitators' dashboard, with its review progress and the close of its submission window
 * (null when none is set). {@code editorsLast24h} and {@code activeEditors} (people editing it
 * right now, from presence) are filled in when the row is shown, never stored.
 */
public record DashboardRow(String assessmentId, String organizationCode, String organizationName,
                           String organizationType, int fiscalYear, String status, long position,
                           int adrDrafted, int adrTotal, int profileDrafted, int profileTotal,
                           int criteriaRated, int criteriaTotal, Map<String, Object> score,
                           Instant lastChangeAt, Author lastAuthor, Map<String, Instant> lastEditBy,
                           Map<Integer, Integer> adrDraftedPerCategory,
                           @Schema(types = {"object", "null"}, description = "null in a row stored before rows had it "
                                                                             + "(until the next change or a rebuild)")
                           ReviewProgress review,
                           @Schema(types = {"string", "null"}, format = "date-time",
                                   description = "when the submission window closes; null when none is set")
                           Instant windowClosesAt, Integer editorsLast24h, Integer activeEditors,
                           @Schema(types = {"object", "null"}, description = "per sub-criterion id, in catalog order, "
                                                                             + "its rated level and drafted parts (the "
                                                                             + "heatmap); null in a row stored before "
                                                                             + "rows had it (until the next change or a "
                                                                             + "rebuild)")
                           Map<String, DashboardCell> criteria) {

    public static DashboardRow of(ReportState state) {
        Catalog catalog = ReportViewBuilder.catalogOf(state);
        Map<Integer, Integer> perCategory = new TreeMap<>();
        for (Criterion c : catalog.criteria()) {
            ReportState.CriterionSection section = state.criteria.get(c.id());
            int drafted = section == null ? 0 : (int) section.parts.values().stream().filter(ReportState.Text::isDrafted).count();
            perCategory.merge(c.category(), drafted, Integer::sum);
        }
        return new DashboardRow(state.assessmentId, state.organizationCode, state.organizationName,
                                state.organizationType, state.fiscalYear, state.status, state.position,
                                ReportViewBuilder.adrDrafted(state), catalog.criteria().size() * ReportViewBuilder.ADR_PARTS_PER_CRITERION,
                                ReportViewBuilder.profileDrafted(state), catalog.profileItems().size(),
                                ReportViewBuilder.ratedCount(state), catalog.criteria().size(),
                                score(state, catalog), state.lastChangeAt, state.lastAuthor,
                                new TreeMap<>(state.lastEditBy), perCategory, ReportViewBuilder.reviewProgress(state, catalog),
                                state.windowClosesAt, null, null, DashboardCell.of(state, catalog));
    }

    /**
     * The report's overall score as the open object rows have always stored and described (stored rows are read back
     * as they were written): the members of the report's {@code score}, in its order.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> score(ReportState state, Catalog catalog) {
        return ReportJson.MAPPER.convertValue(ScoreViews.overall(state, catalog), Map.class);
    }

    /** The row as shown at {@code now}: how many people edited in the 24 hours before it. */
    public DashboardRow at(Instant now) {
        Instant since = now.minus(Duration.ofHours(24));
        int editors = (int) lastEditBy.values().stream().filter(t -> !t.isBefore(since)).count();
        return new DashboardRow(assessmentId, organizationCode, organizationName, organizationType, fiscalYear, status,
                                position, adrDrafted, adrTotal, profileDrafted, profileTotal, criteriaRated,
                                criteriaTotal, score, lastChangeAt, lastAuthor, lastEditBy, adrDraftedPerCategory, review,
                                windowClosesAt, editors, activeEditors, criteria);
    }

    /** The row with the number of people editing it right now (from presence, never stored). */
    public DashboardRow withActiveEditors(int editing) {
        return new DashboardRow(assessmentId, organizationCode, organizationName, organizationType, fiscalYear, status,
                                position, adrDrafted, adrTotal, profileDrafted, profileTotal, criteriaRated,
                                criteriaTotal, score, lastChangeAt, lastAuthor, lastEditBy, adrDraftedPerCategory, review,
                                windowClosesAt, editorsLast24h, editing, criteria);
    }
}
