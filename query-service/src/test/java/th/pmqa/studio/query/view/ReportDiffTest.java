package th.pmqa.studio.query.view;

import th.pmqa.studio.query.model.ReportFold;
import th.pmqa.studio.query.model.ReportState;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.query.model.TextDiff;
import th.pmqa.studio.report.AssessmentEvent;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static th.pmqa.studio.catalog.LevelKind.ADVANCE;
import static th.pmqa.studio.catalog.LevelKind.BASIC;
import static th.pmqa.studio.query.model.TestEvents.*;

@SuppressWarnings("unchecked")
class ReportDiffTest {

    private static List<ReportChangeView> changes(ReportDiffView diff) {
        return diff.changes();
    }

    @Test
    void identicalStatesHaveNoChanges() {
        List<AssessmentEvent> events = everyEventType();
        ReportDiffView diff = ReportDiff.between(ReportFold.replay(events), ReportFold.replay(events));

        assertThat(changes(diff)).isEmpty();
        assertThat(diff.changedSections()).isEmpty();
        assertThat(diff).returns("KKN-2567", ReportDiffView::assessmentId);
    }

    @Test
    void onlyChangedSectionsAreListedWithWhatChangedAndAWordDiff() {
        List<AssessmentEvent> events = List.of(
                opened(),
                profile(3, "ประชาชนในจังหวัด", 1, SOMCHAI, 1),
                profile(4, "ไม่เปลี่ยน", 1, SOMCHAI, 2),
                approach("1.1", BASIC, "ผู้บริหารกำหนดทิศทางองค์การ", 1, SOMCHAI, 3),
                summary("2.1", "คงเดิม", 1, SOMCHAI, 4),
                // ---- from here on only in "to"
                approach("1.1", BASIC, "ผู้บริหารร่วมกันกำหนดทิศทางองค์การ", 2, SUDA, 5),
                profile(3, "ประชาชนและนักท่องเที่ยวในจังหวัด", 2, SUDA, 6),
                rated("1.2", ADVANCE, 420, "เชิงรุก", SUDA, 7),
                linkedProfile("1.1", List.of(1, 3), SUDA, 8),
                submitted(SUDA, 9));
        ReportState from = ReportFold.replay(events.subList(0, 5));
        ReportState to = ReportFold.replay(events);

        ReportDiffView diff = ReportDiff.between(from, to);

        assertThat(changes(diff)).extracting(c -> c.section(), c -> c.what())
                                 .containsExactly(tuple("assessment", "status"),
                                                  tuple("profile/3", "text"),
                                                  tuple("criteria/1.1", "links/profile"),
                                                  tuple("criteria/1.1", "basic/approach"),
                                                  tuple("criteria/1.2", "rating"));
        assertThat(diff.changedSections())
                .containsExactly("assessment", "profile/3", "criteria/1.1", "criteria/1.2");
        assertThat(diff.from()).isEqualTo(new ReportDiffView.Point(5));
        assertThat(diff.to()).isEqualTo(new ReportDiffView.Point(10));

        ReportChangeView approach = changes(diff).get(3);
        assertThat(approach).returns("ผู้บริหารกำหนดทิศทางองค์การ", ReportChangeView::before)
                            .returns("ผู้บริหารร่วมกันกำหนดทิศทางองค์การ", ReportChangeView::after);
        assertThat(approach.diff()).containsExactly(
                new TextDiff.Chunk(TextDiff.Op.EQUAL, "ผู้บริหาร"),
                new TextDiff.Chunk(TextDiff.Op.INSERT, "ร่วมกัน"),
                new TextDiff.Chunk(TextDiff.Op.EQUAL, "กำหนดทิศทางองค์การ"));
        assertThat(approach).returns(false, ReportChangeView::coarseDiff);

        ReportChangeView status = changes(diff).get(0);
        assertThat(status).returns("OPEN", ReportChangeView::before).returns("SUBMITTED", ReportChangeView::after);
        ReportChangeView rating = changes(diff).get(4);
        assertThat(rating).returns("", ReportChangeView::before).returns("ADVANCE 420: เชิงรุก", ReportChangeView::after);
    }

    @Test
    void aTextRewrittenToTheSameWordsIsNoChangeEvenWithANewRevision() {
        ReportState from = ReportFold.replay(List.of(opened(), summary("1.1", "สรุป", 1, SOMCHAI, 1)));
        ReportState to = ReportFold.replay(List.of(opened(), summary("1.1", "สรุป", 1, SOMCHAI, 1),
                                                   summary("1.1", "สรุป", 2, SUDA, 2)));

        assertThat(changes(ReportDiff.between(from, to))).isEmpty();
    }

    @Test
    void goingBackInTimeSwapsBeforeAndAfter() {
        List<AssessmentEvent> events = List.of(opened(), approach("1.1", BASIC, "เดิม", 1, SOMCHAI, 1),
                                               approach("1.1", BASIC, "ใหม่", 2, SOMCHAI, 2));
        ReportState older = ReportFold.replay(events.subList(0, 2));
        ReportState newer = ReportFold.replay(events);

        ReportChangeView forward = changes(ReportDiff.between(older, newer)).get(0);
        ReportChangeView backward = changes(ReportDiff.between(newer, older)).get(0);
        assertThat(backward.before()).isEqualTo(forward.after());
        assertThat(backward.after()).isEqualTo(forward.before());
    }

    @Test
    void attachedAndDetachedResultsShowUpAsResultsOfTheirLevel() {
        List<AssessmentEvent> events = List.of(opened(),
                                               attached("3.1", ADVANCE, "r-1", "7.3.1", "อัตราการลาออก", SOMCHAI, 1),
                                               attached("3.1", BASIC, "r-2", "7.3.2", "ชั่วโมงอบรม", SOMCHAI, 2),
                                               detached("3.1", ADVANCE, "r-1", SOMCHAI, 3));
        ReportState from = ReportFold.replay(events.subList(0, 2));
        ReportState to = ReportFold.replay(events);

        List<ReportChangeView> changes = changes(ReportDiff.between(from, to));
        assertThat(changes).extracting(c -> c.section(), c -> c.what())
                           .containsExactly(tuple("criteria/3.1", "results/basic"),
                                            tuple("criteria/3.1", "results/advance"));
        assertThat(changes.get(1).before()).contains("อัตราการลาออก");
        assertThat(changes.get(1).after()).isEqualTo("");
    }

    @Test
    void profileSectionsAreListedInItemNumberOrder() {
        ReportState from = ReportFold.replay(List.of(opened()));
        ReportState to = ReportFold.replay(List.of(opened(), profile(10, "สิบ", 1, SOMCHAI, 1),
                                                   profile(2, "สอง", 1, SOMCHAI, 2), profile(1, "หนึ่ง", 1, SOMCHAI, 3)));

        assertThat(ReportDiff.between(from, to).changedSections())
                .containsExactly("profile/1", "profile/2", "profile/10");
    }

    @Test
    void everyChangeOfTheWholeReportAgainstAnEmptyOneStartsFromNothing() {
        ReportState empty = ReportFold.replay(List.of(opened()));
        ReportState full = ReportFold.replay(everyEventType());

        List<ReportChangeView> changes = changes(ReportDiff.between(empty, full));
        assertThat(changes).extracting(c -> c.section(), c -> c.what())
                           .containsExactly(tuple("profile/3", "text"),
                                            tuple("criteria/1.1", "links/profile"),
                                            tuple("criteria/1.1", "links/indicators"),
                                            tuple("criteria/1.1", "basic/approach"),
                                            tuple("criteria/1.1", "basic/deploy"),
                                            tuple("criteria/1.1", "basic/result"),
                                            tuple("criteria/1.1", "summary"),
                                            tuple("criteria/1.1", "rating"));
        assertThat(changes).allSatisfy(c -> assertThat(c.before()).isEqualTo(""));
    }

    /**
     * Issue 11: a diff between two versions compares every text of the report; with the 29 OP items each rewritten
     * word by word at the largest size a text may have, the word diffs alone would take many minutes.
     */
    @Test
    void aReportWhoseTextsWereAllRewrittenWordByWordIsComparedWithDiffsThatGiveBackEveryText() {
        List<AssessmentEvent> older = new java.util.ArrayList<>(List.of(opened()));
        List<AssessmentEvent> newer = new java.util.ArrayList<>(List.of(opened()));
        for (int item = 1; item <= 29; item++) {
            older.add(profile(item, "a ".repeat(25_000), 1, SOMCHAI, item));
            newer.add(profile(item, "b ".repeat(25_000), 1, SOMCHAI, item));
        }

        List<ReportChangeView> changes = changes(ReportDiff.between(ReportFold.replay(older), ReportFold.replay(newer)));

        assertThat(changes).hasSize(29);
        for (ReportChangeView change : changes) {
            StringBuilder before = new StringBuilder();
            StringBuilder after = new StringBuilder();
            for (TextDiff.Chunk chunk : change.diff()) {
                if (chunk.op() != TextDiff.Op.INSERT) {
                    before.append(chunk.text());
                }
                if (chunk.op() != TextDiff.Op.DELETE) {
                    after.append(chunk.text());
                }
            }
            assertThat(before.toString()).isEqualTo(change.before());
            assertThat(after.toString()).isEqualTo(change.after());
            assertThat(change).returns(true, ReportChangeView::coarseDiff);
        }
    }

    @Test
    void onceTheComparisonsBudgetIsSpentLaterTextsGetCoarseDiffs() {
        List<AssessmentEvent> older = new java.util.ArrayList<>(List.of(opened()));
        List<AssessmentEvent> newer = new java.util.ArrayList<>(List.of(opened()));
        for (int item = 1; item <= 29; item++) {
            older.add(profile(item, "a ".repeat(25_000), 1, SOMCHAI, item));
            newer.add(profile(item, "b ".repeat(25_000), 1, SOMCHAI, item));
        }
        older.add(approach("1.1", BASIC, "ผู้บริหารกำหนดทิศทางองค์การ", 1, SOMCHAI, 30));
        newer.add(approach("1.1", BASIC, "ผู้บริหารร่วมกันกำหนดทิศทางองค์การ", 1, SOMCHAI, 30));

        List<ReportChangeView> changes = changes(ReportDiff.between(ReportFold.replay(older), ReportFold.replay(newer)));

        ReportChangeView approach = changes.get(changes.size() - 1);
        assertThat(approach).returns("basic/approach", ReportChangeView::what).returns(true, ReportChangeView::coarseDiff);
        assertThat(approach.diff()).containsExactly(
                new TextDiff.Chunk(TextDiff.Op.DELETE, "ผู้บริหารกำหนดทิศทางองค์การ"),
                new TextDiff.Chunk(TextDiff.Op.INSERT, "ผู้บริหารร่วมกันกำหนดทิศทางองค์การ"));
    }
}
