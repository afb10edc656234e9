package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

record WindowRequest(@Schema(requiredMode = REQUIRED, format = "date-time", example = "2026-12-01T00:00:00Z") String opensAt,
                     @Schema(requiredMode = REQUIRED, format = "date-time", example = "2027-01-31T17:00:00Z") String closesAt) {
}
