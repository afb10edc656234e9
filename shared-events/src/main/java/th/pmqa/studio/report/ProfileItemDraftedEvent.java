package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The full new text of an OP item and the revision it now has. */
@Revision("1")
public record ProfileItemDraftedEvent(AssessmentId assessmentId, int item, String text, long revision,
                                      Author author, Instant at) implements AssessmentEvent {
}
