package th.pmqa.studio.query.view;

import th.pmqa.studio.query.model.ChangeDescriber;
import th.pmqa.studio.query.model.ReportFold;
import th.pmqa.studio.query.model.ReportState;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.query.model.TextDiff;
import th.pmqa.studio.query.model.ChangeEntry;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.Comparison;
import th.pmqa.studio.report.ResultAttachedEvent;
import th.pmqa.studio.report.ResultDirection;
import th.pmqa.studio.report.ResultId;
import th.pmqa.studio.report.ResultRevisedEvent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.catalog.LevelKind.ADVANCE;
import static th.pmqa.studio.catalog.LevelKind.BASIC;
import static th.pmqa.studio.query.model.TestEvents.*;
import static th.pmqa.studio.report.ResultDirection.HIGHER;
import static th.pmqa.studio.report.ResultDirection.LOWER;

/**
 * Issue 12: results read as an assessor reads them (trend over the fiscal years, gap to the target and to the
 * comparison value, judged by the direction that is better), revised in place, and the seed's 7.1.1 count guidance.
 */
class ReportResultsTest {

    static final Comparison AVERAGE = new Comparison(new BigDecimal("76.25"), "ค่าเฉลี่ยกลุ่มจังหวัด ๒๕๖๖ 📊");

    static Map<Integer, BigDecimal> values(String... yearValue) {
        Map<Integer, BigDecimal> values = new LinkedHashMap<>();
        for (String pair : yearValue) {
            String[] parts = pair.split("=");
            values.put(Integer.parseInt(parts[0]), new BigDecimal(parts[1]));
        }
        return values;
    }

    static ReportState.Result result(String target, Map<Integer, BigDecimal> values, Comparison comparison,
                                     ResultDirection direction) {
        return new ReportState.Result("r-1", BASIC, "7.1.1", "ร้อยละความสำเร็จ", "ร้อยละ",
                                      target == null ? null : new BigDecimal(target), values, List.of(), SOMCHAI, at(1),
                                      comparison, direction);
    }

    static ResultAttachedEvent attachedWith(String criterion, LevelKind level, String id, String group, String name,
                                            Map<Integer, BigDecimal> values, Comparison comparison,
                                            ResultDirection direction, int minute) {
        return new ResultAttachedEvent(ID, c(criterion), level, new ResultId(id), group, name, "ร้อยละ",
                                       new BigDecimal("80"), values, List.of(), SUDA, at(minute), comparison, direction);
    }

    static ResultRevisedEvent revisedWith(String criterion, LevelKind level, String id, Map<Integer, BigDecimal> values,
                                          Comparison comparison, ResultDirection direction, int minute) {
        return new ResultRevisedEvent(ID, c(criterion), level, new ResultId(id), "7.1.1", "ร้อยละความสำเร็จ", "ร้อยละ",
                                      new BigDecimal("80"), values, List.of(), comparison, direction, SOMCHAI, at(minute));
    }

    @Test
    void aRisingResultWhereHigherIsBetterIsImprovingAndItsGapsAreExactDifferences() {
        ResultJudgement judgement = judge(result("80", values("2566=78", "2564=70", "2565=72.5"), AVERAGE,
                                                              HIGHER));

        assertThat(judgement.trend()).isEqualTo(new ResultJudgement.Trend(2564, new BigDecimal("70"), 2566,
                new BigDecimal("78"), new BigDecimal("8"), 3, "rising", "improving"));
        assertThat(judgement.targetGap()).isEqualTo(new ResultJudgement.TargetGap(2566, new BigDecimal("78"),
                new BigDecimal("80"), new BigDecimal("-2"), false));
        assertThat(judgement.comparisonGap()).isEqualTo(new ResultJudgement.ComparisonGap(2566, new BigDecimal("78"),
                new BigDecimal("76.25"), new BigDecimal("1.75"), "better"));
    }

    @Test
    void aFallingResultWhereLowerIsBetterIsImprovingAndMeetsATargetItIsBelow() {
        ResultJudgement judgement = judge(result("12", values("2564=15.5", "2565=12", "2566=9.25"),
                new Comparison(new BigDecimal("9.25"), "ระดับประเทศ"), LOWER));

        assertThat(judgement.trend().movement()).isEqualTo("falling");
        assertThat(judgement.trend().judgement()).isEqualTo("improving");
        assertThat(judgement.trend().change()).isEqualByComparingTo("-6.25");
        assertThat(judgement.targetGap().met()).isTrue();
        assertThat(judgement.targetGap().difference()).isEqualByComparingTo("-2.75");
        assertThat(judgement.comparisonGap().judgement()).isEqualTo("equal");
    }

    @Test
    void aRisingResultWhereLowerIsBetterIsWorseningAndMissesItsTarget() {
        ResultJudgement judgement = judge(result("10", values("2565=10", "2566=14"), AVERAGE, LOWER));

        assertThat(judgement.trend().judgement()).isEqualTo("worsening");
        assertThat(judgement.targetGap().met()).isFalse();
        assertThat(judgement.comparisonGap().judgement()).isEqualTo("better"); // 14 below 76.25, lower is better
    }

    @Test
    void stepsBothWaysAreFluctuatingAndNoStepsAreFlatWhateverTheDirection() {
        assertThat(judge(result(null, values("2564=80", "2565=70", "2566=90"), null, HIGHER)).trend())
                .extracting(ResultJudgement.Trend::movement, ResultJudgement.Trend::judgement, ResultJudgement.Trend::change)
                .containsExactly("fluctuating", "fluctuating", new BigDecimal("10"));
        assertThat(judge(result(null, values("2564=80", "2566=80.00"), null, LOWER)).trend())
                .extracting(ResultJudgement.Trend::movement, ResultJudgement.Trend::judgement)
                .containsExactly("flat", "flat");
        // a year that stays counts with the way the others go
        assertThat(judge(result(null, values("2564=70", "2565=70", "2566=75"), null, HIGHER)).trend()
                                  .judgement()).isEqualTo("improving");
    }

    @Test
    void withoutADirectionTheMovementAndDifferencesAreGivenButNotJudged() {
        ResultJudgement judgement = judge(result("80", values("2565=70", "2566=75.5"), AVERAGE, null));

        assertThat(judgement.trend().movement()).isEqualTo("rising");
        assertThat(judgement.trend().judgement()).isNull();
        assertThat(judgement.targetGap().difference()).isEqualByComparingTo("-4.5");
        assertThat(judgement.targetGap().met()).isNull();
        assertThat(judgement.comparisonGap().difference()).isEqualByComparingTo("-0.75");
        assertThat(judgement.comparisonGap().judgement()).isNull();
    }

    @Test
    void oneYearHasNoTrendAndNoValueOrNoTargetOrNoComparisonHasNoGap() {
        assertThat(judge(result("80", values("2566=81"), null, HIGHER)))
                .isEqualTo(new ResultJudgement(null, new ResultJudgement.TargetGap(2566, new BigDecimal("81"),
                        new BigDecimal("80"), new BigDecimal("1"), true), null));
        assertThat(judge(result("80", Map.of(), AVERAGE, HIGHER)))
                .isEqualTo(new ResultJudgement(null, null, null));
        assertThat(judge(result(null, null, null, null))).isEqualTo(new ResultJudgement(null, null, null));
        // the target itself is met
        assertThat(judge(result("80", values("2566=80.0"), null, LOWER)).targetGap().met()).isTrue();
    }

    @Test
    void differencesAreExactAtTheBoundsAndInTheSmallestDecimal() {
        ResultJudgement judgement = judge(result("-999999999999999",
                values("2565=0.000001", "2566=999999999999999"), new Comparison(new BigDecimal("0.1"), "ก"), HIGHER));

        assertThat(judgement.targetGap().difference()).isEqualTo(new BigDecimal("1999999999999998"));
        assertThat(judgement.trend().change()).isEqualTo(new BigDecimal("999999999999998.999999"));
        assertThat(judge(result("0.1", values("2566=0.3"), new Comparison(new BigDecimal("0.2"), "ก"), null))
                                  .targetGap().difference()).isEqualTo(new BigDecimal("0.2"));
        assertThat(judge(result(null, values("2565=1E+14", "2566=5"), null, null)).trend().change())
                .isEqualByComparingTo("-99999999999995");
    }

    @Test
    void anAttachedResultKeepsItsComparisonAndDirectionAndItsHistoryAndSummaryMentionTheComparison() {
        ReportState state = ReportFold.replay(List.of(opened()));
        ChangeEntry change = ChangeDescriber.describe(state,
                attachedWith("1.1", ADVANCE, "r-1", "7.1.1", "ร้อยละความสำเร็จ", values("2565=70", "2566=78"), AVERAGE,
                             HIGHER, 1), 2);

        ReportState.Result result = state.criteria.get("1.1").results.get("r-1");
        assertThat(result.comparison()).isEqualTo(AVERAGE);
        assertThat(result.direction()).isEqualTo(HIGHER);
        assertThat(change.kind()).isEqualTo("RESULT_ATTACHED");
        assertThat(change.summary()).isEqualTo("1.1 advance result attached: ร้อยละความสำเร็จ · ค่าเทียบเคียง 76.25 "
                                               + "(ที่มา: ค่าเฉลี่ยกลุ่มจังหวัด ๒๕๖๖ 📊)");
        assertThat(change.after()).isEqualTo("7.1.1 ร้อยละความสำเร็จ (ร้อยละ) target 80 2565=70 2566=78 · ค่าเทียบเคียง "
                                             + "76.25 (ที่มา: ค่าเฉลี่ยกลุ่มจังหวัด ๒๕๖๖ 📊) · ยิ่งสูงยิ่งดี");
    }

    @Test
    void aRevisedResultKeepsItsIdAndPlaceAndItsHistoryShowsWhatChanged() {
        ReportState state = ReportFold.replay(List.of(
                opened(),
                attachedWith("1.1", BASIC, "r-a", "7.1.1", "ตัวแรก", values("2566=1"), null, null, 1),
                attachedWith("1.1", BASIC, "r-1", "7.1.1", "ร้อยละความสำเร็จ", values("2565=70", "2566=78"), null,
                             null, 2),
                attachedWith("1.1", BASIC, "r-z", "7.1.1", "ตัวสุดท้าย", values("2566=1"), null, null, 3)));

        ChangeEntry change = ChangeDescriber.describe(state,
                revisedWith("1.1", BASIC, "r-1", values("2565=70", "2566=81"), AVERAGE, HIGHER, 4), 5);

        assertThat(state.criteria.get("1.1").results.keySet()).containsExactly("r-a", "r-1", "r-z");
        ReportState.Result revised = state.criteria.get("1.1").results.get("r-1");
        assertThat(revised.valuesByFiscalYear()).containsEntry(2566, new BigDecimal("81"));
        assertThat(revised.author()).isEqualTo(SOMCHAI);
        assertThat(change.kind()).isEqualTo("RESULT_REVISED");
        assertThat(change.what()).isEqualTo("results/basic");
        assertThat(change.section()).isEqualTo("criteria/1.1");
        assertThat(change.summary()).startsWith("1.1 basic result revised: ร้อยละความสำเร็จ · ค่าเทียบเคียง 76.25");
        List<String> inserted = change.diff().stream().filter(c -> c.op() == TextDiff.Op.INSERT)
                                      .map(TextDiff.Chunk::text).toList();
        assertThat(String.join("", inserted)).contains("81", "ค่าเทียบเคียง", "ยิ่งสูงยิ่งดี");
        assertThat(state.lastAuthor).isEqualTo(SOMCHAI);
    }

    @Test
    void timeTravelAndTheReportDiffSeeTheResultAsItWasBeforeAndAfterItsRevision() {
        List<AssessmentEvent> events = List.of(
                opened(),
                attachedWith("2.1", BASIC, "r-1", "7.1.1", "ร้อยละความสำเร็จ", values("2566=78"), null, null, 1),
                revisedWith("2.1", BASIC, "r-1", values("2566=81"), AVERAGE, LOWER, 2));
        ReportState before = ReportFold.replay(events.subList(0, 2));
        ReportState after = ReportFold.replay(events);

        assertThat(before.criteria.get("2.1").results.get("r-1").comparison()).isNull();
        assertThat(after.criteria.get("2.1").results.get("r-1").direction()).isEqualTo(LOWER);
        Map<String, Object> diff = ViewJson.map(ReportDiff.between(before, after));
        assertThat(diff.get("changedSections")).isEqualTo(List.of("criteria/2.1"));
        @SuppressWarnings("unchecked")
        Map<String, Object> change = ((List<Map<String, Object>>) diff.get("changes")).get(0);
        assertThat(change.get("what")).isEqualTo("results/basic");
        assertThat((String) change.get("after")).contains("2566=81", "ค่าเทียบเคียง 76.25", "ยิ่งต่ำยิ่งดี");
        // a stored report view written before results had these fields still reads
        ReportState copy = ReportJson.copy(after);
        assertThat(copy.criteria.get("2.1").results.get("r-1")).isEqualTo(after.criteria.get("2.1").results.get("r-1"));
    }

    @Test
    void theReportShowsEachResultWithItsTrendAndGapsBesideWhatWasStored() throws Exception {
        ReportState state = ReportFold.replay(List.of(opened(),
                attachedWith("1.1", ADVANCE, "r-1", "7.1.1", "ร้อยละความสำเร็จ", values("2564=70", "2566=78"), AVERAGE,
                             HIGHER, 1)));

        JsonNode report = ReportJson.MAPPER.readTree(ReportJson.write(ReportViewBuilder.build(state)));
        JsonNode inLevel = report.at("/categories/0/criteria/0/levels/1/results/0");
        assertThat(inLevel.get("resultId").asText()).isEqualTo("r-1");
        assertThat(inLevel.at("/comparison/source").asText()).isEqualTo("ค่าเฉลี่ยกลุ่มจังหวัด ๒๕๖๖ 📊");
        assertThat(inLevel.at("/comparison/value").decimalValue()).isEqualByComparingTo("76.25");
        assertThat(inLevel.get("direction").asText()).isEqualTo("higher");
        assertThat(inLevel.at("/trend/judgement").asText()).isEqualTo("improving");
        assertThat(inLevel.at("/trend/change").decimalValue()).isEqualByComparingTo("8");
        assertThat(inLevel.at("/targetGap/difference").decimalValue()).isEqualByComparingTo("-2");
        assertThat(inLevel.at("/targetGap/met").asBoolean()).isFalse();
        assertThat(inLevel.at("/comparisonGap/judgement").asText()).isEqualTo("better");
        JsonNode inCategorySeven = report.at("/results/0/indicatorGroups/0/results/0");
        assertThat(inCategorySeven.get("criterionId").asText()).isEqualTo("1.1");
        assertThat(inCategorySeven.at("/result/trend")).isEqualTo(inLevel.get("trend"));
        // a result without figures to judge says so with nulls
        ReportState plain = ReportFold.replay(List.of(opened(),
                attachedWith("1.1", BASIC, "r-2", "7.1.1", "ใหม่", Map.of(), null, null, 1)));
        JsonNode bare = ReportJson.MAPPER.readTree(ReportJson.write(ReportViewBuilder.build(plain)))
                                         .at("/categories/0/criteria/0/levels/0/results/0");
        assertThat(bare.get("trend").isNull()).isTrue();
        assertThat(bare.get("direction").isNull()).isTrue();
        assertThat(bare.get("comparison").isNull()).isTrue();
    }

    @Test
    void aLiveSectionUpdateCarriesTheResultWithItsReadingAsTheReportDoes() throws Exception {
        ReportState state = ReportFold.replay(List.of(opened(),
                attachedWith("1.1", BASIC, "r-1", "7.1.1", "ร้อยละความสำเร็จ", values("2565=70", "2566=78"), null,
                             null, 1)));
        ChangeEntry change = ChangeDescriber.describe(state,
                revisedWith("1.1", BASIC, "r-1", values("2565=70", "2566=81"), AVERAGE, HIGHER, 2), 3);

        // what the projector stores with the change, and the report stream and change feed send
        JsonNode content = ReportJson.MAPPER.readTree(ReportJson.write(ReportViewBuilder.section(state, change.section())));
        assertThat(content.at("/levels/0/results/0/valuesByFiscalYear/2566").decimalValue()).isEqualByComparingTo("81");
        assertThat(content.at("/levels/0/results/0/targetGap/met").asBoolean()).isTrue();
        assertThat(content.at("/levels/0/results/0/comparisonGap/difference").decimalValue()).isEqualByComparingTo("4.75");
        assertThat(content.at("/levels/0/results/0")).isEqualTo(ReportJson.MAPPER.readTree(ReportJson.write(
                ReportViewBuilder.build(state))).at("/categories/0/criteria/0/levels/0/results/0"));
    }

    @Test
    void sevenOneOneCountsItsDistinctIndicatorsAcrossTheReportAgainstTheSeedsTwoToThree() throws Exception {
        List<AssessmentEvent> events = new ArrayList<>(List.of(opened(),
                attachedWith("1.1", BASIC, "r-1", "7.1.1", "ร้อยละการเบิกจ่าย", Map.of(), null, null, 1),
                // the same indicator as evidence at another level and sub-criterion is still one indicator
                attachedWith("2.2", ADVANCE, "r-2", "7.1.1", " ร้อยละการเบิกจ่าย ", Map.of(), null, null, 2),
                attachedWith("1.1", BASIC, "r-3", "7.1.2", "ตัววัดยุทธศาสตร์", Map.of(), null, null, 3)));
        assertThat(countOf(events)).isEqualTo(new IndicatorCountCheck(2, 3, "ไม่น้อยกว่า 2 ตัว ไม่เกิน 3 ตัว", 1, false));

        events.add(attachedWith("1.2", BASIC, "r-4", "7.1.1", "ร้อยละความสำเร็จตามคำรับรอง", Map.of(), null, null, 4));
        assertThat(countOf(events).within()).isTrue();
        events.add(attachedWith("6.1", BASIC, "r-5", "7.1.1", "ตัวที่สาม", Map.of(), null, null, 5));
        events.add(attachedWith("6.2", BASIC, "r-6", "7.1.1", "ตัวที่สี่", Map.of(), null, null, 6));
        assertThat(countOf(events)).isEqualTo(new IndicatorCountCheck(2, 3, "ไม่น้อยกว่า 2 ตัว ไม่เกิน 3 ตัว", 4, false));
        events.add(detached("6.2", BASIC, "r-6", SUDA, 7));
        assertThat(countOf(events).count()).isEqualTo(3);

        JsonNode groups = ReportJson.MAPPER.readTree(ReportJson.write(ReportViewBuilder.build(ReportFold.replay(events))))
                                           .at("/results/0/indicatorGroups");
        assertThat(groups.get(0).at("/indicatorCount/count").asInt()).isEqualTo(3);
        assertThat(groups.get(0).at("/indicatorCount/within").asBoolean()).isTrue();
        assertThat(groups.get(1).has("indicatorCount")).as("7.1.2 has no count guidance").isFalse();
    }

    private static ResultJudgement judge(ReportState.Result r) {
        return ResultJudgement.of(r.valuesByFiscalYear(), r.target(), r.comparison(), r.direction());
    }

    private static IndicatorCountCheck countOf(List<AssessmentEvent> events) {
        return ResultViews.indicatorCount(ReportFold.replay(events), ReportViewBuilder.catalogOf(ReportFold.replay(events))
                                                                                .indicatorGroup("7.1.1").orElseThrow())
                                  .orElseThrow();
    }
}
