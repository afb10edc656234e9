package th.pmqa.studio.query.comment;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;
import th.pmqa.studio.comment.CommentThreadEvent;
import th.pmqa.studio.query.store.CommentLogStore;
import th.pmqa.studio.query.projection.AssessmentProjector;

/**
 * Comment threads and their entries in the section history. Part of the assessment projection's processor, not a
 * processor of its own: one tracking token for all read models, so a rebuild (which resets that processor) drops
 * and refills comments too, the projection status and lag cover them, the segments are balanced between query nodes
 * with the rest, and a section's history never shows comments from further ahead than its changes. A thread's events
 * come from one aggregate, so one segment handles them, in order.
 * <p>
 * Each event is written at once, idempotently: the history entry by the event's position, then the thread, whose
 * stored position is the checkpoint (an event at or below it was applied already and is skipped).
 */
@Component
@ProcessingGroup(AssessmentProjector.PROCESSING_GROUP)
public class CommentProjector {

    private final CommentThreadStore threads;
    private final CommentLogStore log;

    public CommentProjector(CommentThreadStore threads, CommentLogStore log) {
        this.threads = threads;
        this.log = log;
    }

    @EventHandler
    public void on(CommentThreadEvent event, TrackingToken token) {
        apply(event, token.position().orElseThrow(() -> new IllegalStateException("no global position")));
    }

    /** Applies one event at its global position; applying it again changes nothing. */
    public void apply(CommentThreadEvent event, long position) {
        log.save(CommentFold.entry(event, position));
        CommentThreadView before = threads.load(event.threadId().value()).orElse(null);
        if (before != null && before.position() >= position) {
            return;
        }
        threads.save(CommentFold.apply(before, event, position));
    }

    @ResetHandler
    public void reset() {
        threads.drop();
        log.drop();
    }
}
