package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The overall score named for what it is: an estimate by this tool's rule with weights of the catalog's data
 * ({@code weightsSource} "tool": the seed gives no weights and no formula), with the rule in English and Thai.
 */
@Schema(name = "EstimatedScore", description = "the overall score named for what it is: the seed gives no weights "
                                               + "and no formula, so this is an estimate by the tool's own rule "
                                               + "with the catalog's weights; the same value and band as score")
public record EstimatedScoreView(@Schema(types = {"number", "null"}) Double value,
                                 @Schema(types = {"object", "null"}, description = "the band the value falls in")
                                 BandView band,
                                 int rated, int criteria,
                                 @Schema(types = {"string", "null"},
                                         description = "where the weights come from: tool (this tool's own choice) or "
                                                       + "seed; null for a catalog that does not say")
                                 String weightsSource,
                                 @Schema(types = {"string", "null"}, description = "the rule, in English")
                                 String estimateRule,
                                 @Schema(types = {"string", "null"}, description = "the rule, in Thai")
                                 String estimateRuleThai) {
}
