package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

record Rated(@Schema(requiredMode = REQUIRED) String criterionId, @Schema(requiredMode = REQUIRED) String level,
             @Schema(requiredMode = REQUIRED) int score) {
}
