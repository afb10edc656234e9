package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;
import th.pmqa.studio.catalog.LevelKind;

import java.time.Instant;

/**
 * The full new text of the Approach (A) part of a sub-criterion at one level, and the revision it now has.
 * <p>Revision 2 added {@code merge}: how the text came about when its writer started from an older revision
 * (revision 1 events read as {@code merge = null}).
 */
@Revision("2")
public record ApproachDraftedEvent(AssessmentId assessmentId, CriterionId criterion, LevelKind level, String text,
        long revision, Author author, Instant at, Merge merge) implements TextEvent {

    /** An edit of the latest revision: no merge. */
    public ApproachDraftedEvent(AssessmentId assessmentId, CriterionId criterion, LevelKind level, String text,
            long revision, Author author, Instant at) {
        this(assessmentId, criterion, level, text, revision, author, at, null);
    }
}
