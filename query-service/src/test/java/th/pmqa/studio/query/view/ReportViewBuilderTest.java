package th.pmqa.studio.query.view;

import th.pmqa.studio.query.model.ReportFold;
import th.pmqa.studio.query.model.ReportState;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.report.AssessmentEvent;

import th.pmqa.studio.report.AssessmentStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.catalog.LevelKind.ADVANCE;
import static th.pmqa.studio.catalog.LevelKind.BASIC;
import static th.pmqa.studio.catalog.LevelKind.SIGNIFICANCE;
import static th.pmqa.studio.query.model.TestEvents.*;

@SuppressWarnings("unchecked")
class ReportViewBuilderTest {

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

    private static OverallScoreView overall(ReportState state) {
        return ScoreViews.overall(state, CATALOG);
    }

    private static CategoryView category(ReportState state, int number) {
        return ReportViewBuilder.build(state).categories().stream()
                                .filter(c -> c.number() == number).findFirst().orElseThrow();
    }

    private static SubCriterionView criterion(ReportState state, String id) {
        return (SubCriterionView) ReportViewBuilder.section(state, "criteria/" + id);
    }

    private static CriterionCompletenessView completeness(ReportState state, String id) {
        return criterion(state, id).completeness();
    }

    private static String bandLevel(BandView band) {
        return band == null ? null : band.level().pathName();
    }

    private static String bandLevel(ScoreView score) {
        return bandLevel(score.band());
    }

    private static String bandLevel(OverallScoreView score) {
        return bandLevel(score.band());
    }

    @Test
    void withoutRatingsThereIsNoScoreAndNoBand() {
        ReportState state = report();

        assertThat(overall(state)).isEqualTo(new OverallScoreView(null, null, 0, 18));
        assertThat(category(state, 1).score()).isEqualTo(new ScoreView(null, null));
        assertThat(criterion(state, "1.1").score()).isEqualTo(new ScoreView(null, null));
    }

    @Test
    void oneRatingOf420IsAnOverallAdvanceScoreOf420() {
        ReportState state = report(rated("1.1", ADVANCE, 420, "เชิงรุก", SOMCHAI, 1));

        OverallScoreView score = overall(state);
        assertThat(score.value()).isEqualTo(420.0);
        assertThat(score.rated()).isEqualTo(1);
        assertThat(score.band()).isEqualTo(new BandView("Advance", Level.ADVANCE, 469, 400, CATALOG.band(ADVANCE).nameThai()));
        assertThat(category(state, 1).score().value()).isEqualTo(420.0);
        assertThat(category(state, 2).score().value()).isNull();
        assertThat(criterion(state, "1.1").score().value()).isEqualTo(420.0);
    }

    @Test
    void aCategoryScoresTheMeanOfItsRatedSubCriteriaAndOverallTheMeanOfAllRated() {
        ReportState state = report(rated("1.1", 400), rated("1.2", 451), rated("2.1", 320));

        ScoreView cat1 = category(state, 1).score();
        ScoreView cat2 = category(state, 2).score();
        assertThat(cat1.value()).isEqualTo(425.5);
        assertThat(bandLevel(cat1)).isEqualTo("advance");
        assertThat(cat2.value()).isEqualTo(320.0);
        assertThat(bandLevel(cat2)).isEqualTo("basic");
        assertThat(category(state, 3).score().value()).isNull();

        OverallScoreView all = overall(state);
        assertThat(all.value()).isEqualTo(390.3); // (400 + 451 + 320) / 3 = 390.33…
        assertThat(bandLevel(all)).isEqualTo("basic");
        assertThat(all.rated()).isEqualTo(3);
        assertThat(category(state, 1).completeness().rated()).isEqualTo(2);
        assertThat(category(state, 1).completeness().criteria()).isEqualTo(3);
    }

    @Test
    void overallIsNotTheMeanOfCategoryMeans() {
        // category 1: 300, 300, 480 (mean 360); category 2: 480 → overall 390, mean of category means would be 420
        ReportState state = report(rated("1.1", 300), rated("1.2", 300), rated("1.3", 480), rated("2.1", 480));

        assertThat(overall(state).value()).isEqualTo(390.0);
        assertThat(bandLevel(overall(state))).isEqualTo("basic");
    }

    @Test
    void aMeanOf399Point6IsShownAs399Point6InTheAdvanceBandBecauseTheBandIsOfTheRoundedValue() {
        ReportState state = report(rated("1.1", 399), rated("1.2", 400), rated("1.3", 400),
                                   rated("2.1", 400), rated("2.2", 399));

        OverallScoreView score = overall(state);
        assertThat(score.value()).isEqualTo(399.6);
        assertThat(bandLevel(score)).isEqualTo("advance");
    }

    @Test
    void bandEdgesFollowTheRoundedValue() {
        assertThat(bandLevel(ScoreViews.score(399.4, CATALOG))).isEqualTo("basic");
        assertThat(bandLevel(ScoreViews.score(399.5, CATALOG))).isEqualTo("advance");
        assertThat(bandLevel(ScoreViews.score(400.0, CATALOG))).isEqualTo("advance");
        assertThat(bandLevel(ScoreViews.score(469.4, CATALOG))).isEqualTo("advance");
        assertThat(bandLevel(ScoreViews.score(469.5, CATALOG))).isEqualTo("significance");
        assertThat(bandLevel(ScoreViews.score(300.0, CATALOG))).isEqualTo("basic");
        assertThat(bandLevel(ScoreViews.score(299.5, CATALOG))).isEqualTo("basic");
        assertThat(bandLevel(ScoreViews.score(500.0, CATALOG))).isEqualTo("significance");
        assertThat(ScoreViews.score(299.4, CATALOG)).isEqualTo(new ScoreView(299.4, null));
        assertThat(ScoreViews.score(500.6, CATALOG).band()).isNull();
        assertThat(ScoreViews.score(null, CATALOG)).isEqualTo(new ScoreView(null, null));
        assertThat(ScoreViews.score(420.04, CATALOG).value()).isEqualTo(420.0);
        assertThat(ScoreViews.score(420.05, CATALOG).value()).isEqualTo(420.1);
    }

    @Test
    void twoScoresShownAsTheSameValueGetTheSameBand() {
        ScoreView fromExact = ScoreViews.score(399.5, CATALOG);
        ScoreView fromMean = ScoreViews.score(5193.0 / 13, CATALOG);

        assertThat(fromMean.value()).isEqualTo(fromExact.value());
        assertThat(bandLevel(fromMean)).isEqualTo(bandLevel(fromExact));
    }

    @Test
    void anUntouchedCriterionMissesEveryPart() {
        CriterionCompletenessView completeness = completeness(report(), "1.1");

        assertThat(completeness.missing()).containsExactlyElementsOf(ALL_MISSING);
        assertThat(completeness).isEqualTo(new CriterionCompletenessView(0, 9, false, ALL_MISSING));
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
            CriterionCompletenessView completeness = completeness(state, "1.1");
            assertThat(completeness.missing()).as("after %d events", done)
                    .containsExactlyElementsOf(ALL_MISSING.subList(done, ALL_MISSING.size()));
            assertThat(completeness.complete()).isEqualTo(done == events.size());
            assertThat(completeness.adrDrafted()).isEqualTo(Math.max(0, Math.min(9, done - 2)));
        }
    }

    @Test
    void aBlankTextDoesNotCountAsDrafted() {
        ReportState state = report(approach("1.1", BASIC, "  ", 1, SOMCHAI, 1),
                                   deploy("1.1", BASIC, "\n\t ", 1, SOMCHAI, 2),
                                   summary("1.1", " ", 1, SOMCHAI, 3),
                                   profile(5, "   ", 1, SOMCHAI, 4));

        CriterionCompletenessView completeness = completeness(state, "1.1");
        assertThat(completeness.missing()).contains("basic/approach", "basic/deploy", "summary");
        assertThat(completeness.adrDrafted()).isEqualTo(0);
        assertThat(ReportViewBuilder.adrDrafted(state)).isZero();
        assertThat(ReportViewBuilder.profileDrafted(state)).isZero();
        assertThat(((ProfileItemView) ReportViewBuilder.section(state, "profile/5")).empty()).isTrue();
    }

    @Test
    void aDraftEmptiedAgainCountsAsMissingAgain() {
        ReportState state = report(approach("1.1", BASIC, "แนวทาง", 1, SOMCHAI, 1),
                                   approach("1.1", BASIC, "", 2, SOMCHAI, 2));

        assertThat(completeness(state, "1.1").missing()).contains("basic/approach");
        assertThat(ReportViewBuilder.adrDrafted(state)).isZero();
    }

    @Test
    void profileCompletenessCountsDraftedItemsOf29() {
        ReportState state = report(profile(1, "พันธกิจ", 1, SOMCHAI, 1),
                                   profile(2, "วิสัยทัศน์", 1, SOMCHAI, 2),
                                   profile(2, "วิสัยทัศน์ใหม่", 2, SUDA, 3),
                                   profile(29, "ความท้าทาย", 1, SUDA, 4),
                                   profile(7, " ", 1, SUDA, 5));

        ProfileView profile = ReportViewBuilder.profile(state, CATALOG);
        assertThat(profile.completeness().drafted()).isEqualTo(3);
        assertThat(profile.completeness().total()).isEqualTo(29);
        assertThat(ReportViewBuilder.profileDrafted(state)).isEqualTo(3);
        List<ProfileItemView> items = profile.questions().stream().flatMap(q -> q.items().stream()).toList();
        assertThat(items).extracting(ProfileItemView::number)
                         .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 29).boxed().toList());
        assertThat(items).filteredOn(i -> !i.empty())
                         .extracting(ProfileItemView::number).containsExactlyInAnyOrder(1, 2, 29);
    }

    @Test
    void categoryCompletenessCountsDraftedPartsOf27() {
        ReportState state = report(approach("1.1", BASIC, "ก", 1, SOMCHAI, 1),
                                   approach("1.3", SIGNIFICANCE, "ข", 1, SOMCHAI, 2),
                                   approach("2.1", BASIC, "ค", 1, SOMCHAI, 3));

        assertThat(category(state, 1).completeness())
                .isEqualTo(new th.pmqa.studio.query.view.CategoryCompletenessView(2, 27, 3, 0));
        assertThat(ReportViewBuilder.adrDrafted(state)).isEqualTo(3);
        assertThat(ReportViewBuilder.ADR_PARTS_PER_CRITERION).isEqualTo(9);
    }

    @Test
    void categorySevenGathersAttachedResultsUnderTheirIndicatorGroupAndDimension() {
        ReportState state = report(attached("1.1", ADVANCE, "r-1", "7.1.1", "แผนสำเร็จ", SOMCHAI, 1),
                                   attached("2.1", BASIC, "r-2", "7.1.1", "ยุทธศาสตร์", SOMCHAI, 2),
                                   attached("3.2", SIGNIFICANCE, "r-3", "7.2.3", "ความพึงพอใจ", SOMCHAI, 3),
                                   attached("4.1", BASIC, "r-4", "7.6.4", "ชั่วคราว", SOMCHAI, 4),
                                   detached("4.1", BASIC, "r-4", SOMCHAI, 5));

        List<ResultDimensionView> dimensions = ReportViewBuilder.build(state).results();
        assertThat(dimensions).extracting(ResultDimensionView::dimension)
                              .containsExactly("7.1", "7.2", "7.3", "7.4", "7.5", "7.6");
        assertThat(dimensions.stream().mapToInt(d -> d.indicatorGroups().size()).sum()).isEqualTo(27);

        assertThat(resultsOf(dimensions, "7.1", "7.1.1")).extracting(GroupResultView::criterionId)
                                                        .containsExactly("1.1", "2.1");
        assertThat(resultsOf(dimensions, "7.1", "7.1.1"))
                .extracting(e -> e.result().name())
                .containsExactly("แผนสำเร็จ", "ยุทธศาสตร์");
        assertThat(resultsOf(dimensions, "7.2", "7.2.3")).extracting(GroupResultView::criterionId).containsExactly("3.2");
        assertThat(resultsOf(dimensions, "7.6", "7.6.4")).isEmpty();
        long all = dimensions.stream().flatMap(d -> d.indicatorGroups().stream())
                             .mapToLong(g -> g.results().size()).sum();
        assertThat(all).isEqualTo(3);
    }

    private static List<GroupResultView> resultsOf(List<ResultDimensionView> dimensions, String dimension,
                                                   String group) {
        ResultDimensionView d = dimensions.stream().filter(x -> x.dimension().equals(dimension)).findFirst().orElseThrow();
        return d.indicatorGroups().stream().filter(x -> x.id().equals(group)).findFirst().orElseThrow().results();
    }

    @Test
    void sectionOfACriterionIsThatCriterionsContent() {
        ReportState state = report(approach("1.1", BASIC, "แนวทาง", 1, SOMCHAI, 1),
                                   summary("1.1", "สรุป", 1, SUDA, 2),
                                   linkedProfile("1.1", List.of(3), SOMCHAI, 3),
                                   linkedIndicators("1.1", List.of("7.1.1"), SOMCHAI, 4),
                                   attached("1.1", ADVANCE, "r-1", "7.1.1", "แผน", SOMCHAI, 5),
                                   rated("1.1", 420));

        SubCriterionView section = criterion(state, "1.1");
        assertThat(section.section()).isEqualTo("criteria/1.1");
        assertThat(section.id()).isEqualTo("1.1");
        assertThat(section.title()).isEqualTo(CATALOG.criterion("1.1").orElseThrow().title());
        assertThat(section.summary().text()).isEqualTo("สรุป");
        assertThat(section.rating().score()).isEqualTo(420);
        assertThat(section.profileItems())
                .containsExactly(new LinkedProfileItemView(3, CATALOG.profileItem(3).orElseThrow().title()));
        assertThat(section.indicatorGroups())
                .containsExactly(new LinkedIndicatorGroupView("7.1.1", CATALOG.indicatorGroup("7.1.1").orElseThrow().title()));
        List<LevelView> levels = section.levels();
        assertThat(levels).extracting(LevelView::level).containsExactly(Level.BASIC, Level.ADVANCE, Level.SIGNIFICANCE);
        assertThat(levels.get(0).approach().text()).isEqualTo("แนวทาง");
        assertThat(levels.get(0).deploy()).isNull();
        assertThat(levels.get(1).results()).hasSize(1);
        assertThat(levels.get(0).results()).isEmpty();
    }

    @Test
    void sectionOfAProfileItemIsThatItemsContent() {
        ReportState state = report(profile(5, "โครงสร้างองค์การ", 2, SUDA, 1));

        ProfileItemView section = (ProfileItemView) ReportViewBuilder.section(state, "profile/5");
        assertThat(section).isEqualTo(new ProfileItemView("profile/5", 5, CATALOG.profileItem(5).orElseThrow().title(),
                                                          new TextView("โครงสร้างองค์การ", 2, SUDA, at(1), true), false));

        ProfileItemView untouched = (ProfileItemView) ReportViewBuilder.section(state, "profile/6");
        assertThat(untouched.empty()).isTrue();
        assertThat(untouched.text()).isNull();
    }

    @Test
    void sectionsOutsideTheCatalogAreNull() {
        ReportState state = report();
        assertThat(ReportViewBuilder.section(state, "criteria/9.9")).isNull();
        assertThat(ReportViewBuilder.section(state, "profile/30")).isNull();
    }

    @Test
    void theAssessmentSectionHoldsStatusAndOverallScore() {
        ReportState state = report(rated("1.1", 420), submitted(SOMCHAI, 2));

        AssessmentSectionView section = (AssessmentSectionView) ReportViewBuilder.section(state, "assessment");
        assertThat(section.section()).isEqualTo("assessment");
        assertThat(section.status()).isEqualTo(AssessmentStatus.SUBMITTED);
        assertThat(section.score().value()).isEqualTo(420.0);
    }

    @Test
    void renderLaysTheReportOutInApplicationReportOrder() {
        ReportState state = report(profile(1, "พันธกิจ", 1, SOMCHAI, 1));

        Map<String, Object> rendered = ViewJson.report(state);
        assertThat(rendered.keySet()).containsExactly("assessmentId", "organization", "fiscalYear", "catalogVersion",
                                                      "status", "submissionWindow", "workflow", "labels", "position", "lastChange", "score",
                                                      "estimatedScore", "ratedLevels", "profile",
                                                      "categories", "results", "evidence");
        ReportView report = ReportViewBuilder.build(state);
        assertThat(report.assessmentId()).isEqualTo("KKN-2567");
        assertThat(report.fiscalYear()).isEqualTo(2567);
        assertThat(report.status()).isEqualTo(AssessmentStatus.OPEN);
        assertThat(report.position()).isEqualTo(2L);
        assertThat(report.categories()).extracting(CategoryView::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(report.lastChange().at()).isEqualTo(at(1));
        assertThat(report.lastChange().author()).isEqualTo(SOMCHAI);
    }

    @Test
    void anUnknownCatalogVersionFallsBackToTheCurrentCatalog() {
        ReportState state = report();
        state.catalogVersion = "pmqa-9.9/2999";
        assertThat(ReportViewBuilder.catalogOf(state).version()).isEqualTo(Catalogs.CURRENT_VERSION);
    }
}
