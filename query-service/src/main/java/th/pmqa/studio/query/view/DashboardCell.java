package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Criterion;
import th.pmqa.studio.query.model.ReportState;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * One sub-criterion of one assessment as the dashboard's heatmap colours it: the level it was rated at and how many
 * of its A-D-R parts are drafted. Part of the row, so the heatmap of every assessment needs no report per assessment
 * (200 reports for 200 rows) and follows the same stream, conflation and position as the row.
 */
@Schema(name = "DashboardCell")
public record DashboardCell(
        @Schema(requiredMode = REQUIRED, types = {"string", "null"}, allowableValues = {"basic", "advance", "significance"},
                description = "the rated level; null while not rated") String level,
        @Schema(requiredMode = REQUIRED, minimum = "0", maximum = "9",
                description = "A-D-R parts drafted, of 9 (three levels, A, D and R each)") int adrDrafted) {

    /** Every sub-criterion of the catalog, in its order. */
    static Map<String, DashboardCell> of(ReportState state, Catalog catalog) {
        Map<String, DashboardCell> cells = new LinkedHashMap<>();
        for (Criterion criterion : catalog.criteria()) {
            ReportState.CriterionSection section = state.criteria.get(criterion.id());
            int drafted = section == null ? 0
                    : (int) section.parts.values().stream().filter(ReportState.Text::isDrafted).count();
            String level = section == null || section.rating == null ? null : section.rating.level().pathName();
            cells.put(criterion.id(), new DashboardCell(level, drafted));
        }
        return cells;
    }
}
