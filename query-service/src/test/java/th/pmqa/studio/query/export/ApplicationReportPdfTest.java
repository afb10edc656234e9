package th.pmqa.studio.query.export;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.catalog.Catalogs;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF as a reader gets it, checked with poppler's tools: Sarabun embedded (not a fallback), the Thai comes back
 * as written, no line begins inside a cluster, the TOC has page numbers. Pages 1 and 3 are rendered to PNG under
 * target/export/ for a person to look at.
 */
class ApplicationReportPdfTest {

    private static final Path OUT = Path.of("target", "export");
    private static OfficeConverter office;
    private static Path pdf;

    @BeforeAll
    static void convert() throws IOException {
        office = new OfficeConverter("", Integer.toString(freePort()), Duration.ofSeconds(120), 2, "lazy");
        Poppler.requireTools(office);
        byte[] docx = ApplicationReportDocx.write(FullReport.view(), ApplicationReportDocxTest.LATEST);
        Files.createDirectories(OUT);
        pdf = OUT.resolve("full-report.pdf");
        Files.write(pdf, office.toPdf(docx));
    }

    @AfterAll
    static void stop() {
        if (office != null) {
            office.destroy();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void sarabunIsEmbeddedRegularAndBold() {
        String fonts = Poppler.fonts(pdf);

        assertThat(fonts).containsPattern("\\+Sarabun-Regular\\s+TrueType.*\\byes\\s+yes")
                         .containsPattern("\\+Sarabun-Bold\\s+TrueType.*\\byes\\s+yes");
    }

    @Test
    void theThaiParagraphsComeBackAsWrittenWhitespaceAside() {
        String text = squeezed(Poppler.text(pdf, 0, 0));
        String emojiFree = FullReport.THAI_PARAGRAPH.substring(0, FullReport.THAI_PARAGRAPH.indexOf(" 👩"));

        assertThat(text).contains(squeezed(emojiFree), squeezed(FullReport.text(4)),
                                  squeezed("หมวด 1 " + Catalogs.current().categories().get(0).title()));
    }

    /**
     * Read in the PDF's own order ({@code -raw}): pdftotext's default layout analysis puts a tone mark that sits raised
     * over an upper vowel (ที่) on a line of its own (167 such lines in this report, while the rendered pages show the
     * clusters whole), so only the raw order tells a real line break inside a cluster.
     */
    @Test
    void noLineStartsWithACombiningMark() {
        List<String> broken = Arrays.stream(Poppler.rawText(pdf).split("\n"))
                .filter(line -> !line.isEmpty())
                .filter(line -> {
                    int type = Character.getType(line.codePointAt(0));
                    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
                }).toList();

        assertThat(broken).isEmpty();
    }

    @Test
    void theTableOfContentsListsTheChaptersWithTheirPageNumbers() {
        String toc = Poppler.text(pdf, 2, 5);
        Matcher profile = Pattern.compile("ลักษณะสำคัญขององค์การ \\(Organizational Profile\\)\\W*(\\d+)").matcher(toc);
        Matcher seven = Pattern.compile("หมวด 7 ผลลัพธ์การดำเนินการ\\W*(\\d+)").matcher(toc);

        assertThat(profile.find()).as(toc).isTrue();
        assertThat(seven.find()).as(toc).isTrue();
        assertThat(Integer.parseInt(seven.group(1))).isGreaterThan(Integer.parseInt(profile.group(1)));
        int pages = Integer.parseInt(Poppler.run("pdfinfo", pdf.toString()).replaceAll("(?s).*Pages:\\s+(\\d+).*", "$1"));
        assertThat(Integer.parseInt(seven.group(1))).isLessThanOrEqualTo(pages);
        // and the numbers are right: the page named for category 7 begins with its heading
        int page = Integer.parseInt(seven.group(1));
        assertThat(Poppler.text(pdf, page, page).strip()).startsWith("หมวด 7 ผลลัพธ์การดำเนินการ");
    }

    @Test
    void theCoverAndAThaiBodyPageAreRenderedForAPersonToLookAt() {
        Path cover = Poppler.png(pdf, 1, 60, OUT.resolve("page-1"));
        int body = bodyPage();
        Path thai = Poppler.png(pdf, body, 60, OUT.resolve("page-thai"));

        assertThat(cover).isNotEmptyFile();
        assertThat(thai).isNotEmptyFile();
    }

    /** The page holding the paragraph with tone marks and Thai digits. */
    static int bodyPage() {
        for (int page = 2; page < 40; page++) {
            if (squeezed(Poppler.text(pdf, page, page)).contains(squeezed("น้ำ นํ้า ปี ๒๕๖๗"))) {
                return page;
            }
        }
        throw new AssertionError("no page holds the Thai paragraph");
    }
}
