package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.command.report.commands.SavedText;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * What became of a text edit. {@code merged}: the edit started from an older revision and was merged with what
 * others saved since; {@code text} is then the merged text the writer has not seen yet.
 */
record Revision(@Schema(requiredMode = REQUIRED) long revision,
                @Schema(requiredMode = REQUIRED, description = "false when the text already was what this edit "
                                                                + "would make it: nothing new was stored")
                boolean stored,
                @Schema(requiredMode = REQUIRED) boolean merged,
                @Schema(types = {"string", "null"}, description = "the merged text; null when not merged") String text,
                @Schema(types = {"integer", "null"}, description = "the revision the edit started from, when merged")
                Long baseRevision,
                @Schema(types = {"integer", "null"}, description = "the revision it was merged with, when merged")
                Long mergedWithRevision) {

    static Revision of(SavedText saved) {
        return saved.merged()
                ? new Revision(saved.revision(), saved.stored(), true, saved.mergedText(),
                               saved.merge().baseRevision(), saved.merge().theirsRevision())
                : new Revision(saved.revision(), saved.stored(), false, null, null, null);
    }
}
