package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A section went from drafting to ready for review. */
@Revision("1")
public record SectionMarkedReadyEvent(AssessmentId assessmentId, Section section, Author author, Instant at)
        implements AssessmentEvent {
}
