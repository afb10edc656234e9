package th.pmqa.studio.query.comment;

import org.junit.jupiter.api.Test;
import th.pmqa.studio.comment.ThreadStatus;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.infra.testing.Personas.SOMSRI;

class ThreadChangesTest {


    private static CommentThreadView thread(String id, ThreadStatus status, long position, String... texts) {
        List<CommentThreadView.Comment> comments = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            comments.add(new CommentThreadView.Comment("c-" + id + "-" + i, texts[i], List.of(), SOMSRI,
                                                       Instant.EPOCH, position - texts.length + 1 + i));
        }
        return new CommentThreadView(id, "KKN-2567", "profile/1", status, SOMSRI, Instant.EPOCH,
                                     status == ThreadStatus.RESOLVED ? SOMSRI : null, null, List.of(), comments,
                                     position - texts.length + 1, position);
    }

    @Test
    void aThreadIsSentWhenItStartsAndEachTimeItMovesOnButNotWhileItStaysPut() {
        CommentThreadView a = thread("a", ThreadStatus.OPEN, 10, "ถาม");
        ThreadChanges changes = new ThreadChanges(null, List.of(a));

        assertThat(changes.next(List.of(a))).isEmpty();
        CommentThreadView b = thread("b", ThreadStatus.OPEN, 12, "เรื่องใหม่");
        CommentThreadView aReplied = thread("a", ThreadStatus.OPEN, 11, "ถาม", "ตอบ");
        assertThat(changes.next(List.of(b, aReplied))).containsExactly(aReplied, b);
        assertThat(changes.next(List.of(b, aReplied))).isEmpty();
    }

    @Test
    void withAStatusFilterAThreadThatStopsMatchingIsSentOnceMoreAndOneThatNeverMatchedIsNot() {
        CommentThreadView open = thread("open", ThreadStatus.OPEN, 10, "ถาม");
        CommentThreadView resolvedEarlier = thread("old", ThreadStatus.RESOLVED, 5, "เสร็จแล้ว");
        ThreadChanges changes = new ThreadChanges(ThreadStatus.OPEN, List.of(resolvedEarlier, open));

        assertThat(changes.shown(List.of(resolvedEarlier, open))).containsExactly(open);
        CommentThreadView nowResolved = thread("open", ThreadStatus.RESOLVED, 13, "ถาม");
        CommentThreadView resolvedFromTheStart = thread("new", ThreadStatus.RESOLVED, 14, "ปิดทันที");
        assertThat(changes.next(List.of(resolvedEarlier, nowResolved, resolvedFromTheStart))).containsExactly(nowResolved);
        CommentThreadView replyToResolved = thread("open", ThreadStatus.RESOLVED, 15, "ถาม", "อีกนิด");
        assertThat(changes.next(List.of(resolvedEarlier, replyToResolved, resolvedFromTheStart))).isEmpty();
        CommentThreadView reopened = thread("old", ThreadStatus.OPEN, 16, "เสร็จแล้ว");
        assertThat(changes.next(List.of(reopened, replyToResolved, resolvedFromTheStart))).containsExactly(reopened);
    }

    /** Two projection segments, or a node that read just before a write: an older copy never undoes a newer one. */
    @Test
    void anOlderCopyOfAThreadThanTheOneSentIsNotSent() {
        CommentThreadView newer = thread("a", ThreadStatus.OPEN, 20, "ถาม", "ตอบ");
        ThreadChanges changes = new ThreadChanges(null, List.of(newer));

        assertThat(changes.next(List.of(thread("a", ThreadStatus.OPEN, 19, "ถาม")))).isEmpty();
    }
}
