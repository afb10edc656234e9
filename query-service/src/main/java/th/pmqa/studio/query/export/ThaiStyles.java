package th.pmqa.studio.query.export;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

/**
 * The document's styles, all in Sarabun with complex-script sizes and bold: the defaults, Normal, Title, Heading 1–3
 * (with outline levels, so the navigation pane and the TOC find them), TOC Heading, TOC 1–3 (right tab with dot
 * leader for the page number), Footer and a table grid. Word's own style names ("heading 1", "toc 1") so Word and
 * LibreOffice map them to their built-in ones.
 */
final class ThaiStyles {

    private ThaiStyles() {
    }

    static void install(XWPFDocument document) {
        try {
            document.createStyles().setStyles(StylesDocument.Factory.parse(xml()).getStyles());
        } catch (XmlException e) {
            throw new IllegalStateException("the export's styles do not parse", e);
        }
    }

    private static String runProperties(int halfPoints, boolean bold) {
        String font = ThaiDocx.FONT;
        return "<w:rPr><w:rFonts w:ascii=\"" + font + "\" w:hAnsi=\"" + font + "\" w:eastAsia=\"" + font
               + "\" w:cs=\"" + font + "\"/>"
               + (bold ? "<w:b/><w:bCs/>" : "")
               + "<w:sz w:val=\"" + halfPoints + "\"/><w:szCs w:val=\"" + halfPoints + "\"/>"
               + "<w:lang w:val=\"th-TH\" w:eastAsia=\"th-TH\" w:bidi=\"th-TH\"/></w:rPr>";
    }

    private static String paragraphStyle(String id, String name, String based, String paragraph, int halfPoints,
                                         boolean bold) {
        return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/>"
               + (based == null ? "" : "<w:basedOn w:val=\"" + based + "\"/>")
               + "<w:next w:val=\"Normal\"/><w:qFormat/>"
               + "<w:pPr>" + paragraph + "</w:pPr>" + runProperties(halfPoints, bold) + "</w:style>";
    }

    private static String heading(int level, int halfPoints, boolean pageBreak) {
        return paragraphStyle("Heading" + level, "heading " + level, "Normal",
                              "<w:keepNext/>" + (pageBreak ? "<w:pageBreakBefore/>" : "")
                              + "<w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"" + (level - 1)
                              + "\"/>", halfPoints, true);
    }

    private static String toc(int level) {
        return paragraphStyle("TOC" + level, "toc " + level, "Normal",
                              "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9016\"/></w:tabs>"
                              + "<w:spacing w:after=\"60\"/><w:ind w:left=\"" + (level - 1) * 440 + "\"/>",
                              ThaiDocx.BODY_HALF_POINTS, level == 1);
    }

    static String xml() {
        int body = ThaiDocx.BODY_HALF_POINTS;
        return "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
               + "<w:docDefaults><w:rPrDefault>" + runProperties(body, false) + "</w:rPrDefault>"
               + "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
               + "</w:pPrDefault></w:docDefaults>"
               + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
               + "<w:qFormat/>" + runProperties(body, false) + "</w:style>"
               + paragraphStyle("Title", "Title", "Normal", "<w:jc w:val=\"center\"/><w:spacing w:after=\"240\"/>",
                                40, true)
               + heading(1, 40, true) + heading(2, 34, false) + heading(3, 30, false)
               + paragraphStyle("TOCHeading", "TOC Heading", "Normal", "<w:spacing w:after=\"240\"/>", 40, true)
               + toc(1) + toc(2) + toc(3)
               + paragraphStyle("Footer", "footer", "Normal", "<w:jc w:val=\"center\"/>", 24, false)
               + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
               + "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
               + "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
               + "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
               + "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>"
               + "<w:basedOn w:val=\"TableNormal\"/>" + runProperties(body - 2, false)
               + "<w:tblPr><w:tblBorders>"
               + border("top") + border("left") + border("bottom") + border("right") + border("insideH")
               + border("insideV") + "</w:tblBorders></w:tblPr></w:style>"
               + "</w:styles>";
    }

    private static String border(String side) {
        return "<w:" + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>";
    }
}
