package th.pmqa.studio.query.view;

import th.pmqa.studio.query.model.ChangeDescriber;
import th.pmqa.studio.query.model.ReportChange;
import th.pmqa.studio.query.model.ReportFold;
import th.pmqa.studio.query.model.ReportState;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.EvidenceId;
import th.pmqa.studio.report.EvidenceRemovedEvent;
import th.pmqa.studio.report.EvidenceUploadedEvent;
import th.pmqa.studio.report.ResultAttachedEvent;
import th.pmqa.studio.report.ResultId;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.query.model.TestEvents.*;

/** Evidence in the report's fold: listed at the root and per sub-criterion, in the history, and gone when removed. */
class ReportEvidenceTest {

    static final EvidenceId PLAN = new EvidenceId("0b7e4a52-1f3c-4d6e-9a8b-7c6d5e4f3a21");
    static final EvidenceId FIGURES = new EvidenceId("0b7e4a52-1f3c-4d6e-9a8b-7c6d5e4f3a22");
    static final ResultId RESULT = new ResultId("8b7c2c1e-6a43-4c55-a3c1-0f2b7f0e9d11");
    static final String NAME = "แผนพัฒนาจังหวัด ๒๕๖๗ 📄.pdf";

    static List<AssessmentEvent> history() {
        return List.of(opened(),
                new ResultAttachedEvent(ID, c("2.1"), LevelKind.BASIC, RESULT, "7.1.1", "ร้อยละ", "ร้อยละ",
                        new BigDecimal("80"), Map.of(2566, new BigDecimal("75")), List.of(), SUDA, at(1)),
                new EvidenceUploadedEvent(ID, PLAN, "a".repeat(64), 1234, "application/pdf", NAME, "แผน",
                        "criteria/1.1/basic/approach", null, SUDA, at(2)),
                new EvidenceUploadedEvent(ID, FIGURES, "b".repeat(64), 99, "text/plain", "ตัวเลข.txt", null, null,
                        RESULT, SUDA, at(3)));
    }

    @Test
    void uploadedEvidenceIsListedAtTheRootAndUnderTheSubCriterionItSupports() {
        ReportView report = ReportViewBuilder.build(ReportFold.replay(history()));

        List<EvidenceView> evidence = report.evidence();
        assertThat(evidence).hasSize(2);
        assertThat(evidence.get(0).evidenceId()).isEqualTo(PLAN.value());
        assertThat(evidence.get(0).fileName()).isEqualTo(NAME);
        assertThat(evidence.get(0).place()).isEqualTo("criteria/1.1/basic/approach");
        assertThat(evidence.get(0).supports()).isEqualTo("criteria/1.1");
        assertThat(evidence.get(0).sha256()).isEqualTo("a".repeat(64));
        assertThat(evidence.get(1).resultId()).isEqualTo(RESULT.value());
        assertThat(evidence.get(1).supports()).isEqualTo("criteria/2.1");
        assertThat(criterion(report, "1.1").evidence()).containsExactly(PLAN.value());
        assertThat(criterion(report, "2.1").evidence()).containsExactly(FIGURES.value());
        assertThat(criterion(report, "1.2").evidence()).isEmpty();
    }

    @Test
    void anUploadAndARemovalAreChangesOfTheSectionTheEvidenceSupports() {
        ReportState state = new ReportState();
        long position = 0;
        ReportChange upload = null;
        for (AssessmentEvent event : history()) {
            upload = ChangeDescriber.fold(state, event, ++position);
        }
        ReportChange removal = ChangeDescriber.fold(state, new EvidenceRemovedEvent(ID, PLAN, SUDA, at(4)), ++position);

        assertThat(upload.kind()).isEqualTo("EVIDENCE_UPLOADED");
        assertThat(upload.section()).isEqualTo("criteria/2.1");
        assertThat(upload.after()).contains("ตัวเลข.txt");
        assertThat(removal.kind()).isEqualTo("EVIDENCE_REMOVED");
        assertThat(removal.section()).isEqualTo("criteria/1.1");
        assertThat(removal.before()).contains(NAME);
        assertThat(state.evidence).containsOnlyKeys(FIGURES.value());
    }

    @Test
    void theHtmlReportNamesTheFilesUnderTheSubCriterionTheySupport() {
        String html = ReportHtml.render(ReportViewBuilder.build(ReportFold.replay(history())));

        assertThat(html).contains("<p>หลักฐาน: " + NAME + "</p>").contains("<p>หลักฐาน: ตัวเลข.txt</p>");
    }

    @Test
    void aReportAsOfBeforeAnUploadDoesNotListIt() {
        ReportState before = ReportFold.replay(history().subList(0, 2));

        assertThat(ReportViewBuilder.build(before).evidence()).isEmpty();
    }

    private static SubCriterionView criterion(ReportView report, String id) {
        return report.categories().stream().flatMap(c -> c.criteria().stream()).filter(c -> c.id().equals(id))
                     .findFirst().orElseThrow(() -> new AssertionError("no criterion " + id));
    }
}
