package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.report.Author;

import java.time.Instant;

/** The team's rating of a sub-criterion (Step-2): the level ({@code BASIC} …), the score and why. */
@Schema(name = "ReportRating")
public record RatingView(LevelKind level, int score, @Schema(types = {"string", "null"}) String rationale,
                         Author author, Instant at) {

    /** As the history and the HTML report write it: "ADVANCE 420: rationale". */
    public String asText() {
        return level.name() + " " + score + ": " + rationale;
    }
}
