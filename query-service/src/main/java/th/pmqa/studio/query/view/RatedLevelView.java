package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;

/** The level a sub-criterion was rated at (its Step-2): what the seed asks for beside any score. */
@Schema(name = "RatedLevel", description = "the level a sub-criterion was rated at (Step-2), what the seed asks for")
public record RatedLevelView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String criterionId, String title,
                             @Schema(types = {"string", "null"},
                                     description = "basic, advance or significance; null while not rated") Level level,
                             @Schema(types = {"string", "null"}) String levelName,
                             @Schema(types = {"integer", "null"}) Integer score) {
}
