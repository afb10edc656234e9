package th.pmqa.studio.query.comment;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.comment.ThreadStatus;
import th.pmqa.studio.report.Author;

import java.time.Instant;
import java.util.List;

/**
 * A comment thread as read: its section, status and comments, oldest first. Also the shape of the answer.
 *
 * @param mentions  everyone mentioned anywhere in the thread, in order of first mention
 * @param position  the global position of the thread's last event: the checkpoint that makes replays idempotent
 */
@Schema(name = "CommentThread")
public record CommentThreadView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String threadId,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String assessmentId,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "criteria/1.1/basic/approach")
                                String section,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ThreadStatus status,
                                Author startedBy, Instant startedAt,
                                @Schema(types = {"object", "null"}, description = "who resolved it, while resolved")
                                Author resolvedBy,
                                @Schema(types = {"string", "null"}, format = "date-time") Instant resolvedAt,
                                List<String> mentions,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Comment> comments,
                                @Schema(description = "global position of the thread's first event") long startPosition,
                                @Schema(description = "global position of the thread's last event") long position) {

    /** One comment of a thread; {@code mentions}: user ids after an {@code @} in its text. */
    @Schema(name = "Comment")
    public record Comment(String commentId, String text, List<String> mentions, Author author, Instant at,
                          long position) {
    }
}
