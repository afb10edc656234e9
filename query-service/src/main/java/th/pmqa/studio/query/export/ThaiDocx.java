package th.pmqa.studio.query.export;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFldChar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLanguage;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

/**
 * A Word document written for Thai: Word treats Thai as a complex script, so every run names its font for ascii,
 * hAnsi, eastAsia <em>and</em> cs, its size as sz and szCs, bold as b and bCs, and its language as bidi th-TH; the
 * styles (Normal, Title, Heading 1–3, TOC 1–3, the table grid) use the same font ({@link ThaiStyles}), or LibreOffice
 * picks another one for the PDF. Texts go in as given (never normalized); a newline starts a new paragraph.
 */
public final class ThaiDocx {

    public static final String FONT = "Sarabun";
    /** Body size in half-points (16 pt: Sarabun draws small for its point size, as Thai documents set it). */
    static final int BODY_HALF_POINTS = 28;

    private final XWPFDocument document = new XWPFDocument();

    public ThaiDocx() {
        ThaiStyles.install(document);
        CTSectPr section = document.getDocument().getBody().isSetSectPr()
                ? document.getDocument().getBody().getSectPr() : document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906)); // A4 in twentieths of a point
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(1440));
        margins.setBottom(BigInteger.valueOf(1440));
        margins.setLeft(BigInteger.valueOf(1440));
        margins.setRight(BigInteger.valueOf(1440));
        margins.setHeader(BigInteger.valueOf(708));
        margins.setFooter(BigInteger.valueOf(708));
        // the TOC's page numbers are computed by whoever opens it (Word asks, LibreOffice's filter fills them)
        document.enforceUpdateFields();
    }

    /** A heading of level 1–3 as a real Word heading (navigation pane, TOC). */
    public void heading(int level, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setStyle("Heading" + level);
        run(paragraph, text, false);
    }

    public void title(String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setStyle("Title");
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        run(paragraph, text, true);
    }

    /** One paragraph per line of the text; nothing for an empty text. */
    public void paragraphs(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String line : text.split("\r\n|\n|\r", -1)) {
            run(document.createParagraph(), line, false);
        }
    }

    /** A paragraph starting with a bold label. */
    public void labelled(String label, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        run(paragraph, label, true);
        run(paragraph, " " + (text == null ? "" : text), false);
    }

    public void bold(String text) {
        run(document.createParagraph(), text, true);
    }

    public void centered(String text, boolean bold) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        run(paragraph, text, bold);
    }

    public void pageBreak() {
        document.createParagraph().setPageBreak(true);
    }

    /** A table with a bold header row, full width, in the grid style. Cells may hold several lines. */
    public void table(List<String> header, List<List<String>> rows) {
        XWPFTable table = document.createTable(1 + rows.size(), header.size());
        table.setStyleID("TableGrid");
        CTTblWidth width = table.getCTTbl().getTblPr().isSetTblW() ? table.getCTTbl().getTblPr().getTblW()
                : table.getCTTbl().getTblPr().addNewTblW();
        width.setType(STTblWidth.PCT);
        width.setW(BigInteger.valueOf(5000));
        fill(table.getRow(0), header, true);
        for (int i = 0; i < rows.size(); i++) {
            fill(table.getRow(i + 1), rows.get(i), false);
        }
        document.createParagraph(); // Word needs a paragraph between consecutive tables
    }

    private void fill(XWPFTableRow row, List<String> values, boolean bold) {
        if (bold) {
            row.setRepeatHeader(true);
        }
        for (int c = 0; c < values.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            XWPFParagraph first = cell.getParagraphs().get(0);
            String[] lines = (values.get(c) == null ? "" : values.get(c)).split("\r\n|\n|\r", -1);
            run(first, lines[0], bold);
            for (int l = 1; l < lines.length; l++) {
                run(cell.addParagraph(), lines[l], bold);
            }
        }
    }

    /**
     * The table of contents as a TOC field over heading levels 1 to {@code levels}, marked dirty so it is rebuilt on opening; the
     * text inside says what to do where nothing rebuilds it.
     */
    public void tableOfContents(String title, String placeholder, int levels) {
        XWPFParagraph heading = document.createParagraph();
        heading.setStyle("TOCHeading");
        run(heading, title, true);
        XWPFParagraph paragraph = document.createParagraph();
        field(paragraph, "TOC \\o \"1-" + levels + "\" \\h \\z \\u", placeholder, true);
    }

    /** The footer of every page: the page number, centered. */
    public void pageNumbersInFooter() {
        XWPFFooter footer = document.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph paragraph = footer.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        paragraph.setStyle("Footer");
        field(paragraph, "PAGE", "1", false);
    }

    private void field(XWPFParagraph paragraph, String instruction, String shown, boolean dirty) {
        CTFldChar begin = fieldRun(paragraph).addNewFldChar();
        begin.setFldCharType(STFldCharType.BEGIN);
        if (dirty) {
            begin.setDirty(Boolean.TRUE);
        }
        XWPFRun instr = paragraph.createRun();
        thai(instr);
        org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText text = instr.getCTR().addNewInstrText();
        text.setStringValue(" " + instruction + " ");
        text.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        fieldRun(paragraph).addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(paragraph, shown, false);
        fieldRun(paragraph).addNewFldChar().setFldCharType(STFldCharType.END);
    }

    private CTR fieldRun(XWPFParagraph paragraph) {
        XWPFRun run = paragraph.createRun();
        thai(run);
        return run.getCTR();
    }

    private static void run(XWPFParagraph paragraph, String text, boolean bold) {
        XWPFRun run = paragraph.createRun();
        thai(run);
        if (bold) {
            CTRPr properties = run.getCTR().getRPr();
            properties.addNewB();
            properties.addNewBCs();
        }
        run.setText(XmlText.safe(text == null ? "" : text));
    }

    /** The run's font on all four slots, its size on both, its language for complex scripts. */
    static void thai(XWPFRun run) {
        CTRPr properties = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        CTFonts fonts = properties.addNewRFonts();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setEastAsia(FONT);
        fonts.setCs(FONT);
        CTLanguage language = properties.addNewLang();
        language.setVal("th-TH");
        language.setBidi("th-TH");
    }

    public byte[] bytes() {
        try (XWPFDocument written = document; ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            written.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
