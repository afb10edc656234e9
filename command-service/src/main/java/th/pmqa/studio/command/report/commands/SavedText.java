package th.pmqa.studio.command.report.commands;

import th.pmqa.studio.command.answer.EditAnswer;
import th.pmqa.studio.report.Merge;

/**
 * What a text edit came to: the text's revision after it; whether this edit stored anything ({@code stored} is
 * false when the text already was what the edit would make it); and when the edit started from an older revision and
 * was merged with what others saved since, the resulting text (which the writer has not seen yet) and the merge.
 */
public record SavedText(long revision, boolean stored, String mergedText, Merge merge) implements EditAnswer {

    /** The edit was stored as sent, as this revision. */
    public static SavedText written(long revision) {
        return new SavedText(revision, true, null, null);
    }

    /** The text already was exactly what was sent: nothing stored. */
    public static SavedText unchanged(long revision) {
        return new SavedText(revision, false, null, null);
    }

    @Override
    public boolean merged() {
        return merge != null;
    }
}
