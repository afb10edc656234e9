package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Why an assessment or a section is reopened. */
record ReopenRequest(@Schema(requiredMode = REQUIRED, minLength = 1) String reason) {
}
