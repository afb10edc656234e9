package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;
import th.pmqa.studio.catalog.LevelKind;

import java.time.Instant;

/** The team's self-assessed score for a sub-criterion, inside the band of {@code level}. */
@Revision("1")
public record LevelRatedEvent(AssessmentId assessmentId, CriterionId criterion, LevelKind level, int score,
                              String rationale,
                              Author author, Instant at) implements AssessmentEvent {
}
