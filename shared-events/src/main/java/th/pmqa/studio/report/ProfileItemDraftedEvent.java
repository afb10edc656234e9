package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The full new text of an OP item and the revision it now has.
 * <p>Revision 2 added {@code merge}: how the text came about when its writer started from an older revision
 * (revision 1 events read as {@code merge = null}).
 */
@Revision("2")
public record ProfileItemDraftedEvent(AssessmentId assessmentId, int item, String text,
        long revision, Author author, Instant at, Merge merge) implements TextEvent {

    /** An edit of the latest revision: no merge. */
    public ProfileItemDraftedEvent(AssessmentId assessmentId, int item, String text,
            long revision, Author author, Instant at) {
        this(assessmentId, item, text, revision, author, at, null);
    }
}
