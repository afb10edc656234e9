package th.pmqa.studio.query.model;

import th.pmqa.studio.query.view.ReportJson;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionApprovedEvent;
import th.pmqa.studio.report.SectionMarkedReadyEvent;
import th.pmqa.studio.report.SectionReopenedEvent;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.catalog.LevelKind.ADVANCE;
import static th.pmqa.studio.catalog.LevelKind.BASIC;
import static th.pmqa.studio.catalog.LevelKind.SIGNIFICANCE;
import static th.pmqa.studio.query.model.TestEvents.*;

class ReportFoldTest {

    private final ReportState state = new ReportState();
    private long position;

    /** Folds the event and describes its change, as the projector does. */
    private ChangeEntry fold(AssessmentEvent event) {
        return ChangeDescriber.describe(state, event, ++position);
    }

    private static List<ChangeEntry> changesOf(List<AssessmentEvent> events) {
        ReportState s = new ReportState();
        List<ChangeEntry> changes = new ArrayList<>();
        long p = 0;
        for (AssessmentEvent e : events) {
            changes.add(ChangeDescriber.describe(s, e, ++p));
        }
        return changes;
    }

    @Test
    void aSectionReadyForReviewThatIsEditedIsMarkedChangedUntilItsNextWorkflowStep() {
        Section criterion11 = Section.of(c("1.1"));
        fold(opened());
        fold(approach("1.1", BASIC, "ร่างแรก", 1, SOMCHAI, 1));
        fold(new SectionMarkedReadyEvent(ID, criterion11, SOMCHAI, at(2)));
        fold(new SectionMarkedReadyEvent(ID, Section.PROFILE, SOMCHAI, at(3)));
        assertThat(state.changedSinceReady).isEmpty();

        fold(summary("1.1", "สรุปเพิ่มหลังส่ง", 1, SUDA, 4));
        fold(approach("1.2", BASIC, "ส่วนอื่น ไม่เกี่ยว", 1, SUDA, 5));
        assertThat(state.changedSinceReady).containsExactly("criteria/1.1");
        fold(profile(7, "โครงสร้างองค์การ", 1, SUDA, 6));
        assertThat(state.changedSinceReady).containsExactly("criteria/1.1", "profile");

        fold(new SectionApprovedEvent(ID, criterion11, SOMCHAI, at(7)));
        fold(new SectionReopenedEvent(ID, Section.PROFILE, "เพิ่มข้อมูล", SOMCHAI, at(8)));
        assertThat(state.changedSinceReady).isEmpty();
        // a drafting section's edits are just drafting
        fold(profile(7, "โครงสร้างองค์การ (แก้)", 2, SUDA, 9));
        assertThat(state.changedSinceReady).isEmpty();
    }

    @Test
    void openingSetsTheHeaderAndYieldsAStatusChangeOfTheAssessment() {
        ChangeEntry change = fold(opened());

        assertThat(state.assessmentId).isEqualTo("KKN-2567");
        assertThat(state.organizationCode).isEqualTo("KKN");
        assertThat(state.organizationName).isEqualTo("สำนักงานจังหวัดขอนแก่น");
        assertThat(state.organizationType).isEqualTo("PROVINCE");
        assertThat(state.fiscalYear).isEqualTo(2567);
        assertThat(state.catalogVersion).isEqualTo(Catalogs.CURRENT_VERSION);
        assertThat(state.status).isEqualTo("OPEN");
        assertThat(state.openedAt).isEqualTo(at(0));

        assertThat(change.position()).isEqualTo(1);
        assertThat(change.assessmentId()).isEqualTo("KKN-2567");
        assertThat(change.section()).isEqualTo("assessment");
        assertThat(change.kind()).isEqualTo("OPENED");
        assertThat(change.what()).isEqualTo("status");
        assertThat(change.before()).isEmpty();
        assertThat(change.after()).isEqualTo("OPEN");
        assertThat(change.author()).isEqualTo(SOMCHAI);
        assertThat(change.at()).isEqualTo(at(0));
        assertThat(change.criterionId()).isNull();
        assertThat(change.profileItem()).isNull();
        assertThat(change.diff()).containsExactly(new TextDiff.Chunk(TextDiff.Op.INSERT, "OPEN"));
    }

    @Test
    void aProfileItemDraftIsStoredWithItsRevisionAndYieldsAProfileSectionChange() {
        fold(opened());
        ChangeEntry first = fold(profile(3, "ประชาชนในจังหวัด", 1, SOMCHAI, 1));
        ChangeEntry second = fold(profile(3, "ประชาชนและนักท่องเที่ยวในจังหวัด", 2, SUDA, 2));

        assertThat(first.section()).isEqualTo("profile/3");
        assertThat(first.profileItem()).isEqualTo(3);
        assertThat(first.criterionId()).isNull();
        assertThat(first.kind()).isEqualTo("PROFILE_ITEM");
        assertThat(first.what()).isEqualTo("text");
        assertThat(first.before()).isEmpty();
        assertThat(first.after()).isEqualTo("ประชาชนในจังหวัด");

        assertThat(second.before()).isEqualTo("ประชาชนในจังหวัด");
        assertThat(second.after()).isEqualTo("ประชาชนและนักท่องเที่ยวในจังหวัด");
        assertThat(second.author()).isEqualTo(SUDA);
        assertThat(second.at()).isEqualTo(at(2));

        ReportState.Text text = state.profile.get("3");
        assertThat(text.text()).isEqualTo("ประชาชนและนักท่องเที่ยวในจังหวัด");
        assertThat(text.revision()).isEqualTo(2);
        assertThat(text.author()).isEqualTo(SUDA);
        assertThat(text.at()).isEqualTo(at(2));
    }

    @Test
    void approachDeployAndResultTextsLandInTheirLevelPart() {
        fold(opened());
        ChangeEntry a = fold(approach("1.1", BASIC, "แนวทาง", 1, SOMCHAI, 1));
        ChangeEntry d = fold(deploy("2.3", ADVANCE, "การนำไปใช้", 4, SUDA, 2));
        ChangeEntry r = fold(resultText("6.3", SIGNIFICANCE, "ผลลัพธ์", 7, SUDA, 3));

        assertThat(List.of(a.section(), a.criterionId(), a.kind(), a.what()))
                .containsExactly("criteria/1.1", "1.1", "APPROACH", "basic/approach");
        assertThat(List.of(d.section(), d.criterionId(), d.kind(), d.what()))
                .containsExactly("criteria/2.3", "2.3", "DEPLOYMENT", "advance/deploy");
        assertThat(List.of(r.section(), r.criterionId(), r.kind(), r.what()))
                .containsExactly("criteria/6.3", "6.3", "RESULT_TEXT", "significance/result");
        assertThat(a.profileItem()).isNull();

        assertThat(state.criteria.get("1.1").parts.get("basic/approach"))
                .isEqualTo(new ReportState.Text("แนวทาง", 1, SOMCHAI, at(1)));
        assertThat(state.criteria.get("2.3").parts.get("advance/deploy").revision()).isEqualTo(4);
        assertThat(state.criteria.get("6.3").parts.get("significance/result").revision()).isEqualTo(7);
    }

    @Test
    void aRedraftedPartShowsTheOldTextAsBeforeAndAWordDiff() {
        fold(opened());
        fold(approach("1.1", BASIC, "ผู้บริหารกำหนดทิศทางองค์การ", 1, SOMCHAI, 1));
        ChangeEntry change = fold(approach("1.1", BASIC, "ผู้บริหารร่วมกันกำหนดทิศทางองค์การ", 2, SUDA, 2));

        assertThat(change.before()).isEqualTo("ผู้บริหารกำหนดทิศทางองค์การ");
        assertThat(change.after()).isEqualTo("ผู้บริหารร่วมกันกำหนดทิศทางองค์การ");
        assertThat(change.diff()).containsExactly(
                new TextDiff.Chunk(TextDiff.Op.EQUAL, "ผู้บริหาร"),
                new TextDiff.Chunk(TextDiff.Op.INSERT, "ร่วมกัน"),
                new TextDiff.Chunk(TextDiff.Op.EQUAL, "กำหนดทิศทางองค์การ"));
        assertThat(change.summary()).contains("1.1", "basic/approach", "2");
        assertThat(state.criteria.get("1.1").parts.get("basic/approach").revision()).isEqualTo(2);
    }

    @Test
    void aSummaryIsWrittenToItsCriterion() {
        fold(opened());
        ChangeEntry change = fold(summary("4.2", "สรุปภาพรวม", 3, SUDA, 1));

        assertThat(change.section()).isEqualTo("criteria/4.2");
        assertThat(change.kind()).isEqualTo("SUMMARY");
        assertThat(change.what()).isEqualTo("summary");
        assertThat(change.before()).isEmpty();
        assertThat(change.after()).isEqualTo("สรุปภาพรวม");
        assertThat(state.criteria.get("4.2").summary).isEqualTo(new ReportState.Text("สรุปภาพรวม", 3, SUDA, at(1)));
    }

    @Test
    void aRatingIsStoredAndRenderedAsLevelScoreAndRationale() {
        fold(opened());
        ChangeEntry change = fold(rated("1.1", ADVANCE, 420, "ทบทวนเชิงรุก", SOMCHAI, 1));

        assertThat(change.section()).isEqualTo("criteria/1.1");
        assertThat(change.kind()).isEqualTo("RATING");
        assertThat(change.what()).isEqualTo("rating");
        assertThat(change.before()).isEmpty();
        assertThat(change.after()).isEqualTo("ADVANCE 420: ทบทวนเชิงรุก");
        assertThat(change.summary()).contains("advance", "420");
        assertThat(state.criteria.get("1.1").rating)
                .isEqualTo(new ReportState.Rating(ADVANCE, 420, "ทบทวนเชิงรุก", SOMCHAI, at(1)));
    }

    @Test
    void aStaleRatingIsReplacedByTheNewOne() {
        fold(opened());
        fold(rated("1.1", BASIC, 350, "เริ่มต้น", SOMCHAI, 1));
        ChangeEntry change = fold(rated("1.1", SIGNIFICANCE, 480, "บูรณาการ", SUDA, 2));

        assertThat(change.before()).isEqualTo("BASIC 350: เริ่มต้น");
        assertThat(change.after()).isEqualTo("SIGNIFICANCE 480: บูรณาการ");
        assertThat(state.criteria.get("1.1").rating.score()).isEqualTo(480);
        assertThat(state.criteria.get("1.1").rating.level()).isEqualTo(SIGNIFICANCE);
        assertThat(state.criteria.get("1.1").rating.author()).isEqualTo(SUDA);
    }

    @Test
    void linkingProfileItemsReplacesTheWholeList() {
        fold(opened());
        ChangeEntry first = fold(linkedProfile("1.1", List.of(1, 3), SOMCHAI, 1));
        ChangeEntry second = fold(linkedProfile("1.1", List.of(3, 12), SOMCHAI, 2));

        assertThat(first.kind()).isEqualTo("LINKS");
        assertThat(first.what()).isEqualTo("links/profile");
        assertThat(first.before()).isEmpty();
        assertThat(first.after()).isEqualTo("OP 1, OP 3");
        assertThat(second.before()).isEqualTo("OP 1, OP 3");
        assertThat(second.after()).isEqualTo("OP 3, OP 12");
        assertThat(state.criteria.get("1.1").profileItems).containsExactly(3, 12);
    }

    @Test
    void theStateKeepsItsOwnCopyOfALinkedList() {
        fold(opened());
        List<Integer> items = new ArrayList<>(List.of(1, 2));
        fold(linkedProfile("1.1", items, SOMCHAI, 1));
        items.add(99);

        assertThat(state.criteria.get("1.1").profileItems).containsExactly(1, 2);
    }

    @Test
    void linkingIndicatorGroupsReplacesTheWholeList() {
        fold(opened());
        ChangeEntry first = fold(linkedIndicators("2.1", List.of("7.1.1", "7.2.1"), SUDA, 1));
        ChangeEntry second = fold(linkedIndicators("2.1", List.of("7.3.4"), SUDA, 2));

        assertThat(first.section()).isEqualTo("criteria/2.1");
        assertThat(first.kind()).isEqualTo("LINKS");
        assertThat(first.what()).isEqualTo("links/indicators");
        assertThat(first.after()).isEqualTo("7.1.1, 7.2.1");
        assertThat(second.before()).isEqualTo("7.1.1, 7.2.1");
        assertThat(second.after()).isEqualTo("7.3.4");
        assertThat(state.criteria.get("2.1").indicatorGroups).containsExactly("7.3.4");
    }

    @Test
    void anAttachedResultIsRenderedWithGroupUnitTargetAndValuesInYearOrder() {
        fold(opened());
        ChangeEntry change = fold(attached("1.1", ADVANCE, "r-1", "7.1.1", "ความสำเร็จของแผน", SUDA, 1));

        assertThat(change.section()).isEqualTo("criteria/1.1");
        assertThat(change.kind()).isEqualTo("RESULT_ATTACHED");
        assertThat(change.what()).isEqualTo("results/advance");
        assertThat(change.before()).isEmpty();
        assertThat(change.after()).isEqualTo("7.1.1 ความสำเร็จของแผน (ร้อยละ) target 80 2565=70 2566=75.5");
        assertThat(change.summary()).contains("ความสำเร็จของแผน");
        ReportState.Result result = state.criteria.get("1.1").results.get("r-1");
        assertThat(result.level()).isEqualTo(ADVANCE);
        assertThat(result.indicatorGroup()).isEqualTo("7.1.1");
        assertThat(result.author()).isEqualTo(SUDA);
    }

    @Test
    void resultsKeepAttachmentOrderAcrossDetachAndAttach() {
        fold(opened());
        fold(attached("1.1", ADVANCE, "r-a", "7.1.1", "A", SOMCHAI, 1));
        fold(attached("1.1", ADVANCE, "r-b", "7.1.2", "B", SOMCHAI, 2));
        fold(attached("1.1", ADVANCE, "r-c", "7.1.3", "C", SOMCHAI, 3));
        ChangeEntry detach = fold(detached("1.1", ADVANCE, "r-b", SUDA, 4));
        ChangeEntry attach = fold(attached("1.1", ADVANCE, "r-d", "7.1.4", "D", SOMCHAI, 5));

        assertThat(state.criteria.get("1.1").results.keySet()).containsExactly("r-a", "r-c", "r-d");
        assertThat(detach.kind()).isEqualTo("RESULT_DETACHED");
        assertThat(detach.what()).isEqualTo("results/advance");
        assertThat(detach.summary()).endsWith(": B");
        assertThat(detach.before().lines().map(l -> l.split(" ")[1]).toList()).containsExactly("A", "B", "C");
        assertThat(detach.after().lines().map(l -> l.split(" ")[1]).toList()).containsExactly("A", "C");
        assertThat(attach.before()).isEqualTo(detach.after());
        assertThat(attach.after().lines().map(l -> l.split(" ")[1]).toList()).containsExactly("A", "C", "D");
    }

    @Test
    void resultsOfOtherLevelsAreNotPartOfALevelsChange() {
        fold(opened());
        fold(attached("1.1", BASIC, "r-basic", "7.1.1", "พื้นฐาน", SOMCHAI, 1));
        ChangeEntry change = fold(attached("1.1", SIGNIFICANCE, "r-sig", "7.2.1", "โดดเด่น", SOMCHAI, 2));

        assertThat(change.what()).isEqualTo("results/significance");
        assertThat(change.before()).isEmpty();
        assertThat(change.after()).startsWith("7.2.1 โดดเด่น").doesNotContain("พื้นฐาน");
    }

    @Test
    void detachingAnUnknownResultChangesNothingAndSaysNoName() {
        fold(opened());
        fold(attached("1.1", ADVANCE, "r-a", "7.1.1", "A", SOMCHAI, 1));
        ChangeEntry change = fold(detached("1.1", ADVANCE, "r-missing", SOMCHAI, 2));

        assertThat(change.summary()).endsWith("result detached");
        assertThat(change.before()).isEqualTo(change.after());
        assertThat(change.diff()).allMatch(chunk -> chunk.op() == TextDiff.Op.EQUAL);
        assertThat(state.criteria.get("1.1").results).containsOnlyKeys("r-a");
    }

    @Test
    void submittingAndReopeningFlipTheStatus() {
        fold(opened());
        ChangeEntry submitted = fold(submitted(SUDA, 1));
        assertThat(state.status).isEqualTo("SUBMITTED");
        ChangeEntry reopened = fold(reopened("แก้ไขหมวด 1", SOMCHAI, 2));
        assertThat(state.status).isEqualTo("OPEN");

        assertThat(List.of(submitted.section(), submitted.kind(), submitted.what(), submitted.before(), submitted.after()))
                .containsExactly("assessment", "SUBMITTED", "status", "OPEN", "SUBMITTED");
        assertThat(submitted.author()).isEqualTo(SUDA);
        assertThat(List.of(reopened.section(), reopened.kind(), reopened.what(), reopened.before(), reopened.after()))
                .containsExactly("assessment", "REOPENED", "status", "SUBMITTED", "OPEN");
        assertThat(reopened.summary()).contains("แก้ไขหมวด 1");
        assertThat(reopened.at()).isEqualTo(at(2));
    }

    @Test
    void positionEventCountAndLastChangeFollowEveryEvent() {
        List<AssessmentEvent> events = everyEventType();
        List<ChangeEntry> changes = changesOf(events);
        ReportState s = ReportFold.replay(events);

        assertThat(s.position).isEqualTo(events.size());
        assertThat(s.eventCount).isEqualTo(events.size());
        assertThat(s.lastChangeAt).isEqualTo(at(13));
        assertThat(s.lastAuthor).isEqualTo(SOMCHAI);
        assertThat(changes).extracting(ChangeEntry::position)
                           .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(changes).allSatisfy(c -> assertThat(c.assessmentId()).isEqualTo("KKN-2567"));
        for (int i = 0; i < events.size(); i++) {
            assertThat(changes.get(i).author()).isEqualTo(events.get(i).author());
            assertThat(changes.get(i).at()).isEqualTo(events.get(i).at());
        }
    }

    @Test
    void applyTakesTheGivenGlobalPosition() {
        ReportChange change = ChangeDescriber.fold(state, opened(), 1234);
        ReportFold.evolve(state, profile(1, "x", 1, SOMCHAI, 1), 5000);

        assertThat(change.position()).isEqualTo(1234);
        assertThat(state.position).isEqualTo(5000);
        assertThat(state.eventCount).isEqualTo(2);
    }

    @Test
    void lastEditByKeepsTheLatestContentEditOfEachAuthor() {
        ReportState s = ReportFold.replay(everyEventType());

        // detached at minute 11 is Suda's last edit; rated at minute 9 is Somchai's last content edit
        assertThat(s.lastEditBy).containsOnlyKeys("u-somchai", "u-suda");
        assertThat(s.lastEditBy.get("u-suda")).isEqualTo(at(11));
        assertThat(s.lastEditBy.get("u-somchai")).isEqualTo(at(9));
    }

    @Test
    void openingSubmittingAndReopeningAreNotCountedAsEdits() {
        fold(opened());
        fold(submitted(SUDA, 1));
        fold(reopened("x", SUDA, 2));

        assertThat(state.lastEditBy).isEmpty();
        assertThat(state.lastAuthor).isEqualTo(SUDA);
    }

    @Test
    void replayingTheSameEventsTwiceGivesTheSameJson() {
        List<AssessmentEvent> events = everyEventType();

        String first = ReportJson.write(ReportFold.replay(events));
        String second = ReportJson.write(ReportFold.replay(List.copyOf(events)));

        assertThat(second).isEqualTo(first);
        assertThat(changesOf(events)).isEqualTo(changesOf(events));
    }

    @Test
    void replayEqualsApplyingOneByOne() {
        List<AssessmentEvent> events = everyEventType();
        changesOf(events); // warm-up: no shared state between folds
        for (AssessmentEvent e : events) {
            fold(e);
        }

        assertThat(ReportJson.write(state)).isEqualTo(ReportJson.write(ReportFold.replay(events)));
    }

    @Test
    void aStateSurvivesAJsonRoundTripAndKeepsFolding() {
        List<AssessmentEvent> events = everyEventType();
        ReportState half = ReportFold.replay(events.subList(0, 7));
        ReportState copy = ReportJson.copy(half);
        assertThat(ReportJson.write(copy)).isEqualTo(ReportJson.write(half));

        long p = 7;
        for (AssessmentEvent e : events.subList(7, events.size())) {
            ReportFold.evolve(copy, e, ++p);
        }
        assertThat(ReportJson.write(copy)).isEqualTo(ReportJson.write(ReportFold.replay(events)));
    }

    @Test
    void theFullReportHoldsWhatEveryEventSaid() {
        ReportState s = ReportFold.replay(everyEventType());
        ReportState.CriterionSection c11 = s.criteria.get("1.1");

        assertThat(s.status).isEqualTo("OPEN");
        assertThat(s.profile).containsOnlyKeys("3");
        assertThat(c11.parts).containsOnlyKeys("basic/approach", "basic/deploy", "basic/result");
        assertThat(c11.parts.get("basic/approach").text()).isEqualTo("ผู้บริหารร่วมกันกำหนดทิศทางองค์การ");
        assertThat(c11.parts.get("basic/approach").revision()).isEqualTo(2);
        assertThat(c11.parts.get("basic/approach").author()).isEqualTo(SUDA);
        assertThat(c11.profileItems).containsExactly(1, 3);
        assertThat(c11.indicatorGroups).containsExactly("7.1.1", "7.2.1");
        assertThat(c11.results).isEmpty();
        assertThat(c11.summary.text()).isEqualTo("สรุปภาพรวมหมวด 1.1");
        assertThat(c11.rating.score()).isEqualTo(420);
        assertThat(s.criteria).containsOnlyKeys("1.1");
    }

    @Test
    void changeEntriesOfEveryEventTypeNameTheirSectionKindAndWhat() {
        List<ChangeEntry> changes = changesOf(everyEventType());

        assertThat(changes).extracting(ChangeEntry::section, ChangeEntry::kind, ChangeEntry::what)
                           .containsExactly(
                                   org.assertj.core.groups.Tuple.tuple("assessment", "OPENED", "status"),
                                   org.assertj.core.groups.Tuple.tuple("profile/3", "PROFILE_ITEM", "text"),
                                   org.assertj.core.groups.Tuple.tuple("criteria/1.1", "APPROACH", "basic/approach"),
                                   org.assertj.core.groups.Tuple.tuple("criteria/1.1", "DEPLOYMENT", "basic/deploy"),
                                   org.assertj.core.groups.Tuple.tuple("criteria/1.1", "RESULT_TEXT", "basic/result"),
                                   org.assertj.core.groups.Tuple.tuple("criteria/1.1", "LINKS", "links/profile"),
                                   org.assertj.core.groups.Tuple.tuple("criteria/1.1", "LINKS", "links/indicators"),
                                   org.assertj.core.groups.Tuple.tuple("criteria/1.1", "RESULT_ATTACHED", "results/advance"),
                                   org.assertj.core.groups.Tuple.tuple("criteria/1.1", "SUMMARY", "summary"),
                                   org.assertj.core.groups.Tuple.tuple("criteria/1.1", "RATING", "rating"),
                                   org.assertj.core.groups.Tuple.tuple("criteria/1.1", "APPROACH", "basic/approach"),
                                   org.assertj.core.groups.Tuple.tuple("criteria/1.1", "RESULT_DETACHED", "results/advance"),
                                   org.assertj.core.groups.Tuple.tuple("assessment", "SUBMITTED", "status"),
                                   org.assertj.core.groups.Tuple.tuple("assessment", "REOPENED", "status"));
    }

    @Test
    void everyChangesDiffRebuildsItsBeforeAndAfter() {
        for (ChangeEntry change : changesOf(everyEventType())) {
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
            assertThat(before.toString()).as(change.kind()).isEqualTo(change.before());
            assertThat(after.toString()).as(change.kind()).isEqualTo(change.after());
        }
    }

    /**
     * Issue 11: the projector computed a word diff of 50,000 one-character words for this change for ~28 s, stalling
     * its segment. The change is described once, its diff gives back both texts.
     */
    @Test
    void theChangeOfALongTextRewrittenWordByWordIsDescribedWithADiffThatGivesBackBothTexts() {
        String first = "a ".repeat(25_000);
        String second = "b ".repeat(25_000);
        fold(opened());
        fold(approach("1.1", BASIC, first, 1, SOMCHAI, 1));

        ChangeEntry change = fold(approach("1.1", BASIC, second, 2, SUDA, 2));

        assertThat(change.before()).isEqualTo(first);
        assertThat(change.after()).isEqualTo(second);
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
        assertThat(before.toString()).isEqualTo(first);
        assertThat(after.toString()).isEqualTo(second);
        // 50,000 changed words are more than a word diff may cost: all but the common last space is shown
        // replaced as a whole, and the change says so
        assertThat(change.diff()).extracting(TextDiff.Chunk::op)
                                 .containsExactly(TextDiff.Op.DELETE, TextDiff.Op.INSERT, TextDiff.Op.EQUAL);
        assertThat(change.diff().get(2).text()).isEqualTo(" ");
        assertThat(change.coarseDiff()).isTrue();
        assertThat(state.criteria.get("1.1").parts.get("basic/approach").text()).isEqualTo(second);
    }

    @Test
    void anOrdinaryEditIsDescribedWithAWordDiffThatIsNotCoarse() {
        fold(opened());
        fold(approach("1.1", BASIC, "ผู้บริหารกำหนดทิศทางองค์การ\n".repeat(1_000), 1, SOMCHAI, 1));

        ChangeEntry change = fold(approach("1.1", BASIC,
                "ผู้บริหารกำหนดทิศทางองค์การ\n".repeat(500) + "ผู้บริหารร่วมกันกำหนดทิศทางองค์การ\n"
                + "ผู้บริหารกำหนดทิศทางองค์การ\n".repeat(499), 2, SUDA, 2));

        assertThat(change.diff()).filteredOn(c -> c.op() != TextDiff.Op.EQUAL)
                                 .containsExactly(new TextDiff.Chunk(TextDiff.Op.INSERT, "ร่วมกัน"));
        assertThat(change.coarseDiff()).isFalse();
    }

    @Test
    void theDescriberSaysWhatAFoldedEventChangedAsTextAndDiffsItSeparately() {
        ReportFold.evolve(state, opened(), 1);
        ReportFold.evolve(state, approach("1.1", BASIC, "เดิม", 1, SOMCHAI, 1), 2);

        ReportChange change = ChangeDescriber.fold(state, approach("1.1", BASIC, "ใหม่", 2, SUDA, 2), 3);

        assertThat(List.of(change.section(), change.what(), change.before(), change.after()))
                .containsExactly("criteria/1.1", "basic/approach", "เดิม", "ใหม่");
        assertThat(change.revision()).isEqualTo(2);
        assertThat(ChangeDescriber.describe(change).diff()).containsExactly(
                new TextDiff.Chunk(TextDiff.Op.DELETE, "เดิม"), new TextDiff.Chunk(TextDiff.Op.INSERT, "ใหม่"));
    }

    @Test
    void levelPathNamesAreTheOnesUsedInWhat() {
        assertThat(List.of(LevelKind.values())).extracting(LevelKind::pathName)
                                               .containsExactly("basic", "advance", "significance");
    }
}
