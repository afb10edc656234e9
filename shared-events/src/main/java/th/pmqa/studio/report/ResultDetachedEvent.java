package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;
import th.pmqa.studio.catalog.LevelKind;

import java.time.Instant;

/** An attached result was removed. */
@Revision("1")
public record ResultDetachedEvent(AssessmentId assessmentId, CriterionId criterion, LevelKind level, ResultId resultId,
                                  Author author, Instant at) implements AssessmentEvent {
}
