package th.pmqa.studio.comment;

import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;

import java.time.Instant;

/**
 * Every event of a comment thread. Each one names the assessment and section, so that a projection (the section
 * history above all) needs no other read to place it.
 */
public sealed interface CommentThreadEvent
        permits CommentThreadStartedEvent, CommentAddedEvent, CommentThreadResolvedEvent, CommentThreadReopenedEvent {

    ThreadId threadId();

    AssessmentId assessmentId();

    String section();

    Author author();

    Instant at();
}
