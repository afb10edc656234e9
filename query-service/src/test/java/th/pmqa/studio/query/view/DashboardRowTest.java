package th.pmqa.studio.query.view;

import th.pmqa.studio.query.http.DashboardController;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.query.model.ReportFold;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionApprovedEvent;
import th.pmqa.studio.report.SectionMarkedReadyEvent;
import th.pmqa.studio.report.SectionReopenedEvent;
import th.pmqa.studio.report.SubmissionWindowExtendedEvent;
import th.pmqa.studio.report.SubmissionWindowSetEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.catalog.LevelKind.ADVANCE;
import static th.pmqa.studio.catalog.LevelKind.BASIC;
import static th.pmqa.studio.catalog.LevelKind.SIGNIFICANCE;
import static th.pmqa.studio.query.model.TestEvents.*;

@SuppressWarnings("unchecked")
class DashboardRowTest {

    private static ReportState report(AssessmentEvent... events) {
        List<AssessmentEvent> all = new ArrayList<>();
        all.add(opened());
        all.addAll(List.of(events));
        return ReportFold.replay(all);
    }

    @Test
    void aFreshAssessmentHasNothingDraftedOfTheCatalogsTotals() {
        DashboardRow row = DashboardRow.of(report());

        assertThat(row.assessmentId()).isEqualTo("KKN-2567");
        assertThat(row.organizationCode()).isEqualTo("KKN");
        assertThat(row.status()).isEqualTo("OPEN");
        assertThat(row.adrDrafted()).isZero();
        assertThat(row.adrTotal()).isEqualTo(162);
        assertThat(row.profileDrafted()).isZero();
        assertThat(row.profileTotal()).isEqualTo(29);
        assertThat(row.criteriaRated()).isZero();
        assertThat(row.criteriaTotal()).isEqualTo(18);
        assertThat(row.score()).containsEntry("value", null).containsEntry("band", null);
        assertThat(row.adrDraftedPerCategory()).containsOnlyKeys(1, 2, 3, 4, 5, 6).allSatisfy((k, v) -> assertThat(v).isZero());
        assertThat(row.editorsLast24h()).isNull();
    }

    @Test
    void theRowFollowsTheReviewOfEachSectionAndTheCloseOfTheWindow() {
        Section criterion11 = Section.of(c("1.1"));
        Section criterion12 = Section.of(c("1.2"));
        Instant closes = T0.plus(Duration.ofDays(30));
        DashboardRow row = DashboardRow.of(report(
                new SectionMarkedReadyEvent(ID, Section.PROFILE, SOMCHAI, at(1)),
                new SectionMarkedReadyEvent(ID, criterion11, SOMCHAI, at(2)),
                new SectionApprovedEvent(ID, criterion11, SUDA, at(3)),
                new SectionMarkedReadyEvent(ID, criterion12, SOMCHAI, at(4)),
                new SectionApprovedEvent(ID, criterion12, SUDA, at(5)),
                new SectionReopenedEvent(ID, criterion12, "ต้องเพิ่มผลลัพธ์", SUDA, at(6)),
                new SubmissionWindowSetEvent(ID, T0, closes, SUDA, at(7)),
                new SubmissionWindowExtendedEvent(ID, closes.plus(Duration.ofDays(7)), closes, "น้ำท่วม", SUDA, at(8)),
                profile(3, "บุคลากร ๑๒๐ คน", 1, SOMCHAI, 9)));

        assertThat(row.review()).isEqualTo(new ReviewProgress(19, 1, 1, 17, 1));
        assertThat(row.windowClosesAt()).isEqualTo(closes.plus(Duration.ofDays(7)));
    }

    @Test
    void theSummaryAddsUpReviewsAndCountsOpenAssessmentsWithEverySectionApproved() {
        List<AssessmentEvent> approveAll = new ArrayList<>();
        int minute = 1;
        for (Section section : everySection()) {
            approveAll.add(new SectionMarkedReadyEvent(ID, section, SOMCHAI, at(minute++)));
            approveAll.add(new SectionApprovedEvent(ID, section, SUDA, at(minute++)));
        }
        DashboardRow allApproved = DashboardRow.of(report(approveAll.toArray(AssessmentEvent[]::new)));
        List<AssessmentEvent> thenSubmitted = new ArrayList<>(approveAll);
        thenSubmitted.add(submitted(SUDA, minute));
        DashboardRow submitted = DashboardRow.of(report(thenSubmitted.toArray(AssessmentEvent[]::new)));
        DashboardRow oneReady = DashboardRow.of(report(new SectionMarkedReadyEvent(ID, Section.PROFILE, SOMCHAI, at(1))));

        DashboardController.ReviewSummaryDoc review = (DashboardController.ReviewSummaryDoc)
                DashboardController.summary(List.of(allApproved, submitted, oneReady)).get("review");

        assertThat(review).isEqualTo(new DashboardController.ReviewSummaryDoc(57, 38, 1, 0, 1));
    }

    @Test
    void theRowCarriesPerSubCriterionTheRatedLevelAndTheDraftedPartsForTheHeatmap() {
        DashboardRow row = DashboardRow.of(report(approach("1.1", BASIC, "แนวทาง", 1, SOMCHAI, 1),
                                                  deploy("1.1", ADVANCE, "นำไปปฏิบัติ", 1, SOMCHAI, 2),
                                                  rated("2.1", 420)));

        assertThat(row.criteria()).hasSize(18);
        assertThat(row.criteria().keySet()).first().isEqualTo("1.1");
        assertThat(row.criteria().get("1.1")).isEqualTo(new DashboardCell(null, 2));
        assertThat(row.criteria().get("2.1")).isEqualTo(new DashboardCell("advance", 0));
        assertThat(row.criteria().get("6.3")).isEqualTo(new DashboardCell(null, 0));
        assertThat(ReportJson.read(ReportJson.write(row), DashboardRow.class).criteria()).isEqualTo(row.criteria());
    }

    @Test
    void aRowStoredBeforeItCarriedCellsReadsBackWithoutThem() {
        String old = ReportJson.write(DashboardRow.of(report())).replaceAll(",\"criteria\":\\{.*\\}\\}$", "}");

        DashboardRow row = ReportJson.read(old, DashboardRow.class);

        assertThat(old).doesNotContain("\"criteria\":{");
        assertThat(row.criteria()).isNull();
    }

    /** A row stored before rows carried their review reads back without one, and the summary skips it. */
    @Test
    void aRowStoredBeforeReviewProgressExistedReadsBackWithoutIt() {
        String old = ReportJson.write(DashboardRow.of(report())).replaceAll(",\"review\":\\{[^}]*\\}", "");

        DashboardRow row = ReportJson.read(old, DashboardRow.class);

        assertThat(old).doesNotContain("review");
        assertThat(row.review()).isNull();
        assertThat(DashboardController.summary(List.of(row))).containsKey("review");
    }

    private static List<Section> everySection() {
        List<Section> sections = new ArrayList<>(List.of(Section.PROFILE));
        th.pmqa.studio.query.view.ReportViewBuilder.catalogOf(report()).criteria()
                .forEach(criterion -> sections.add(Section.of(c(criterion.id()))));
        return sections;
    }

    @Test
    void countsFollowDraftsAndRatings() {
        DashboardRow row = DashboardRow.of(report(
                approach("1.1", BASIC, "ก", 1, SOMCHAI, 1),
                deploy("1.1", BASIC, "ข", 1, SOMCHAI, 2),
                resultText("1.2", SIGNIFICANCE, "ค", 1, SOMCHAI, 3),
                approach("6.3", ADVANCE, "ง", 1, SUDA, 4),
                approach("6.3", ADVANCE, "ง ใหม่", 2, SUDA, 5),
                approach("5.1", BASIC, "   ", 1, SUDA, 6),
                profile(1, "พันธกิจ", 1, SOMCHAI, 7),
                profile(29, "ความท้าทาย", 1, SOMCHAI, 8),
                profile(3, "", 1, SOMCHAI, 9),
                rated("1.1", 420),
                rated("6.3", 480)));

        assertThat(row.adrDrafted()).isEqualTo(4);
        assertThat(row.profileDrafted()).isEqualTo(2);
        assertThat(row.criteriaRated()).isEqualTo(2);
        assertThat(row.adrDraftedPerCategory()).containsEntry(1, 3).containsEntry(6, 1).containsEntry(5, 0);
        assertThat(row.score().get("value")).isEqualTo(450.0);
        assertThat(row.position()).isEqualTo(12);
    }

    @Test
    void editorsLast24hCountsDistinctEditorsWhoseLastEditIsWithinADayOfNow() {
        ReportState state = report(approach("1.1", BASIC, "ก", 1, SOMCHAI, 0),
                                   approach("1.1", BASIC, "ข", 2, SOMCHAI, 10),
                                   approach("1.2", BASIC, "ค", 1, SUDA, 20));
        Author kasem = new Author("u-kasem", "เกษม");
        ReportFold.evolve(state, new th.pmqa.studio.report.ApproachDraftedEvent(
                ID, c("2.1"), BASIC, "ง", 1, kasem, at(0).minus(Duration.ofDays(3))), 99);
        DashboardRow row = DashboardRow.of(state);

        assertThat(row.at(at(30)).editorsLast24h()).isEqualTo(2);
        // Somchai's last edit at minute 10 counts even though his first (minute 0) does not
        assertThat(row.at(at(10).plus(Duration.ofHours(24))).editorsLast24h()).isEqualTo(2);
        assertThat(row.at(at(10).plus(Duration.ofHours(24)).plusSeconds(1)).editorsLast24h()).isEqualTo(1);
        assertThat(row.at(at(20).plus(Duration.ofHours(25))).editorsLast24h()).isZero();
    }

    @Test
    void atKeepsEverythingElseOfTheRow() {
        DashboardRow row = DashboardRow.of(report(approach("1.1", BASIC, "ก", 1, SOMCHAI, 1)));
        DashboardRow now = row.at(at(2));

        assertThat(now).usingRecursiveComparison().ignoringFields("editorsLast24h").isEqualTo(row);
        assertThat(now.editorsLast24h()).isEqualTo(1);
    }

    @Test
    void aRowSurvivesItsJsonRoundTrip() {
        DashboardRow row = DashboardRow.of(report(approach("1.1", BASIC, "ก", 1, SOMCHAI, 1), rated("1.1", 420)));

        DashboardRow copy = ReportJson.read(ReportJson.write(row), DashboardRow.class);
        assertThat(copy.assessmentId()).isEqualTo(row.assessmentId());
        assertThat(copy.adrDraftedPerCategory()).isEqualTo(row.adrDraftedPerCategory());
        assertThat(copy.lastEditBy()).isEqualTo(row.lastEditBy());
        assertThat(copy.lastAuthor()).isEqualTo(SOMCHAI);
        assertThat(DashboardController.summary(List.of(copy))).isEqualTo(DashboardController.summary(List.of(row)));
    }

    @Test
    void summaryCountsAssessmentsPerBandIncludingUnrated() {
        List<DashboardRow> rows = List.of(
                DashboardRow.of(report()),
                DashboardRow.of(report(rated("1.1", 350))),
                DashboardRow.of(report(rated("1.1", 350), rated("1.2", 330))),
                DashboardRow.of(report(rated("1.1", 420))),
                DashboardRow.of(report(rated("2.1", 499))));

        Map<String, Object> summary = DashboardController.summary(rows);

        assertThat(summary).containsEntry("assessments", 5);
        assertThat((Map<String, Integer>) summary.get("perBand"))
                .containsExactly(Map.entry("basic", 2), Map.entry("advance", 1), Map.entry("significance", 1),
                                 Map.entry("unrated", 1));
    }

    @Test
    void aRowWithoutAScoreIsUnrated() {
        DashboardRow row = DashboardRow.of(report());
        DashboardRow noScore = new DashboardRow(row.assessmentId(), row.organizationCode(), row.organizationName(),
                                                row.organizationType(), row.fiscalYear(), row.status(), row.position(),
                                                0, 162, 0, 29, 0, 18, null, null, null, Map.of(), Map.of(), row.review(),
                                                null, null, null, null);

        assertThat((Map<String, Integer>) DashboardController.summary(List.of(noScore)).get("perBand"))
                .containsEntry("unrated", 1);
    }

    @Test
    void summaryGivesPerCategoryTheShareOfDraftedParts() {
        List<DashboardRow> rows = List.of(
                DashboardRow.of(report(approach("1.1", BASIC, "ก", 1, SOMCHAI, 1),
                                       approach("1.2", BASIC, "ข", 1, SOMCHAI, 2),
                                       approach("1.3", BASIC, "ค", 1, SOMCHAI, 3))),
                DashboardRow.of(report(approach("1.1", ADVANCE, "ง", 1, SOMCHAI, 1),
                                       approach("6.1", BASIC, "จ", 1, SOMCHAI, 2))));

        Map<Integer, Map<String, Object>> completion =
                (Map<Integer, Map<String, Object>>) DashboardController.summary(rows).get("categoryCompletion");

        assertThat(completion).containsOnlyKeys(1, 2, 3, 4, 5, 6);
        assertThat(completion.get(1)).containsEntry("adrDrafted", 4).containsEntry("adrTotal", 54)
                                     .containsEntry("percent", 7.4);
        assertThat(completion.get(6)).containsEntry("adrDrafted", 1).containsEntry("adrTotal", 54)
                                     .containsEntry("percent", 1.9);
        assertThat(completion.get(3)).containsEntry("adrDrafted", 0).containsEntry("percent", 0.0);
    }

    @Test
    void summaryOfNoRowsIsAllZero() {
        Map<String, Object> summary = DashboardController.summary(List.of());

        assertThat(summary).containsEntry("assessments", 0);
        assertThat((Map<String, Integer>) summary.get("perBand")).containsOnly(
                Map.entry("basic", 0), Map.entry("advance", 0), Map.entry("significance", 0), Map.entry("unrated", 0));
        assertThat((Map<Integer, Object>) summary.get("categoryCompletion")).isEmpty();
    }
}
