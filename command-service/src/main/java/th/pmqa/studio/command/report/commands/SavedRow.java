package th.pmqa.studio.command.report.commands;

import th.pmqa.studio.command.answer.EditAnswer;
import th.pmqa.studio.report.Merge;

/**
 * What an edit of a revisioned row (a C-I-D row, a key process) came to: the row's revision after it; whether this
 * edit stored anything ({@code stored} is false when the row already was what the edit would make it); the row as it
 * stands now; and, when the edit started from an older revision and was merged field by field with what others saved
 * since, the merge.
 */
public record SavedRow<T>(long revision, boolean stored, T row, Merge merge) implements EditAnswer {

    @Override
    public boolean merged() {
        return merge != null;
    }
}
