package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The report was handed in; it refuses edits until reopened.
 * <p>Revision 2 added {@code overrideReason} and {@code unapprovedSections}: submitted although those sections were
 * not approved, for that reason (revision 1 events read as null: submitted before sections had a workflow).
 */
@Revision("2")
public record AssessmentSubmittedEvent(AssessmentId assessmentId, Author author, Instant at, String overrideReason,
                                       List<Section> unapprovedSections) implements AssessmentEvent {

    /** Submitted with every section approved. */
    public AssessmentSubmittedEvent(AssessmentId assessmentId, Author author, Instant at) {
        this(assessmentId, author, at, null, null);
    }
}
