package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A submitted report became editable again. */
@Revision("1")
public record AssessmentReopenedEvent(AssessmentId assessmentId, String reason,
                                      Author author, Instant at) implements AssessmentEvent {
}
