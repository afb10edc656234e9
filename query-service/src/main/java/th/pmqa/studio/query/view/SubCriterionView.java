package th.pmqa.studio.query.view;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.report.SectionStatus;

import java.util.List;

/**
 * A sub-criterion (เกณฑ์ย่อย) of categories 1–6: its review status, the Step-1 analysis (a working note, not counted by
 * completeness), its links, each level's A-D-R parts, the summary and rating, its score and completeness. Every
 * sub-criterion of category 6 lists the key processes it links to ({@code linkedKeyProcesses}), and the one hosting
 * the value chain (6.1) the key processes themselves ({@code keyProcesses}); both are absent elsewhere.
 * {@code prompts} (the catalog's hints for the analysis and the summary) is for a printed report, not in the JSON.
 */
@Schema(name = "ReportSubCriterion")
public record SubCriterionView(String section, String id, SectionStatus workflow, boolean changedSinceReady,
                               String title,
                               @Schema(types = {"object", "null"}) TextView analysis,
                               List<LinkedProfileItemView> profileItems,
                               List<LinkedIndicatorGroupView> indicatorGroups,
                               @JsonInclude(JsonInclude.Include.NON_NULL)
                               @Schema(description = "category 6 only") List<LinkedKeyProcessView> linkedKeyProcesses,
                               @JsonInclude(JsonInclude.Include.NON_NULL)
                               @Schema(description = "the sub-criterion hosting the value chain (6.1) only")
                               List<KeyProcessView> keyProcesses,
                               List<LevelView> levels,
                               @Schema(types = {"object", "null"}) TextView summary,
                               @Schema(types = {"object", "null"}) RatingView rating,
                               ScoreView score, CriterionCompletenessView completeness,
                               @JsonIgnore @Schema(hidden = true) CriterionPrompts prompts) {

    /** The catalog's hints for a sub-criterion's own texts (null where there is none). */
    public record CriterionPrompts(String analysis, String summary) {
    }
}
