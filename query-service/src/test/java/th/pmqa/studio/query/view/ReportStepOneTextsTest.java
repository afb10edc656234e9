package th.pmqa.studio.query.view;

import th.pmqa.studio.query.model.ChangeDescriber;
import th.pmqa.studio.query.model.ReportFold;
import th.pmqa.studio.query.model.ReportState;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.query.model.TextDiff;
import th.pmqa.studio.query.model.ChangeEntry;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.Merge;
import th.pmqa.studio.report.ProfileQuestionAnsweredEvent;
import th.pmqa.studio.report.ProfileQuestionNumber;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionMarkedReadyEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static th.pmqa.studio.catalog.LevelKind.ADVANCE;
import static th.pmqa.studio.catalog.LevelKind.BASIC;
import static th.pmqa.studio.query.model.TestEvents.*;

/**
 * The answer to an OP question and the Step-1 analysis of a sub-criterion on the read side: the fold and its change
 * entries (history, change feed, live updates), the report's JSON, the live sections, the report diff; and the score
 * named as the estimate it is, beside the level each sub-criterion was rated at.
 */
@SuppressWarnings("unchecked")
class ReportStepOneTextsTest {

    private static final Catalog CATALOG = Catalogs.current();
    private static final String STRUCTURE = "โครงสร้างองค์การแบ่งเป็น ๓ กลุ่มงาน";

    private final ReportState state = new ReportState();
    private long position;

    private ChangeEntry fold(AssessmentEvent event) {
        return ChangeDescriber.describe(state, event, ++position);
    }

    private static ReportState report(AssessmentEvent... events) {
        List<AssessmentEvent> all = new ArrayList<>();
        all.add(opened());
        all.addAll(List.of(events));
        return ReportFold.replay(all);
    }

    private static Map<String, Object> question(Map<String, Object> profile, int number) {
        return ((List<Map<String, Object>>) profile.get("questions")).stream()
                .filter(q -> q.get("number").equals(number)).findFirst().orElseThrow();
    }

    @Test
    void anAnswerIsKeptUnderItsQuestionAndIsAChangeOfItsOwnSectionWithAWordDiff() {
        fold(opened());
        fold(answered(6, STRUCTURE, 1, SOMCHAI, 1));

        ChangeEntry change = fold(answered(6, STRUCTURE + " และ ๒๖ อำเภอ", 2, SUDA, 2));

        assertThat(state.profileAnswers).containsOnlyKeys("6");
        assertThat(state.profileAnswers.get("6")).isEqualTo(new ReportState.Text(STRUCTURE + " และ ๒๖ อำเภอ", 2, SUDA, at(2)));
        assertThat(state.profile).as("OP item 6 is another text").isEmpty();
        assertThat(List.of(change.section(), change.kind(), change.what(), change.before()))
                .containsExactly("profile/questions/6", "PROFILE_QUESTION", "text", STRUCTURE);
        assertThat(change.profileItem()).isNull();
        assertThat(change.criterionId()).isNull();
        assertThat(change.revision()).isEqualTo(2);
        assertThat(change.author()).isEqualTo(SUDA);
        assertThat(change.diff()).filteredOn(c -> c.op() != TextDiff.Op.EQUAL).extracting(TextDiff.Chunk::op)
                                 .containsOnly(TextDiff.Op.INSERT);
    }

    @Test
    void aMergedAnswerSaysOfWhichRevisionsInItsChange() {
        fold(opened());
        fold(answered(6, "ก", 1, SOMCHAI, 1));
        fold(answered(6, "ก ข", 2, SUDA, 2));

        ChangeEntry change = fold(new ProfileQuestionAnsweredEvent(ID, new ProfileQuestionNumber(6), "ค ก ข", 3, SOMCHAI,
                                                                   at(3), new Merge(1, 2)));

        assertThat(change.merge()).isEqualTo(new Merge(1, 2));
        assertThat(change.summary()).isEqualTo("OP question (6) revision 3 (merged: an edit of revision 1 with revision 2)");
    }

    @Test
    void anAnswerIsAnEditOfTheProfileSoAProfileReadyForReviewIsMarkedChanged() {
        fold(opened());
        fold(new SectionMarkedReadyEvent(ID, Section.PROFILE, SOMCHAI, at(1)));
        fold(new SectionMarkedReadyEvent(ID, Section.of(c("1.1")), SOMCHAI, at(2)));

        fold(answered(6, STRUCTURE, 1, SUDA, 3));
        assertThat(state.changedSinceReady).containsExactly("profile");
        fold(analysis("1.1", "วิเคราะห์", 1, SUDA, 4));
        assertThat(state.changedSinceReady).containsExactly("criteria/1.1", "profile");
        assertThat(state.lastEditBy).containsKey(SUDA.userId());
    }

    @Test
    void theAnalysisIsKeptInItsSubCriterionAndIsAnAnalysisChangeOfThatSection() {
        fold(opened());
        fold(analysis("1.1", "เกณฑ์ถามถึงการกำหนดทิศทาง", 1, SOMCHAI, 1));

        ChangeEntry change = fold(analysis("1.1", "เกณฑ์ถามถึงการกำหนดทิศทางและการสื่อสาร", 2, SUDA, 2));

        assertThat(state.criteria.get("1.1").analysis.text()).isEqualTo("เกณฑ์ถามถึงการกำหนดทิศทางและการสื่อสาร");
        assertThat(state.criteria.get("1.1").summary).as("the summary is another text").isNull();
        assertThat(List.of(change.section(), change.criterionId(), change.kind(), change.what()))
                .containsExactly("criteria/1.1", "1.1", "ANALYSIS", "analysis");
        assertThat(change.summary()).isEqualTo("1.1 analysis revision 2");
        assertThat(change.diff()).filteredOn(c -> c.op() != TextDiff.Op.EQUAL)
                                 .containsExactly(new TextDiff.Chunk(TextDiff.Op.INSERT, "และการสื่อสาร"));
    }

    @Test
    void eachQuestionOfTheReportCarriesItsAnswerAndQuestionSixHasNothingElse() {
        ReportState s = report(answered(6, STRUCTURE, 1, SOMCHAI, 1), answered(2, "  ", 1, SOMCHAI, 2),
                               profile(6, "สินทรัพย์", 1, SOMCHAI, 3));

        Map<String, Object> profile = ViewJson.map(ReportViewBuilder.profile(s, CATALOG));
        Map<String, Object> six = question(profile, 6);
        assertThat(six.keySet()).containsExactly("section", "number", "part", "text", "answer", "answerEmpty", "items");
        assertThat(six).containsEntry("section", "profile/questions/6").containsEntry("text", "โครงสร้างองค์การ")
                       .containsEntry("answerEmpty", false)
                       .containsEntry("answer", ViewJson.text(STRUCTURE, 1, SOMCHAI, at(1)));
        assertThat((List<Object>) six.get("items")).isEmpty();
        assertThat(question(profile, 2)).containsEntry("answerEmpty", true);
        assertThat(question(profile, 1)).containsEntry("answer", null).containsEntry("answerEmpty", true);
        // OP item 6 (สินทรัพย์) stays under question (4)
        assertThat((List<Map<String, Object>>) question(profile, 4).get("items")).extracting(i -> i.get("number"))
                                                                              .contains(6);
        assertThat((Map<String, Object>) profile.get("completeness"))
                .containsEntry("drafted", 1).containsEntry("total", 29)
                .containsEntry("answered", 1).containsEntry("questions", 13);
    }

    @Test
    void aLiveUpdateOfAnAnswerCarriesItsQuestionAndAnUnknownQuestionHasNoSection() {
        ReportState s = report(answered(6, STRUCTURE, 3, SUDA, 1));

        Map<String, Object> section = ViewJson.section(s, "profile/questions/6");
        assertThat(section).containsEntry("section", "profile/questions/6").containsEntry("number", 6)
                           .containsEntry("answer", ViewJson.text(STRUCTURE, 3, SUDA, at(1)))
                           .doesNotContainKey("items");
        assertThat(ReportViewBuilder.section(s, "profile/questions/14")).isNull();
        assertThat(ReportViewBuilder.section(s, "profile/questions/x")).isNull();
    }

    @Test
    void theAnalysisOpensTheSubCriterionAndIsNoPartOfItsCompleteness() {
        ReportState s = report(analysis("1.1", "วิเคราะห์เกณฑ์", 1, SOMCHAI, 1));

        Map<String, Object> c11 = ViewJson.section(s, "criteria/1.1");
        List<String> keys = new ArrayList<>(c11.keySet());
        assertThat(keys.indexOf("analysis")).isEqualTo(keys.indexOf("title") + 1);
        assertThat(keys.indexOf("analysis")).isLessThan(keys.indexOf("profileItems"));
        assertThat(c11.get("analysis")).isEqualTo(ViewJson.text("วิเคราะห์เกณฑ์", 1, SOMCHAI, at(1)));
        assertThat((List<String>) ((Map<String, Object>) c11.get("completeness")).get("missing"))
                .doesNotContain("analysis").hasSize(13);
        assertThat((ViewJson.section(s, "criteria/1.2"))).containsEntry("analysis", null);
    }

    @Test
    void theReportDiffComparesAnswersAfterItemsAndTheAnalysisFirstInItsSubCriterion() {
        List<AssessmentEvent> events = List.of(opened(), answered(6, "ก", 1, SOMCHAI, 1),
                                               answered(10, "ข", 1, SOMCHAI, 2),
                                               // ---- from here on only in "to"
                                               answered(10, "ข ค", 2, SUDA, 3), answered(6, "", 2, SUDA, 4),
                                               profile(3, "ประชาชน", 1, SUDA, 5), linkedProfile("1.1", List.of(1), SUDA, 6),
                                               analysis("1.1", "วิเคราะห์", 1, SUDA, 7));

        Map<String, Object> diff = ViewJson.map(ReportDiff.between(ReportFold.replay(events.subList(0, 3)), ReportFold.replay(events)));

        assertThat((List<Map<String, Object>>) diff.get("changes"))
                .extracting(c -> c.get("section"), c -> c.get("what"), c -> c.get("after"))
                .containsExactly(tuple("profile/3", "text", "ประชาชน"),
                                 tuple("profile/questions/6", "text", ""),
                                 tuple("profile/questions/10", "text", "ข ค"),
                                 tuple("criteria/1.1", "analysis", "วิเคราะห์"),
                                 tuple("criteria/1.1", "links/profile", "OP 1"));
    }

    @Test
    void aViewStoredBeforeAnswersExistedReadsWithNoAnswersAndKeepsFolding() {
        ReportState s = report(profile(1, "พันธกิจ", 1, SOMCHAI, 1));
        String json = ReportJson.write(s).replace(",\"profileAnswers\":{}", "");
        assertThat(json).doesNotContain("profileAnswers");

        ReportState stored = ReportJson.read(json, ReportState.class);
        assertThat(stored.profileAnswers).isEmpty();
        ReportFold.evolve(stored, answered(6, STRUCTURE, 1, SOMCHAI, 2), stored.position + 1);
        assertThat(stored.profileAnswers.get("6").text()).isEqualTo(STRUCTURE);
    }

    @Test
    void theScoreIsAnEstimateByTheToolsRuleWithTheRatedLevelOfEachSubCriterionBesideIt() {
        ReportState s = report(rated("1.1", ADVANCE, 420, "เชิงรุก", SOMCHAI, 1), rated("2.1", BASIC, 360, "ระบบ", SUDA, 2));

        Map<String, Object> rendered = ViewJson.report(s);
        Map<String, Object> estimate = (Map<String, Object>) rendered.get("estimatedScore");
        assertThat(estimate).containsEntry("value", 390.0).containsEntry("rated", 2).containsEntry("criteria", 18)
                            .containsEntry("weightsSource", "tool")
                            .containsEntry("estimateRule", CATALOG.scoring().rule())
                            .containsEntry("estimateRuleThai", CATALOG.scoring().ruleThai());
        assertThat(estimate.get("band")).isEqualTo(((Map<String, Object>) rendered.get("score")).get("band"));
        assertThat((Map<String, Object>) rendered.get("score")).as("kept for the clients that read it")
                .containsEntry("value", 390.0);
        List<Map<String, Object>> levels = (List<Map<String, Object>>) rendered.get("ratedLevels");
        assertThat(levels).extracting(l -> l.get("criterionId"))
                          .containsExactlyElementsOf(CATALOG.criteria().stream().map(c -> c.id()).toList());
        assertThat(levels.get(0)).containsEntry("criterionId", "1.1").containsEntry("level", "advance")
                                 .containsEntry("levelName", "การดำเนินการเชิงรุก").containsEntry("score", 420);
        assertThat(levels.get(1)).containsEntry("criterionId", "1.2").containsEntry("level", null)
                                 .containsEntry("levelName", null).containsEntry("score", null);
        assertThat(ViewJson.section(s, "assessment")).containsKey("estimatedScore");
    }
}
