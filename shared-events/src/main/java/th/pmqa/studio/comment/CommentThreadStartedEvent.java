package th.pmqa.studio.comment;

import org.axonframework.serialization.Revision;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;

import java.time.Instant;
import java.util.List;

/** A thread was started on a section with its first comment; {@code mentions}: user ids after an {@code @}. */
@Revision("1")
public record CommentThreadStartedEvent(ThreadId threadId, AssessmentId assessmentId, String section,
                                        CommentId commentId, String text, List<String> mentions,
                                        Author author, Instant at) implements CommentThreadEvent {
}
