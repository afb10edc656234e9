package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A lead approved a section; it refuses edits until reopened. */
@Revision("1")
public record SectionApprovedEvent(AssessmentId assessmentId, Section section, Author author, Instant at)
        implements AssessmentEvent {
}
