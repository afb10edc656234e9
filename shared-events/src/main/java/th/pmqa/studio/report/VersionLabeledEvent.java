package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The report as it stood when this event was stored carries this name; the event's global position is the version. */
@Revision("1")
public record VersionLabeledEvent(AssessmentId assessmentId, String label, Author author, Instant at)
        implements AssessmentEvent {
}
