package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;

/** The overall score with how many of the sub-criteria it rests on are rated. */
@Schema(name = "Score", description = "an estimate by this tool's rule (see estimatedScore): the weighted mean of "
                                      + "the ratings; null while nothing is rated")
public record OverallScoreView(@Schema(types = {"number", "null"}) Double value,
                               @Schema(types = {"object", "null"}, description = "the band the value falls in")
                               BandView band,
                               int rated, int criteria) {
}
