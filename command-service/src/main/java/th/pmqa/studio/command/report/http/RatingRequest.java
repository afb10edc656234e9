package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

record RatingRequest(
        @Schema(requiredMode = REQUIRED, allowableValues = {"basic", "advance", "significance"}) String level,
        @Schema(requiredMode = REQUIRED, minimum = "300", maximum = "500",
                description = "within the level's band: basic 300–399, advance 400–469, significance 470–500")
        Integer score,
        @Schema(requiredMode = REQUIRED, minLength = 1) String rationale) {
}
