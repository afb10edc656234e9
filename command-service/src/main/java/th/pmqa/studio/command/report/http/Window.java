package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

record Window(@Schema(requiredMode = REQUIRED) String assessmentId, @Schema(format = "date-time") String opensAt,
              @Schema(format = "date-time") String closesAt) {
}
