package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** What changed in a report between two moments ({@code from}, {@code to}: their global positions), section by section. */
@Schema(name = "ReportDiff", description = "what changed between two points in time, section by section")
public record ReportDiffView(String assessmentId, Point from, Point to, List<String> changedSections,
                             List<ReportChangeView> changes) {

    /** A moment of the report, as the global position it stood at. */
    @Schema(name = "ReportDiffPoint")
    public record Point(long position) {
    }
}
