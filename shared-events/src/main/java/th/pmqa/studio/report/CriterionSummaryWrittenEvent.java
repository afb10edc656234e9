package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The full new summary of a sub-criterion and the revision it now has. */
@Revision("1")
public record CriterionSummaryWrittenEvent(AssessmentId assessmentId, CriterionId criterion, String text, long revision,
                                           Author author, Instant at) implements AssessmentEvent {
}
