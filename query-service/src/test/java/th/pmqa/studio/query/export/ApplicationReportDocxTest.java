package th.pmqa.studio.query.export;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.catalog.Category;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationReportDocxTest {

    static final ExportVersion LATEST = new ExportVersion("ฉบับล่าสุด", "ล่าสุด", Instant.parse("2024-05-01T03:00:00Z"));
    private static XWPFDocument document;
    private static String xml;

    @BeforeAll
    static void writeAndReadBack() throws IOException {
        byte[] bytes = ApplicationReportDocx.write(FullReport.view(), LATEST);
        Path out = Path.of("target", "export", "full-report.docx");
        Files.createDirectories(out.getParent());
        Files.write(out, bytes);
        document = new XWPFDocument(new ByteArrayInputStream(bytes));
        xml = document.getDocument().xmlText();
    }

    private static List<String> headings(int level) {
        return document.getParagraphs().stream().filter(p -> ("Heading" + level).equals(p.getStyle()))
                       .map(XWPFParagraph::getText).toList();
    }

    @Test
    void theChaptersAreWordHeadingsInTheApplicationReportsOrder() {
        Catalog catalog = Catalogs.current();
        List<String> expected = new ArrayList<>();
        expected.add("ลักษณะสำคัญขององค์การ (Organizational Profile)");
        for (Category category : catalog.categories()) {
            expected.add("หมวด " + category.number() + " " + category.title());
        }
        expected.add("หมวด 7 ผลลัพธ์การดำเนินการ");
        expected.add("สรุประดับที่ประเมินและคะแนนประมาณการ");

        assertThat(headings(1)).containsExactlyElementsOf(expected);
        assertThat(headings(2)).containsSubsequence(catalog.criteria().stream()
                                                           .map(c -> c.id() + " " + c.title()).toList());
        assertThat(headings(3)).filteredOn(h -> h.startsWith("(")).hasSize(catalog.profileQuestions().size());
    }

    @Test
    void aThaiParagraphComesBackByteExactWithToneMarksThaiDigitsAndEmoji() {
        assertThat(document.getParagraphs()).extracting(XWPFParagraph::getText).contains(FullReport.THAI_PARAGRAPH);
    }

    @Test
    void theResultsTableCarriesTheFiguresAsEntered() {
        XWPFTable first = document.getTables().stream()
                .filter(t -> t.getRow(0).getCell(0).getText().equals("ตัวชี้วัด")).findFirst().orElseThrow();
        List<String> header = first.getRow(0).getTableCells().stream().map(c -> c.getText()).toList();
        List<String> row = first.getRow(1).getTableCells().stream().map(c -> c.getText()).toList();

        assertThat(header).containsExactly("ตัวชี้วัด", "หน่วย", "ปี 2565", "ปี 2566", "ปี 2567", "เป้าหมาย",
                                           "ค่าเทียบเคียง", "หลักฐาน");
        assertThat(row).containsExactly("ตัวชี้วัดที่ 1 ร้อยละความพึงพอใจของผู้รับบริการ", "ร้อยละ", "70.5", "80",
                                        "87.25", "90", "82ที่มา: ค่าเฉลี่ยจังหวัดในกลุ่มเดียวกัน", "ev-0");
        long resultRows = document.getTables().stream()
                .filter(t -> t.getRow(0).getCell(0).getText().equals("ตัวชี้วัด"))
                .mapToLong(t -> t.getNumberOfRows() - 1).sum();
        assertThat(resultRows).isEqualTo(FullReport.RESULTS);
    }

    @Test
    void everyRunNamesSarabunAsItsComplexScriptFontWithThaiAsItsBidiLanguage() {
        List<XWPFRun> runs = document.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).toList();
        assertThat(runs).isNotEmpty().allSatisfy(run -> {
            CTRPr properties = run.getCTR().getRPr();
            assertThat(properties.getRFontsArray(0).getCs()).isEqualTo("Sarabun");
            assertThat(properties.getRFontsArray(0).getAscii()).isEqualTo("Sarabun");
            assertThat(properties.getRFontsArray(0).getHAnsi()).isEqualTo("Sarabun");
            assertThat(properties.getLangArray(0).getBidi()).isEqualTo("th-TH");
        });
        List<XWPFRun> bold = runs.stream().filter(r -> r.getCTR().getRPr().sizeOfBArray() > 0).toList();
        assertThat(bold).isNotEmpty().allSatisfy(run -> assertThat(run.getCTR().getRPr().sizeOfBCsArray()).isOne());
    }

    @Test
    void theStylesSetFontSizeAndBoldForComplexScriptsToo() {
        for (String id : List.of("Normal", "Heading1", "Heading2", "Heading3", "TOC1", "TOC2", "TOC3")) {
            CTRPr properties = document.getStyles().getStyle(id).getCTStyle().getRPr();
            assertThat(properties.getRFontsArray(0).getCs()).as(id).isEqualTo("Sarabun");
            assertThat(properties.getSzCsArray(0).getVal()).as(id).isEqualTo(properties.getSzArray(0).getVal());
        }
        CTRPr heading = document.getStyles().getStyle("Heading1").getCTStyle().getRPr();
        assertThat(heading.sizeOfBCsArray()).isOne();
        assertThat(document.getStyles().getStyle("Heading1").getCTStyle().getPPr().getOutlineLvl().getVal())
                .isEqualTo(java.math.BigInteger.ZERO);
    }

    @Test
    void theTableOfContentsIsAFieldMarkedToUpdateAndTheFooterNumbersPages() {
        assertThat(document.isEnforcedUpdateFields()).isTrue();
        assertThat(xml).contains("TOC \\o \"1-2\" \\h \\z \\u").contains("w:dirty=\"true\"");
        assertThat(document.getFooterList()).hasSize(1);
        assertThat(document.getFooterList().get(0).getParagraphs().get(0).getCTP().xmlText()).contains(" PAGE ");
    }

    @Test
    void theCoverNamesTheOrganizationTheYearAndTheVersion() {
        List<String> cover = document.getParagraphs().stream().limit(14).map(XWPFParagraph::getText).toList();
        assertThat(cover).contains("สำนักงานจังหวัดขอนแก่น", "ปีงบประมาณ พ.ศ. 2567", "ฉบับ: ฉบับล่าสุด",
                                   "สร้างเมื่อ 2024-05-01 10:00 น.");
    }
}
