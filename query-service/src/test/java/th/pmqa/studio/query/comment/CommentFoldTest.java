package th.pmqa.studio.query.comment;

import org.junit.jupiter.api.Test;
import th.pmqa.studio.comment.CommentId;
import th.pmqa.studio.comment.CommentThreadStartedEvent;
import th.pmqa.studio.comment.ThreadId;
import th.pmqa.studio.query.model.ChangeEntry;
import th.pmqa.studio.report.AssessmentId;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.infra.testing.Personas.SOMSRI;

/** A comment is an entry of the history of the section its text is in, named as the report's changes name it. */
class CommentFoldTest {

    private static ChangeEntry entryOf(String section) {
        return CommentFold.entry(new CommentThreadStartedEvent(new ThreadId("t-1"), new AssessmentId("KKN-2567"), section,
                new CommentId("c-1"), "ควรเพิ่มแผนผัง", List.of(), SOMSRI,
                Instant.parse("2024-05-01T03:00:00Z")), 7);
    }

    @Test
    void aCommentOnTheAnswerToAnOpQuestionIsInThatQuestionsHistory() {
        ChangeEntry entry = entryOf("profile/questions/6");

        assertThat(List.of(entry.section(), entry.what(), entry.kind())).containsExactly("profile/questions/6", "text",
                                                                                          "COMMENT");
        assertThat(entry.profileItem()).isNull();
        assertThat(entry.criterionId()).isNull();
    }

    @Test
    void aCommentOnTheStepOneAnalysisIsInItsSubCriterionsHistoryAsAnAnalysisComment() {
        ChangeEntry entry = entryOf("criteria/1.1/analysis");

        assertThat(List.of(entry.section(), entry.criterionId(), entry.what())).containsExactly("criteria/1.1", "1.1",
                                                                                                 "analysis");
    }

    @Test
    void aCommentOnAnOpItemStaysInThatItemsHistory() {
        ChangeEntry entry = entryOf("profile/3");

        assertThat(List.of(entry.section(), entry.what())).containsExactly("profile/3", "text");
        assertThat(entry.profileItem()).isEqualTo(3);
    }
}
