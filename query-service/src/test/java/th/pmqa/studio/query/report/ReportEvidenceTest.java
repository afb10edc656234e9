package th.pmqa.studio.query.report;

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
import static th.pmqa.studio.query.report.TestEvents.*;

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
    @SuppressWarnings("unchecked")
    void uploaded_evidence_is_listed_at_the_root_and_under_the_sub_criterion_it_supports() {
        Map<String, Object> report = ReportRenderer.render(ReportFold.replay(history()));

        List<?> evidence = (List<?>) report.get("evidence");
        assertThat(evidence).hasSize(2);
        assertThat((Map<String, Object>) evidence.get(0)).containsEntry("evidenceId", PLAN.value())
                .containsEntry("fileName", NAME).containsEntry("place", "criteria/1.1/basic/approach")
                .containsEntry("supports", "criteria/1.1").containsEntry("sha256", "a".repeat(64));
        assertThat((Map<String, Object>) evidence.get(1)).containsEntry("resultId", RESULT.value())
                .containsEntry("supports", "criteria/2.1");
        assertThat(criterion(report, "1.1").get("evidence")).isEqualTo(List.of(PLAN.value()));
        assertThat(criterion(report, "2.1").get("evidence")).isEqualTo(List.of(FIGURES.value()));
        assertThat(criterion(report, "1.2").get("evidence")).isEqualTo(List.of());
    }

    @Test
    void an_upload_and_a_removal_are_changes_of_the_section_the_evidence_supports() {
        ReportState state = new ReportState();
        long position = 0;
        for (AssessmentEvent event : history()) {
            ReportFold.evolve(state, event, ++position);
        }
        ReportChange removal = ReportFold.evolve(state, new EvidenceRemovedEvent(ID, PLAN, SUDA, at(4)), ++position);

        assertThat(removal.kind()).isEqualTo("EVIDENCE_REMOVED");
        assertThat(removal.section()).isEqualTo("criteria/1.1");
        assertThat(removal.before()).contains(NAME);
        assertThat(state.evidence).containsOnlyKeys(FIGURES.value());
    }

    @Test
    void a_report_as_of_before_an_upload_does_not_list_it() {
        ReportState before = ReportFold.replay(history().subList(0, 2));

        assertThat((List<?>) ReportRenderer.render(before).get("evidence")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> criterion(Map<String, Object> report, String id) {
        for (Object category : (List<?>) report.get("categories")) {
            for (Object criterion : (List<?>) ((Map<String, Object>) category).get("criteria")) {
                if (id.equals(((Map<String, Object>) criterion).get("id"))) {
                    return (Map<String, Object>) criterion;
                }
            }
        }
        throw new AssertionError("no criterion " + id);
    }
}
