package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A piece of evidence was removed from the assessment; its bytes are deleted after this is stored. */
@Revision("1")
public record EvidenceRemovedEvent(AssessmentId assessmentId, EvidenceId evidenceId, Author author, Instant at)
        implements AssessmentEvent {
}
