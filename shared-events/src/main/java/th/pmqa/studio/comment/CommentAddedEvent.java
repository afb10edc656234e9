package th.pmqa.studio.comment;

import org.axonframework.serialization.Revision;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;

import java.time.Instant;
import java.util.List;

/** A reply was added to an open thread; {@code mentions}: user ids after an {@code @}. */
@Revision("1")
public record CommentAddedEvent(ThreadId threadId, AssessmentId assessmentId, String section, CommentId commentId,
                                String text, List<String> mentions, Author author, Instant at)
        implements CommentThreadEvent {
}
