package th.pmqa.studio.query.comment;

import org.junit.jupiter.api.Test;
import th.pmqa.studio.comment.CommentAddedEvent;
import th.pmqa.studio.comment.CommentId;
import th.pmqa.studio.comment.CommentThreadEvent;
import th.pmqa.studio.comment.CommentThreadReopenedEvent;
import th.pmqa.studio.comment.CommentThreadResolvedEvent;
import th.pmqa.studio.comment.CommentThreadStartedEvent;
import th.pmqa.studio.comment.ThreadId;
import th.pmqa.studio.comment.ThreadStatus;
import th.pmqa.studio.report.AssessmentId;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.infra.testing.Personas.SOMSRI;

/**
 * Java 17 has no exhaustive switch over a sealed hierarchy: a new comment event fails this test until it has a sample
 * here with the history kind it is filed under (the history's entry would otherwise call it a reopening).
 */
class CommentFoldCoversEveryEventTest {

    private static final ThreadId THREAD = new ThreadId("t-1");
    private static final AssessmentId ASSESSMENT = new AssessmentId("KKN-2567");
    private static final Instant AT = Instant.parse("2024-03-01T02:00:00Z");
    private static final String SECTION = "criteria/1.1/basic/approach";

    @Test
    void everyCommentEventMovesTheThreadOnAndIsFiledUnderItsOwnKind() {
        Map<CommentThreadEvent, String> kinds = new LinkedHashMap<>();
        kinds.put(new CommentThreadStartedEvent(THREAD, ASSESSMENT, SECTION, new CommentId("c-1"), "ควรเพิ่มแผนผัง",
                                                List.of(), SOMSRI, AT), "COMMENT");
        kinds.put(new CommentAddedEvent(THREAD, ASSESSMENT, SECTION, new CommentId("c-2"), "เพิ่มแล้ว", List.of(),
                                        SOMSRI, AT.plusSeconds(60)), "COMMENT");
        kinds.put(new CommentThreadResolvedEvent(THREAD, ASSESSMENT, SECTION, SOMSRI, AT.plusSeconds(120)),
                  "COMMENT_RESOLVED");
        kinds.put(new CommentThreadReopenedEvent(THREAD, ASSESSMENT, SECTION, SOMSRI, AT.plusSeconds(180)),
                  "COMMENT_REOPENED");

        assertThat(kinds.keySet().stream().map(Object::getClass).toList())
                .containsExactlyInAnyOrder(CommentThreadEvent.class.getPermittedSubclasses());
        assertThat(Arrays.stream(CommentThreadEvent.class.getPermittedSubclasses())).noneMatch(Class::isSealed);
        CommentThreadView thread = null;
        long position = 0;
        for (Map.Entry<CommentThreadEvent, String> sample : kinds.entrySet()) {
            thread = CommentFold.apply(thread, sample.getKey(), ++position);
            assertThat(thread.position()).isEqualTo(position);
            assertThat(CommentFold.entry(sample.getKey(), position).kind())
                    .as(sample.getKey().getClass().getSimpleName()).isEqualTo(sample.getValue());
        }
        assertThat(thread.status()).isEqualTo(ThreadStatus.OPEN);
        assertThat(thread.comments()).hasSize(2);
    }
}
