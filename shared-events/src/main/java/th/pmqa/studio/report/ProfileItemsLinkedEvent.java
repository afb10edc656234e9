package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The complete list of OP items a sub-criterion now refers to. */
@Revision("1")
public record ProfileItemsLinkedEvent(AssessmentId assessmentId, CriterionId criterion, List<Integer> profileItems,
                                      Author author, Instant at) implements AssessmentEvent {
}
