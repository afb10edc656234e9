package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A row was added to a sub-criterion's C-I-D worksheet; it starts at {@code revision} 1. */
@Revision("1")
public record CidRowAddedEvent(AssessmentId assessmentId, CriterionId criterion, CidRowId rowId, CidRow row,
                               long revision, Author author, Instant at) implements CidRowEvent {
}
