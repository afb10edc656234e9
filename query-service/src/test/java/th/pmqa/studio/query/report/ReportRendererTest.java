package th.pmqa.studio.query.report;

import org.junit.jupiter.api.Test;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.report.AssessmentEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.catalog.LevelKind.ADVANCE;
import static th.pmqa.studio.catalog.LevelKind.BASIC;
import static th.pmqa.studio.catalog.LevelKind.SIGNIFICANCE;
import static th.pmqa.studio.query.report.TestEvents.*;

@SuppressWarnings("unchecked")
class ReportRendererTest {

    private static final Catalog CATALOG = Catalogs.current();
    private static final List<String> ALL_MISSING = List.of(
            "links/profile", "links/indicators",
            "basic/approach", "basic/deploy", "basic/result",
            "advance/approach", "advance/deploy", "advance/result",
            "significance/approach", "significance/deploy", "significance/result",
            "summary", "rating");

    private static ReportState report(AssessmentEvent... events) {
        List<AssessmentEvent> all = new ArrayList<>();
        all.add(opened());
        all.addAll(List.of(events));
        return ReportFold.replay(all);
    }

    private static Map<String, Object> overall(ReportState state) {
        return ReportRenderer.overallScore(state, CATALOG);
    }

    private static Map<String, Object> category(ReportState state, int number) {
        List<Object> categories = (List<Object>) ReportRenderer.render(state).get("categories");
        return categories.stream().map(c -> (Map<String, Object>) c)
                         .filter(c -> c.get("number").equals(number)).findFirst().orElseThrow();
    }

    private static Map<String, Object> criterion(ReportState state, String id) {
        return (Map<String, Object>) ReportRenderer.section(state, "criteria/" + id);
    }

    private static Map<String, Object> completeness(ReportState state, String id) {
        return (Map<String, Object>) criterion(state, id).get("completeness");
    }

    private static String bandLevel(Map<String, Object> score) {
        Map<String, Object> band = (Map<String, Object>) score.get("band");
        return band == null ? null : (String) band.get("level");
    }

    @Test
    void withoutRatingsThereIsNoScoreAndNoBand() {
        ReportState state = report();

        Map<String, Object> score = overall(state);
        assertThat(score).containsEntry("value", null).containsEntry("band", null)
                         .containsEntry("rated", 0).containsEntry("criteria", 18);
        assertThat((Map<String, Object>) category(state, 1).get("score"))
                .containsEntry("value", null).containsEntry("band", null);
        assertThat((Map<String, Object>) criterion(state, "1.1").get("score"))
                .containsEntry("value", null).containsEntry("band", null);
    }

    @Test
    void oneRatingOf420IsAnOverallAdvanceScoreOf420() {
        ReportState state = report(rated("1.1", ADVANCE, 420, "เชิงรุก", SOMCHAI, 1));

        Map<String, Object> score = overall(state);
        assertThat(score.get("value")).isEqualTo(420.0);
        assertThat(score.get("rated")).isEqualTo(1);
        assertThat((Map<String, Object>) score.get("band"))
                .containsEntry("level", "advance").containsEntry("min", 400).containsEntry("max", 469)
                .containsEntry("name", CATALOG.band(ADVANCE).nameThai());
        assertThat(((Map<String, Object>) category(state, 1).get("score")).get("value")).isEqualTo(420.0);
        assertThat(((Map<String, Object>) category(state, 2).get("score")).get("value")).isNull();
        assertThat(((Map<String, Object>) criterion(state, "1.1").get("score")).get("value")).isEqualTo(420.0);
    }

    @Test
    void aCategoryScoresTheMeanOfItsRatedSubCriteriaAndOverallTheMeanOfAllRated() {
        ReportState state = report(rated("1.1", 400), rated("1.2", 451), rated("2.1", 320));

        Map<String, Object> cat1 = (Map<String, Object>) category(state, 1).get("score");
        Map<String, Object> cat2 = (Map<String, Object>) category(state, 2).get("score");
        assertThat(cat1.get("value")).isEqualTo(425.5);
        assertThat(bandLevel(cat1)).isEqualTo("advance");
        assertThat(cat2.get("value")).isEqualTo(320.0);
        assertThat(bandLevel(cat2)).isEqualTo("basic");
        assertThat(((Map<String, Object>) category(state, 3).get("score")).get("value")).isNull();

        Map<String, Object> all = overall(state);
        assertThat(all.get("value")).isEqualTo(390.3); // (400 + 451 + 320) / 3 = 390.33…
        assertThat(bandLevel(all)).isEqualTo("basic");
        assertThat(all.get("rated")).isEqualTo(3);
        assertThat((Map<String, Object>) category(state, 1).get("completeness"))
                .containsEntry("rated", 2).containsEntry("criteria", 3);
    }

    @Test
    void overallIsNotTheMeanOfCategoryMeans() {
        // category 1: 300, 300, 480 (mean 360); category 2: 480 → overall 390, mean of category means would be 420
        ReportState state = report(rated("1.1", 300), rated("1.2", 300), rated("1.3", 480), rated("2.1", 480));

        assertThat(overall(state).get("value")).isEqualTo(390.0);
        assertThat(bandLevel(overall(state))).isEqualTo("basic");
    }

    @Test
    void aMeanOf399Point6IsShownAs399Point6InTheAdvanceBandBecauseTheBandIsOfTheRoundedValue() {
        ReportState state = report(rated("1.1", 399), rated("1.2", 400), rated("1.3", 400),
                                   rated("2.1", 400), rated("2.2", 399));

        Map<String, Object> score = overall(state);
        assertThat(score.get("value")).isEqualTo(399.6);
        assertThat(bandLevel(score)).isEqualTo("advance");
    }

    @Test
    void bandEdgesFollowTheRoundedValue() {
        assertThat(bandLevel(ReportRenderer.score(399.4, CATALOG))).isEqualTo("basic");
        assertThat(bandLevel(ReportRenderer.score(399.5, CATALOG))).isEqualTo("advance");
        assertThat(bandLevel(ReportRenderer.score(400.0, CATALOG))).isEqualTo("advance");
        assertThat(bandLevel(ReportRenderer.score(469.4, CATALOG))).isEqualTo("advance");
        assertThat(bandLevel(ReportRenderer.score(469.5, CATALOG))).isEqualTo("significance");
        assertThat(bandLevel(ReportRenderer.score(300.0, CATALOG))).isEqualTo("basic");
        assertThat(bandLevel(ReportRenderer.score(299.5, CATALOG))).isEqualTo("basic");
        assertThat(bandLevel(ReportRenderer.score(500.0, CATALOG))).isEqualTo("significance");
        assertThat(ReportRenderer.score(299.4, CATALOG)).containsEntry("value", 299.4).containsEntry("band", null);
        assertThat(ReportRenderer.score(500.6, CATALOG)).containsEntry("band", null);
        assertThat(ReportRenderer.score(null, CATALOG)).containsEntry("value", null).containsEntry("band", null);
        assertThat(ReportRenderer.score(420.04, CATALOG).get("value")).isEqualTo(420.0);
        assertThat(ReportRenderer.score(420.05, CATALOG).get("value")).isEqualTo(420.1);
    }

    @Test
    void twoScoresShownAsTheSameValueGetTheSameBand() {
        Map<String, Object> fromExact = ReportRenderer.score(399.5, CATALOG);
        Map<String, Object> fromMean = ReportRenderer.score(5193.0 / 13, CATALOG);

        assertThat(fromMean.get("value")).isEqualTo(fromExact.get("value"));
        assertThat(bandLevel(fromMean)).isEqualTo(bandLevel(fromExact));
    }

    @Test
    void anUntouchedCriterionMissesEveryPart() {
        Map<String, Object> completeness = completeness(report(), "1.1");

        assertThat((List<String>) completeness.get("missing")).containsExactlyElementsOf(ALL_MISSING);
        assertThat(completeness).containsEntry("complete", false).containsEntry("adrDrafted", 0)
                                .containsEntry("adrTotal", 9);
    }

    @Test
    void missingPartsEmptyAsTheyGetDrafted() {
        List<AssessmentEvent> events = new ArrayList<>();
        events.add(linkedProfile("1.1", List.of(1), SOMCHAI, 1));
        events.add(linkedIndicators("1.1", List.of("7.1.1"), SOMCHAI, 1));
        int minute = 2;
        for (var level : List.of(BASIC, ADVANCE, SIGNIFICANCE)) {
            events.add(approach("1.1", level, "แนวทาง", 1, SOMCHAI, minute++));
            events.add(deploy("1.1", level, "นำไปใช้", 1, SOMCHAI, minute++));
            events.add(resultText("1.1", level, "ผล", 1, SOMCHAI, minute++));
        }
        events.add(summary("1.1", "สรุป", 1, SOMCHAI, minute++));
        events.add(rated("1.1", 410));

        for (int done = 0; done <= events.size(); done++) {
            ReportState state = report(events.subList(0, done).toArray(AssessmentEvent[]::new));
            Map<String, Object> completeness = completeness(state, "1.1");
            assertThat((List<String>) completeness.get("missing")).as("after %d events", done)
                    .containsExactlyElementsOf(ALL_MISSING.subList(done, ALL_MISSING.size()));
            assertThat(completeness.get("complete")).isEqualTo(done == events.size());
            assertThat(completeness.get("adrDrafted")).isEqualTo(Math.max(0, Math.min(9, done - 2)));
        }
    }

    @Test
    void aBlankTextDoesNotCountAsDrafted() {
        ReportState state = report(approach("1.1", BASIC, "  ", 1, SOMCHAI, 1),
                                   deploy("1.1", BASIC, "\n\t ", 1, SOMCHAI, 2),
                                   summary("1.1", " ", 1, SOMCHAI, 3),
                                   profile(5, "   ", 1, SOMCHAI, 4));

        Map<String, Object> completeness = completeness(state, "1.1");
        assertThat((List<String>) completeness.get("missing")).contains("basic/approach", "basic/deploy", "summary");
        assertThat(completeness.get("adrDrafted")).isEqualTo(0);
        assertThat(ReportRenderer.adrDrafted(state)).isZero();
        assertThat(ReportRenderer.profileDrafted(state)).isZero();
        assertThat((Map<String, Object>) ReportRenderer.section(state, "profile/5")).containsEntry("empty", true);
    }

    @Test
    void aDraftEmptiedAgainCountsAsMissingAgain() {
        ReportState state = report(approach("1.1", BASIC, "แนวทาง", 1, SOMCHAI, 1),
                                   approach("1.1", BASIC, "", 2, SOMCHAI, 2));

        assertThat((List<String>) completeness(state, "1.1").get("missing")).contains("basic/approach");
        assertThat(ReportRenderer.adrDrafted(state)).isZero();
    }

    @Test
    void profileCompletenessCountsDraftedItemsOf29() {
        ReportState state = report(profile(1, "พันธกิจ", 1, SOMCHAI, 1),
                                   profile(2, "วิสัยทัศน์", 1, SOMCHAI, 2),
                                   profile(2, "วิสัยทัศน์ใหม่", 2, SUDA, 3),
                                   profile(29, "ความท้าทาย", 1, SUDA, 4),
                                   profile(7, " ", 1, SUDA, 5));

        Map<String, Object> profile = ReportRenderer.profile(state, CATALOG);
        assertThat((Map<String, Object>) profile.get("completeness"))
                .containsEntry("drafted", 3L).containsEntry("total", 29);
        assertThat(ReportRenderer.profileDrafted(state)).isEqualTo(3);
        List<Map<String, Object>> items = ((List<Map<String, Object>>) profile.get("questions")).stream()
                .flatMap(q -> ((List<Map<String, Object>>) q.get("items")).stream()).toList();
        assertThat(items).extracting(i -> i.get("number"))
                         .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 29).boxed().toList());
        assertThat(items).filteredOn(i -> Boolean.FALSE.equals(i.get("empty")))
                         .extracting(i -> i.get("number")).containsExactlyInAnyOrder(1, 2, 29);
    }

    @Test
    void categoryCompletenessCountsDraftedPartsOf27() {
        ReportState state = report(approach("1.1", BASIC, "ก", 1, SOMCHAI, 1),
                                   approach("1.3", SIGNIFICANCE, "ข", 1, SOMCHAI, 2),
                                   approach("2.1", BASIC, "ค", 1, SOMCHAI, 3));

        assertThat((Map<String, Object>) category(state, 1).get("completeness"))
                .containsEntry("adrDrafted", 2).containsEntry("adrTotal", 27)
                .containsEntry("rated", 0).containsEntry("criteria", 3);
        assertThat(ReportRenderer.adrDrafted(state)).isEqualTo(3);
        assertThat(ReportRenderer.ADR_PARTS_PER_CRITERION).isEqualTo(9);
    }

    @Test
    void categorySevenGathersAttachedResultsUnderTheirIndicatorGroupAndDimension() {
        ReportState state = report(attached("1.1", ADVANCE, "r-1", "7.1.1", "แผนสำเร็จ", SOMCHAI, 1),
                                   attached("2.1", BASIC, "r-2", "7.1.1", "ยุทธศาสตร์", SOMCHAI, 2),
                                   attached("3.2", SIGNIFICANCE, "r-3", "7.2.3", "ความพึงพอใจ", SOMCHAI, 3),
                                   attached("4.1", BASIC, "r-4", "7.6.4", "ชั่วคราว", SOMCHAI, 4),
                                   detached("4.1", BASIC, "r-4", SOMCHAI, 5));

        List<Map<String, Object>> dimensions = (List<Map<String, Object>>) ReportRenderer.render(state).get("results");
        assertThat(dimensions).extracting(d -> d.get("dimension"))
                              .containsExactly("7.1", "7.2", "7.3", "7.4", "7.5", "7.6");
        assertThat(dimensions.stream().mapToInt(d -> ((List<?>) d.get("indicatorGroups")).size()).sum()).isEqualTo(27);

        assertThat(resultsOf(dimensions, "7.1", "7.1.1")).extracting(e -> e.get("criterionId"))
                                                        .containsExactly("1.1", "2.1");
        assertThat(resultsOf(dimensions, "7.1", "7.1.1"))
                .extracting(e -> ((ResultView) e.get("result")).result().name())
                .containsExactly("แผนสำเร็จ", "ยุทธศาสตร์");
        assertThat(resultsOf(dimensions, "7.2", "7.2.3")).extracting(e -> e.get("criterionId")).containsExactly("3.2");
        assertThat(resultsOf(dimensions, "7.6", "7.6.4")).isEmpty();
        long all = dimensions.stream().flatMap(d -> ((List<Map<String, Object>>) d.get("indicatorGroups")).stream())
                             .mapToLong(g -> ((List<?>) g.get("results")).size()).sum();
        assertThat(all).isEqualTo(3);
    }

    private static List<Map<String, Object>> resultsOf(List<Map<String, Object>> dimensions, String dimension,
                                                       String group) {
        Map<String, Object> d = dimensions.stream().filter(x -> x.get("dimension").equals(dimension)).findFirst().orElseThrow();
        Map<String, Object> g = ((List<Map<String, Object>>) d.get("indicatorGroups")).stream()
                .filter(x -> x.get("id").equals(group)).findFirst().orElseThrow();
        return (List<Map<String, Object>>) g.get("results");
    }

    @Test
    void sectionOfACriterionIsThatCriterionsContent() {
        ReportState state = report(approach("1.1", BASIC, "แนวทาง", 1, SOMCHAI, 1),
                                   summary("1.1", "สรุป", 1, SUDA, 2),
                                   linkedProfile("1.1", List.of(3), SOMCHAI, 3),
                                   linkedIndicators("1.1", List.of("7.1.1"), SOMCHAI, 4),
                                   attached("1.1", ADVANCE, "r-1", "7.1.1", "แผน", SOMCHAI, 5),
                                   rated("1.1", 420));

        Map<String, Object> section = criterion(state, "1.1");
        assertThat(section).containsEntry("section", "criteria/1.1").containsEntry("id", "1.1")
                           .containsEntry("title", CATALOG.criterion("1.1").orElseThrow().title());
        assertThat(((ReportState.Text) section.get("summary")).text()).isEqualTo("สรุป");
        assertThat(((ReportState.Rating) section.get("rating")).score()).isEqualTo(420);
        assertThat((List<Map<String, Object>>) section.get("profileItems"))
                .containsExactly(Map.of("number", 3, "title", CATALOG.profileItem(3).orElseThrow().title()));
        assertThat((List<Map<String, Object>>) section.get("indicatorGroups"))
                .containsExactly(Map.of("id", "7.1.1", "title", CATALOG.indicatorGroup("7.1.1").orElseThrow().title()));
        List<Map<String, Object>> levels = (List<Map<String, Object>>) section.get("levels");
        assertThat(levels).extracting(l -> l.get("level")).containsExactly("basic", "advance", "significance");
        assertThat(((ReportState.Text) levels.get(0).get("approach")).text()).isEqualTo("แนวทาง");
        assertThat(levels.get(0).get("deploy")).isNull();
        assertThat((List<?>) levels.get(1).get("results")).hasSize(1);
        assertThat((List<?>) levels.get(0).get("results")).isEmpty();
    }

    @Test
    void sectionOfAProfileItemIsThatItemsContent() {
        ReportState state = report(profile(5, "โครงสร้างองค์การ", 2, SUDA, 1));

        Map<String, Object> section = (Map<String, Object>) ReportRenderer.section(state, "profile/5");
        assertThat(section).containsEntry("section", "profile/5").containsEntry("number", 5)
                           .containsEntry("title", CATALOG.profileItem(5).orElseThrow().title())
                           .containsEntry("empty", false);
        assertThat(section.get("text")).isEqualTo(new ReportState.Text("โครงสร้างองค์การ", 2, SUDA, at(1)));

        Map<String, Object> untouched = (Map<String, Object>) ReportRenderer.section(state, "profile/6");
        assertThat(untouched).containsEntry("empty", true).containsEntry("text", null);
    }

    @Test
    void sectionsOutsideTheCatalogAreNull() {
        ReportState state = report();
        assertThat(ReportRenderer.section(state, "criteria/9.9")).isNull();
        assertThat(ReportRenderer.section(state, "profile/30")).isNull();
    }

    @Test
    void theAssessmentSectionHoldsStatusAndOverallScore() {
        ReportState state = report(rated("1.1", 420), submitted(SOMCHAI, 2));

        Map<String, Object> section = (Map<String, Object>) ReportRenderer.section(state, "assessment");
        assertThat(section).containsEntry("section", "assessment").containsEntry("status", "SUBMITTED");
        assertThat(((Map<String, Object>) section.get("score")).get("value")).isEqualTo(420.0);
    }

    @Test
    void renderLaysTheReportOutInApplicationReportOrder() {
        ReportState state = report(profile(1, "พันธกิจ", 1, SOMCHAI, 1));

        Map<String, Object> rendered = ReportRenderer.render(state);
        assertThat(rendered.keySet()).containsExactly("assessmentId", "organization", "fiscalYear", "catalogVersion",
                                                      "status", "submissionWindow", "workflow", "labels", "position", "lastChange", "score",
                                                      "estimatedScore", "ratedLevels", "profile",
                                                      "categories", "results", "evidence");
        assertThat(rendered).containsEntry("assessmentId", "KKN-2567").containsEntry("fiscalYear", 2567)
                            .containsEntry("status", "OPEN").containsEntry("position", 2L);
        assertThat((List<Map<String, Object>>) rendered.get("categories")).extracting(c -> c.get("number"))
                                                                         .containsExactly(1, 2, 3, 4, 5, 6);
        assertThat((Map<String, Object>) rendered.get("lastChange"))
                .containsEntry("at", at(1)).containsEntry("author", SOMCHAI);
    }

    @Test
    void anUnknownCatalogVersionFallsBackToTheCurrentCatalog() {
        ReportState state = report();
        state.catalogVersion = "pmqa-9.9/2999";
        assertThat(ReportRenderer.catalogOf(state).version()).isEqualTo(Catalogs.CURRENT_VERSION);
    }
}
