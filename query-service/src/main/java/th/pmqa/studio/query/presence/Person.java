package th.pmqa.studio.query.presence;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Someone on an assessment right now, as lists and streams show them (one per person and browser tab). */
@Schema(name = "PresencePerson")
public record Person(@Schema(requiredMode = REQUIRED) String userId,
                     @Schema(requiredMode = REQUIRED, description = "display name from the token") String name,
                     @Schema(requiredMode = REQUIRED, types = {"string", "null"},
                             description = "criteria/{id}, profile/{item}, assessment, or null for no particular section")
                     String section,
                     @Schema(requiredMode = REQUIRED, allowableValues = {"viewing", "editing"}) String activity,
                     @Schema(requiredMode = REQUIRED, description = "since when in this section with this activity")
                     Instant since,
                     @Schema(requiredMode = REQUIRED, description = "last heartbeat") Instant seenAt) {
}
