package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The complete list of indicator groups a sub-criterion now reports results in. */
@Revision("1")
public record ResultIndicatorsLinkedEvent(AssessmentId assessmentId, CriterionId criterion, List<String> indicatorGroups,
                                          Author author, Instant at) implements AssessmentEvent {
}
