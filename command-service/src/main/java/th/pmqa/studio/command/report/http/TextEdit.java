package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

record TextEdit(
        @Schema(requiredMode = REQUIRED, description = "stored exactly as sent; no NUL, no lone surrogate")
        String text,
        @Schema(requiredMode = REQUIRED, minimum = "0", maximum = CommandRequests.MAX_REVISION_TEXT,
                description = "the revision this edit started from (0: never written); a whole number up to "
                              + "2^53 − 1 (what every JSON client reads exactly). A revision the text does not "
                              + "have yet cannot be merged with: 409, unless the text already is what was sent")
        Long baseRevision) {
}
