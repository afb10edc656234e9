package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;
import th.pmqa.studio.catalog.LevelKind;

import java.time.Instant;

/** The full new text of the Approach (A) part of a sub-criterion at one level, and the revision it now has. */
@Revision("1")
public record ApproachDraftedEvent(AssessmentId assessmentId, CriterionId criterion, LevelKind level, String text,
                                   long revision,
                                   Author author, Instant at) implements AssessmentEvent {
}
