package th.pmqa.studio.command.comment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.command.rejection.ConflictException;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.command.rejection.TextTooLongException;
import th.pmqa.studio.command.comment.commands.AddCommentCommand;
import th.pmqa.studio.comment.CommentAddedEvent;
import th.pmqa.studio.comment.CommentId;
import th.pmqa.studio.comment.CommentThreadReopenedEvent;
import th.pmqa.studio.comment.CommentThreadResolvedEvent;
import th.pmqa.studio.comment.CommentThreadStartedEvent;
import th.pmqa.studio.command.comment.commands.ReopenCommentThreadCommand;
import th.pmqa.studio.command.comment.commands.ResolveCommentThreadCommand;
import th.pmqa.studio.command.comment.commands.StartCommentThreadCommand;
import th.pmqa.studio.comment.ThreadId;
import th.pmqa.studio.comment.ThreadStatus;
import th.pmqa.studio.report.AssessmentId;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One discussion about one section of an assessment: its comments, and whether it is open or resolved.
 * <p>
 * Why not part of {@code Assessment}: a busy discussion must not contend with edits of the report (every command on
 * one aggregate queues for its lock, and across nodes collides on its sequence numbers), and comments are allowed
 * whatever the assessment's status, also after submission, when reviewers comment on a submitted report. So a
 * thread is its own consistency boundary; it records the assessment and section it is about, which the command side
 * checks once, when the thread is started.
 * <p>
 * Threads are short (a handful of comments), so they are neither cached nor snapshotted.
 */
@Aggregate
public class CommentThread {

    /** A comment is a remark, not a report section: far below the limit of report text. */
    static final int MAX_COMMENT_CHARS = 10_000;
    /**
     * The read side keeps a thread as one document: 200 comments of at most 10,000 characters stay far below MongoDB's
     * 16 MB, and a discussion that long belongs in a new thread.
     */
    static final int MAX_COMMENTS = 200;

    @AggregateIdentifier
    private ThreadId threadId;
    private AssessmentId assessmentId;
    private String section;
    private ThreadStatus status;
    private int comments;

    protected CommentThread() {
        // for Axon
    }

    @CommandHandler
    public CommentThread(StartCommentThreadCommand command) {
        Catalog catalog = Catalogs.load(command.catalogVersion()).orElseThrow(() -> new InvalidInputException(
                "catalogVersion", "no catalog " + command.catalogVersion()));
        if (command.section() == null) {
            throw new InvalidInputException("section", "section is required");
        }
        CommentSections.problem(catalog, command.section()).ifPresent(problem -> {
            throw new InvalidInputException("section", problem);
        });
        checkText(command.text());
        apply(new CommentThreadStartedEvent(command.threadId(), command.assessmentId(), command.section(),
                command.commentId(), command.text(), Mentions.in(command.text()), command.author(), now()));
    }

    @CommandHandler
    public CommentId handle(AddCommentCommand command) {
        belongsTo(command.threadId(), command.assessmentId());
        checkText(command.text());
        if (status == ThreadStatus.RESOLVED) {
            throw new ConflictException("thread-resolved", "threadId",
                    "Thread " + threadId + " is resolved; reopen it to reply");
        }
        if (comments >= MAX_COMMENTS) {
            throw new ConflictException("thread-full", "threadId", "Thread " + threadId + " holds " + MAX_COMMENTS
                    + " comments, as many as a thread may; start a new thread to go on");
        }
        apply(new CommentAddedEvent(threadId, assessmentId, section, command.commentId(), command.text(),
                Mentions.in(command.text()), command.author(), now()));
        return command.commentId();
    }

    @CommandHandler
    public ThreadStatus handle(ResolveCommentThreadCommand command) {
        belongsTo(command.threadId(), command.assessmentId());
        if (status == ThreadStatus.RESOLVED) {
            throw new ConflictException("thread-resolved", "threadId", "Thread " + threadId + " is resolved already");
        }
        apply(new CommentThreadResolvedEvent(threadId, assessmentId, section, command.author(), now()));
        return ThreadStatus.RESOLVED;
    }

    @CommandHandler
    public ThreadStatus handle(ReopenCommentThreadCommand command) {
        belongsTo(command.threadId(), command.assessmentId());
        if (status == ThreadStatus.OPEN) {
            throw new ConflictException("thread-open", "threadId", "Thread " + threadId + " is open already");
        }
        apply(new CommentThreadReopenedEvent(threadId, assessmentId, section, command.author(), now()));
        return ThreadStatus.OPEN;
    }

    @EventSourcingHandler
    void on(CommentThreadStartedEvent event) {
        threadId = event.threadId();
        assessmentId = event.assessmentId();
        section = event.section();
        status = ThreadStatus.OPEN;
        comments = 1;
    }

    @EventSourcingHandler
    void on(CommentAddedEvent event) {
        comments++;
    }

    @EventSourcingHandler
    void on(CommentThreadResolvedEvent event) {
        status = ThreadStatus.RESOLVED;
    }

    @EventSourcingHandler
    void on(CommentThreadReopenedEvent event) {
        status = ThreadStatus.OPEN;
    }

    /** A thread is addressed under its assessment's path; under another one it does not exist. */
    private void belongsTo(ThreadId addressed, AssessmentId requested) {
        if (!assessmentId.equals(requested)) {
            throw new NotFoundException("threadId", "assessment " + requested + " has no thread " + addressed);
        }
    }

    private static void checkText(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "a comment needs some text");
        }
        if (text.length() > MAX_COMMENT_CHARS) {
            long codePoints = text.codePoints().count();
            if (codePoints > MAX_COMMENT_CHARS) {
                throw new TextTooLongException("text", codePoints, MAX_COMMENT_CHARS);
            }
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
