package th.pmqa.studio.query.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.report.AssessmentStatus;

import java.util.List;

/**
 * The Application Report as of a global position, in the order of the seed's report: OP, categories 1–6 with A-D-R
 * per level, links, summaries and ratings, and category 7 results; with the review progress, the named versions and
 * the scores. {@code submitOverride} (why it was submitted with sections not approved) is absent unless it was.
 */
@Schema(name = "Report", description = "the Application Report as of a position: OP, categories 1–6 with A-D-R "
                                       + "per level, links, summaries and ratings, and category 7 results. Each "
                                       + "sub-criterion's Advance level carries its C-I-D worksheet (cid: rowId, "
                                       + "kind C|I|D, kindName, data, output, process, need, revision, author, at); "
                                       + "6.1 carries the key processes along the value chain (keyProcesses: "
                                       + "processId, name, stage, stageName, nationalStrategy, objectives, "
                                       + "competitiveness, outputs, successFactors, leadingIndicators, revision, "
                                       + "author, at) and every sub-criterion of category 6 the ones it links to "
                                       + "(linkedKeyProcesses: processId, name, stage)")
public record ReportView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String assessmentId,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OrganizationView organization,
                         int fiscalYear, String catalogVersion, AssessmentStatus status,
                         @Schema(types = {"object", "null"}, description = "null when none is set")
                         SubmissionWindowView submissionWindow,
                         ReviewProgress workflow, List<LabelView> labels,
                         @JsonInclude(JsonInclude.Include.NON_NULL)
                         @Schema(description = "why it was submitted with sections not approved; absent unless it was")
                         String submitOverride,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "global position reflected")
                         long position,
                         LastChangeView lastChange, OverallScoreView score, EstimatedScoreView estimatedScore,
                         @Schema(description = "every sub-criterion in catalog order with the level it was rated at")
                         List<RatedLevelView> ratedLevels,
                         ProfileView profile, List<CategoryView> categories, List<ResultDimensionView> results) {
}
