package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The named versions of a report, oldest first. */
@Schema(name = "Labels")
public record LabelsView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String assessmentId,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<LabelView> labels) {
}
