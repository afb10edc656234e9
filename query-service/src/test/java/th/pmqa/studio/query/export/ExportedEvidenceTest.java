package th.pmqa.studio.query.export;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.query.model.ReportFold;
import th.pmqa.studio.query.view.ReportViewBuilder;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.EvidenceId;
import th.pmqa.studio.report.EvidenceUploadedEvent;
import th.pmqa.studio.report.ResultId;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.query.model.TestEvents.*;

/** The export names the evidence files the exported moment lists: under their sub-criterion and in their result's row. */
class ExportedEvidenceTest {

    private static final String PLAN = "แผนพัฒนาจังหวัด ๒๕๖๗.pdf";
    private static final String SURVEY = "ผลสำรวจความพึงพอใจ.xlsx";

    private static List<AssessmentEvent> withEvidence() {
        List<AssessmentEvent> events = new ArrayList<>(FullReport.events());
        events.add(new EvidenceUploadedEvent(ID, new EvidenceId("0b7e4a52-1f3c-4d6e-9a8b-7c6d5e4f3a21"), "a".repeat(64),
                                             1234, "application/pdf", PLAN, "แผนพัฒนา", "criteria/1.1/basic/approach",
                                             null, SUDA, at(9000)));
        events.add(new EvidenceUploadedEvent(ID, new EvidenceId("0b7e4a52-1f3c-4d6e-9a8b-7c6d5e4f3a22"), "b".repeat(64),
                                             99, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                             SURVEY, null, null, new ResultId("r-0"), SUDA, at(9001)));
        return events;
    }

    private static XWPFDocument export(List<AssessmentEvent> events) throws IOException {
        byte[] bytes = ApplicationReportDocx.write(ReportViewBuilder.build(ReportFold.replay(events)),
                                                   ApplicationReportDocxTest.LATEST);
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    private static List<String> texts(XWPFDocument document) {
        Stream<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText);
        Stream<String> cells = document.getTables().stream().flatMap(t -> t.getRows().stream())
                                       .flatMap(r -> r.getTableCells().stream()).map(XWPFTableCell::getText);
        return Stream.concat(paragraphs, cells).toList();
    }

    @Test
    void uploadedFilesAreNamedUnderTheirSubCriterionAndInTheirResultsRow() throws IOException {
        XWPFDocument document = export(withEvidence());

        assertThat(texts(document)).anyMatch(t -> t.contains("หลักฐาน:") && t.contains("แผนพัฒนา (" + PLAN + ")"));
        XWPFTable results = document.getTables().stream()
                .filter(t -> t.getRow(0).getCell(0).getText().equals("ตัวชี้วัด")).findFirst().orElseThrow();
        List<XWPFTableCell> firstRow = results.getRow(1).getTableCells();
        assertThat(firstRow.get(firstRow.size() - 1).getText()).contains("ev-0").contains(SURVEY);
    }

    @Test
    void anExportOfAMomentBeforeTheUploadsNamesNoneOfThem() throws IOException {
        List<String> texts = texts(export(FullReport.events()));

        assertThat(texts).noneMatch(t -> t.contains(PLAN) || t.contains(SURVEY));
    }
}
