package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.report.AssessmentStatus;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

record Status(@Schema(requiredMode = REQUIRED) AssessmentStatus status) {
}
