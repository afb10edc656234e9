package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.query.model.TextDiff;

import java.util.List;

/** One part of a report that differs between two moments: its section, which part, the text before and after, the diff. */
@Schema(name = "ReportChange")
public record ReportChangeView(String section, String what, String before, String after, List<TextDiff.Chunk> diff,
                               @Schema(description = COARSE_DIFF) boolean coarseDiff) {

    /** How the OpenAPI description explains {@code coarseDiff}, here and in the change feed and the history. */
    public static final String COARSE_DIFF = "true when the diff is coarse: diffing is bounded, and where a rewrite "
            + "was too large to diff word by word within that bound, the diff shows the changed part as one DELETE and "
            + "one INSERT (its changed lines, less the words they begin and end with in common); before and after are "
            + "exact either way. false for an ordinary word diff";
}
