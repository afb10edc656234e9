package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

record ExtendRequest(@Schema(requiredMode = REQUIRED, format = "date-time") String closesAt,
                     @Schema(requiredMode = REQUIRED, minLength = 1) String reason) {
}
