package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A lead sent a section back to drafting. */
@Revision("1")
public record SectionReopenedEvent(AssessmentId assessmentId, Section section, String reason, Author author,
                                   Instant at) implements AssessmentEvent {
}
