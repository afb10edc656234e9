package th.pmqa.studio.comment;

import org.axonframework.serialization.Revision;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;

import java.time.Instant;

/** A resolved thread was opened again. */
@Revision("1")
public record CommentThreadReopenedEvent(ThreadId threadId, AssessmentId assessmentId, String section,
                                         Author author, Instant at) implements CommentThreadEvent {
}
