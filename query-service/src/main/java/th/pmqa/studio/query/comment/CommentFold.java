package th.pmqa.studio.query.comment;

import th.pmqa.studio.comment.CommentAddedEvent;
import th.pmqa.studio.comment.CommentThreadEvent;
import th.pmqa.studio.comment.CommentThreadReopenedEvent;
import th.pmqa.studio.comment.CommentThreadResolvedEvent;
import th.pmqa.studio.comment.CommentThreadStartedEvent;
import th.pmqa.studio.comment.ThreadStatus;
import th.pmqa.studio.query.model.ChangeEntry;
import th.pmqa.studio.report.Place;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Pure: a thread view and an event give the next view, and the event's entry in the section history. */
public final class CommentFold {

    private CommentFold() {
    }

    /** The thread after {@code event}; {@code before} is null for the event that starts it. */
    public static CommentThreadView apply(CommentThreadView before, CommentThreadEvent event, long position) {
        if (event instanceof CommentThreadStartedEvent e) {
            return new CommentThreadView(e.threadId().value(), e.assessmentId().value(), e.section(), ThreadStatus.OPEN,
                    e.author(), e.at(), null, null, List.copyOf(e.mentions()),
                    List.of(new CommentThreadView.Comment(e.commentId().value(), e.text(), List.copyOf(e.mentions()),
                            e.author(), e.at(), position)), position, position);
        }
        CommentThreadView thread = existing(before, event);
        if (event instanceof CommentAddedEvent e) {
            List<CommentThreadView.Comment> comments = new ArrayList<>(thread.comments());
            comments.add(new CommentThreadView.Comment(e.commentId().value(), e.text(), List.copyOf(e.mentions()),
                    e.author(), e.at(), position));
            LinkedHashSet<String> mentions = new LinkedHashSet<>(thread.mentions());
            mentions.addAll(e.mentions());
            return new CommentThreadView(thread.threadId(), thread.assessmentId(), thread.section(), thread.status(),
                    thread.startedBy(), thread.startedAt(), thread.resolvedBy(), thread.resolvedAt(),
                    List.copyOf(mentions), List.copyOf(comments), thread.startPosition(), position);
        }
        if (event instanceof CommentThreadResolvedEvent e) {
            return new CommentThreadView(thread.threadId(), thread.assessmentId(), thread.section(),
                    ThreadStatus.RESOLVED, thread.startedBy(), thread.startedAt(), e.author(), e.at(),
                    thread.mentions(), thread.comments(), thread.startPosition(), position);
        }
        if (event instanceof CommentThreadReopenedEvent) {
            return new CommentThreadView(thread.threadId(), thread.assessmentId(), thread.section(), ThreadStatus.OPEN,
                    thread.startedBy(), thread.startedAt(), null, null, thread.mentions(), thread.comments(),
                    thread.startPosition(), position);
        }
        throw new IllegalArgumentException("unknown comment event " + event.getClass().getName());
    }

    private static CommentThreadView existing(CommentThreadView before, CommentThreadEvent event) {
        if (before == null) {
            throw new IllegalStateException("no view of thread " + event.threadId() + " before "
                                            + event.getClass().getSimpleName());
        }
        return before;
    }

    /**
     * The event as an entry of its section's history: {@code criteria/<id>}, {@code profile/<item>} or
     * {@code profile/questions/<number>}, like the report's changes, with {@code what} naming the commented part
     * ({@code basic/approach}, {@code summary}, {@code analysis}, {@code text} of an OP item or question's answer).
     */
    public static ChangeEntry entry(CommentThreadEvent event, long position) {
        Place place = Place.parse(event.section()).orElseThrow(
                () -> new IllegalArgumentException("comment on no place of the report: " + event.section()));
        // the history is kept per OP item, OP question and sub-criterion; a sub-criterion's text is named in what
        Place historySection = place instanceof Place.OpItem || place instanceof Place.OpQuestion ? place
                : place.workflowSection().orElse(place);
        String section = historySection.format();
        String criterionId = historySection instanceof Place.SubCriterion c ? c.criterion().value() : null;
        Integer item = place instanceof Place.OpItem i ? i.item() : null;
        String what = place instanceof Place.OpItem || place instanceof Place.OpQuestion ? "text"
                : place instanceof Place.AdrText text ? text.key()
                : place instanceof Place.Summary ? "summary"
                : place instanceof Place.Analysis ? "analysis" : "";
        String thread = "thread " + event.threadId().value();
        String assessment = event.assessmentId().value();
        if (event instanceof CommentThreadStartedEvent e) {
            return new ChangeEntry(position, assessment, e.at(), e.author(), section, criterionId, item, "COMMENT", what,
                    "comment on " + what + " (" + thread + ", new): " + e.text(), "", e.text(), List.of());
        }
        if (event instanceof CommentAddedEvent e) {
            return new ChangeEntry(position, assessment, e.at(), e.author(), section, criterionId, item, "COMMENT", what,
                    "comment on " + what + " (" + thread + "): " + e.text(), "", e.text(), List.of());
        }
        if (event instanceof CommentThreadResolvedEvent) {
            return new ChangeEntry(position, assessment, event.at(), event.author(), section, criterionId, item,
                    "COMMENT_RESOLVED", what, thread + " on " + what + " resolved", "OPEN", "RESOLVED", List.of());
        }
        return new ChangeEntry(position, assessment, event.at(), event.author(), section, criterionId, item,
                "COMMENT_REOPENED", what, thread + " on " + what + " reopened", "RESOLVED", "OPEN", List.of());
    }
}
