package th.pmqa.studio.query.report;

import th.pmqa.studio.query.diff.TextDiff;
import th.pmqa.studio.query.history.ChangeEntry;
import th.pmqa.studio.text.DiffBudget;

/**
 * Describes a change for the history: the change entry with the word diff of its before and after. The projector
 * calls this once per change and stores the entry; history, the change feed and live updates read the stored diff,
 * time travel needs none. The diff is bounded ({@link DiffBudget#ofOneText()}): a rewrite too large to diff word by
 * word is stored with a coarse diff and {@code coarseDiff} set.
 */
public final class ChangeDescriber {

    private ChangeDescriber() {
    }

    public static ChangeEntry describe(ReportChange change) {
        TextDiff.Result diff = TextDiff.between(change.before(), change.after(), DiffBudget.ofOneText());
        return new ChangeEntry(change.position(), change.assessmentId(), change.at(), change.author(), change.section(),
                               change.criterionId(), change.profileItem(), change.kind(), change.what(), change.summary(),
                               change.before(), change.after(), diff.chunks(), diff.coarse(), change.revision(),
                               change.merge());
    }
}
