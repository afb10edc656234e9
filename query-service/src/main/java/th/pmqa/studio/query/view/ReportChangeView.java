package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.query.model.ChangeEntry;
import th.pmqa.studio.query.model.TextDiff;

import java.util.List;

/** One part of a report that differs between two moments: its section, which part, the text before and after, the diff. */
@Schema(name = "ReportChange")
public record ReportChangeView(String section, String what, String before, String after, List<TextDiff.Chunk> diff,
                               @Schema(description = COARSE_DIFF) boolean coarseDiff) {

    /** How the OpenAPI description explains {@code coarseDiff}, here and in the change feed and the history. */
    public static final String COARSE_DIFF = ChangeEntry.COARSE_DIFF;
}
