package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The report may be edited and submitted from {@code opensAt} until {@code closesAt}. */
@Revision("1")
public record SubmissionWindowSetEvent(AssessmentId assessmentId, Instant opensAt, Instant closesAt, Author author,
                                       Instant at) implements AssessmentEvent {
}
