package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A score of a sub-criterion or a category, rounded to one decimal, and the band that rounded value falls in; both
 * null while nothing in it is rated.
 */
@Schema(name = "PartScore")
public record ScoreView(@Schema(types = {"number", "null"}) Double value,
                        @Schema(types = {"object", "null"}, description = "the band the value falls in") BandView band) {
}
