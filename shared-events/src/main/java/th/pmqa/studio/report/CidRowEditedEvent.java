package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The full new content of a C-I-D row and the revision it now has; {@code merge} says how it came about when its
 * writer started from an older revision (null otherwise).
 */
@Revision("1")
public record CidRowEditedEvent(AssessmentId assessmentId, CriterionId criterion, CidRowId rowId, CidRow row,
                                long revision, Author author, Instant at, Merge merge) implements CidRowEvent {
}
