package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

record Revised(@Schema(requiredMode = REQUIRED) String resultId,
               @Schema(requiredMode = REQUIRED, description = "false when the result already said exactly this: "
                                                             + "nothing new was stored") boolean stored) {
}
