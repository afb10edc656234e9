package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The full new answer to an OP question and the revision it now has; {@code merge} says how it came about when its
 * writer started from an older revision (null otherwise).
 */
@Revision("1")
public record ProfileQuestionAnsweredEvent(AssessmentId assessmentId, ProfileQuestionNumber question, String text,
        long revision, Author author, Instant at, Merge merge) implements TextEvent {

    /** An edit of the latest revision: no merge. */
    public ProfileQuestionAnsweredEvent(AssessmentId assessmentId, ProfileQuestionNumber question, String text,
            long revision, Author author, Instant at) {
        this(assessmentId, question, text, revision, author, at, null);
    }
}
