package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.report.SectionStatus;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

record SectionState(@Schema(requiredMode = REQUIRED, example = "criteria/1.1") String section,
                    @Schema(requiredMode = REQUIRED) SectionStatus status) {
}
