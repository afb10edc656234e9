package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The window now closes at {@code closesAt} instead of {@code previousClosesAt}. */
@Revision("1")
public record SubmissionWindowExtendedEvent(AssessmentId assessmentId, Instant closesAt, Instant previousClosesAt,
                                            String reason, Author author, Instant at) implements AssessmentEvent {
}
