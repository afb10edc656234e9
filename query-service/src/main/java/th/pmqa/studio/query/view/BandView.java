package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;

/** A score band of the catalog (Basic 300–399 …): members in alphabetical order, as the report always wrote them. */
@Schema(name = "ScoreBandOfReport")
public record BandView(String english, Level level, int max, int min,
                       @Schema(description = "the band's Thai name") String name) {
}
