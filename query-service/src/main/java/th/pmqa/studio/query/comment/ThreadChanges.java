package th.pmqa.studio.query.comment;

import th.pmqa.studio.comment.ThreadStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a comment stream sends after its first list: from one read of an assessment's threads to the next, each thread
 * that is new or has moved on (a reply, resolved, reopened), in the order of its last change. With a status filter a
 * thread is sent while it matches, and once more when it stops matching (resolved while the stream shows open
 * threads), so a client can take it off its list. Not thread-safe: one per stream.
 */
final class ThreadChanges {

    private final ThreadStatus wanted;
    /** Thread id → the position last seen and whether the thread matched then. */
    private final Map<String, Seen> seen = new HashMap<>();

    private record Seen(long position, boolean matched) {
    }

    /**
     * @param first every thread of the stream's section and mentions filters when it began, whatever its status:
     *              those that match were sent in the first list, the others were rightly left out
     */
    ThreadChanges(ThreadStatus wanted, List<CommentThreadView> first) {
        this.wanted = wanted;
        first.forEach(this::remember);
    }

    /** The threads of {@code all} the first list shows. */
    List<CommentThreadView> shown(List<CommentThreadView> all) {
        return all.stream().filter(this::matches).toList();
    }

    /** The threads of {@code now} to send, and remembers them. */
    List<CommentThreadView> next(List<CommentThreadView> now) {
        List<CommentThreadView> send = new ArrayList<>();
        for (CommentThreadView thread : now) {
            Seen before = seen.get(thread.threadId());
            if (before != null && before.position() >= thread.position()) {
                continue;
            }
            boolean matches = matches(thread);
            if (matches || (before != null && before.matched())) {
                send.add(thread);
            }
            seen.put(thread.threadId(), new Seen(thread.position(), matches));
        }
        send.sort(java.util.Comparator.comparingLong(CommentThreadView::position));
        return send;
    }

    private void remember(CommentThreadView thread) {
        seen.put(thread.threadId(), new Seen(thread.position(), matches(thread)));
    }

    private boolean matches(CommentThreadView thread) {
        return wanted == null || thread.status() == wanted;
    }
}
