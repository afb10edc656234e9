package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A row was removed from a sub-criterion's C-I-D worksheet. */
@Revision("1")
public record CidRowRemovedEvent(AssessmentId assessmentId, CriterionId criterion, CidRowId rowId, Author author,
                                 Instant at) implements CidRowEvent {
}
