package th.pmqa.studio.comment;

import org.axonframework.serialization.Revision;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;

import java.time.Instant;

/** A thread was settled; it takes no replies until reopened. */
@Revision("1")
public record CommentThreadResolvedEvent(ThreadId threadId, AssessmentId assessmentId, String section,
                                         Author author, Instant at) implements CommentThreadEvent {
}
