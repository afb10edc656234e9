package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The full new Step-1 analysis of a sub-criterion and the revision it now has; {@code merge} says how it came about
 * when its writer started from an older revision (null otherwise).
 */
@Revision("1")
public record CriterionAnalysisWrittenEvent(AssessmentId assessmentId, CriterionId criterion, String text,
        long revision, Author author, Instant at, Merge merge) implements TextEvent {

    /** An edit of the latest revision: no merge. */
    public CriterionAnalysisWrittenEvent(AssessmentId assessmentId, CriterionId criterion, String text,
            long revision, Author author, Instant at) {
        this(assessmentId, criterion, text, revision, author, at, null);
    }
}
