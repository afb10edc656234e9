package th.pmqa.studio.query.view;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.catalog.AdrPart;

import java.util.List;

/**
 * One level of a sub-criterion: its A-D-R parts (each null while never written), the results attached to it and, at
 * the Advance level only, the C-I-D worksheet (the seed's table behind that level; absent at the other levels).
 * The level's requirement texts live in the catalog (GET /api/catalog): repeating them in every section update
 * would multiply what a live stream sends to each subscriber, so they are in {@code guidance}, which the JSON leaves
 * out.
 */
@Schema(name = "ReportLevel")
public record LevelView(Level level,
                        @Schema(types = {"object", "null"}) TextView approach,
                        @Schema(types = {"object", "null"}) TextView deploy,
                        @Schema(types = {"object", "null"}) TextView result,
                        List<ResultView> results,
                        @JsonInclude(JsonInclude.Include.NON_NULL)
                        @Schema(description = "the C-I-D worksheet, at the advance level only") List<CidRowView> cid,
                        @JsonIgnore @Schema(hidden = true) LevelGuidance guidance) {

    public TextView part(AdrPart part) {
        return switch (part) {
            case APPROACH -> approach;
            case DEPLOY -> deploy;
            case RESULT -> result;
        };
    }

    /** The catalog's writing prompt for a part, or null. */
    public String prompt(AdrPart part) {
        return guidance == null ? null : switch (part) {
            case APPROACH -> guidance.approachPrompt();
            case DEPLOY -> guidance.deployPrompt();
            case RESULT -> guidance.resultPrompt();
        };
    }
}
