package th.pmqa.studio.query.report;

import org.junit.jupiter.api.Test;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionApprovedEvent;
import th.pmqa.studio.report.SectionMarkedReadyEvent;
import th.pmqa.studio.report.SubmissionWindowSetEvent;
import th.pmqa.studio.report.VersionLabeledEvent;
import th.pmqa.studio.report.ResultAttachedEvent;
import th.pmqa.studio.report.ResultId;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.catalog.LevelKind.ADVANCE;
import static th.pmqa.studio.catalog.LevelKind.BASIC;
import static th.pmqa.studio.query.report.TestEvents.*;

class ReportHtmlTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "\"><img src=x onerror=alert(1)>";
    private static final String SCRIPT_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private static final String IMG_ESCAPED = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;";
    private static final String THAI = "ผู้บริหารร่วมกันกำหนดทิศทางองค์การ น้ำ นํ้า ๑๒๓ 👩‍💻";

    private static String hostileReport() {
        List<AssessmentEvent> events = List.of(
                opened("จังหวัด" + SCRIPT),
                profile(1, "พันธกิจ " + SCRIPT, 1, SOMCHAI, 1),
                profile(2, IMG, 1, SOMCHAI, 2),
                approach("1.1", BASIC, SCRIPT + IMG, 1, SOMCHAI, 3),
                approach("1.2", ADVANCE, THAI, 1, SOMCHAI, 4),
                summary("1.1", "<SCRIPT SRC=//evil></SCRIPT>'", 1, SOMCHAI, 5),
                rated("1.1", ADVANCE, 420, IMG, SOMCHAI, 6),
                linkedIndicators("1.1", List.of(SCRIPT), SOMCHAI, 7),
                new ResultAttachedEvent(ID, c("1.1"), ADVANCE, new ResultId("r-1"), "7.1.1", IMG, SCRIPT,
                                        new BigDecimal("1"), Map.of(2566, BigDecimal.TEN), List.of(SCRIPT), SOMCHAI, at(8)),
                reopened(SCRIPT, SOMCHAI, 9));
        return ReportHtml.render(ReportFold.replay(events));
    }

    @Test
    void userTextAppearsOnlyEscaped() {
        String html = hostileReport();

        assertThat(html).contains(SCRIPT_ESCAPED, IMG_ESCAPED, "&lt;SCRIPT SRC=//evil&gt;&lt;/SCRIPT&gt;&#39;");
        assertThat(html).doesNotContain(SCRIPT, IMG, "<img");
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<img", "onerror=alert(1)>");
    }

    @Test
    void eachSectionShowsItsReviewStatusAndTheHeaderCountsThem() {
        Section criterion11 = Section.of(c("1.1"));
        String html = ReportHtml.render(ReportFold.replay(List.of(
                opened(),
                new SectionMarkedReadyEvent(ID, Section.PROFILE, SOMCHAI, at(1)),
                new SectionMarkedReadyEvent(ID, criterion11, SOMCHAI, at(2)),
                new SectionApprovedEvent(ID, criterion11, SUDA, at(3)),
                profile(2, "วิสัยทัศน์ (แก้หลังส่ง)", 1, SUDA, 4))));

        assertThat(html).contains("การทบทวน: อนุมัติแล้ว 1/19 ส่วน · รอทบทวน 1 · กำลังร่าง 17 · แก้ไขหลังส่งทบทวน 1");
        assertThat(html).containsSubsequence("<h2>ลักษณะสำคัญขององค์การ (OP)</h2>",
                                             "<p class=\"workflow ready_for_review\">สถานะ: รอทบทวน (แก้ไขหลังส่งทบทวน)</p>",
                                             "<h3>1.1 ", "<p class=\"workflow approved\">สถานะ: อนุมัติแล้ว</p>",
                                             "<h3>1.2 ", "<p class=\"workflow drafting\">สถานะ: กำลังร่าง</p>");
    }

    @Test
    void theSubmissionWindowAndNamedVersionsAreShownWithTheLabelAndItsAuthorEscaped() {
        String html = ReportHtml.render(ReportFold.replay(List.of(
                opened(),
                new SubmissionWindowSetEvent(ID, T0, T0.plus(Duration.ofDays(30)), SUDA, at(1)),
                new VersionLabeledEvent(ID, "ร่างครั้งที่ ๑ ส่งพี่เลี้ยง " + SCRIPT, new Author("u-x", IMG), at(2)))));

        assertThat(html).contains("ช่วงเวลาส่ง: 2024-03-01T02:00:00Z – 2024-03-31T02:00:00Z");
        assertThat(html).contains("<li>ร่างครั้งที่ ๑ ส่งพี่เลี้ยง " + SCRIPT_ESCAPED + " · position 3 · " + IMG_ESCAPED);
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<img");
    }

    @Test
    void thePageHasNoScriptAtAll() {
        String html = hostileReport().toLowerCase(Locale.ROOT);

        assertThat(html).doesNotContain("<script").doesNotContain("javascript:");
        assertThat(html).startsWith("<!doctype html>");
        assertThat(html).contains("<title>จังหวัด&lt;script&gt;");
    }

    @Test
    void theOrganizationNameIsEscapedInTitleAndHeading() {
        String html = hostileReport();

        assertThat(html).contains("<title>จังหวัด" + SCRIPT_ESCAPED + " — Application Report 2567</title>");
        assertThat(html).contains("<h1>จังหวัด" + SCRIPT_ESCAPED + "</h1>");
    }

    @Test
    void thaiTextAppearsByteExact() {
        String html = ReportHtml.render(ReportFold.replay(List.of(opened(), approach("1.2", ADVANCE, THAI, 1, SOMCHAI, 1),
                                                                  profile(7, "ก\nข", 1, SOMCHAI, 2))));

        byte[] page = html.getBytes(StandardCharsets.UTF_8);
        assertThat(new String(page, StandardCharsets.UTF_8)).contains("<p class=\"text\">" + THAI + "</p>");
        assertThat(indexOf(page, THAI.getBytes(StandardCharsets.UTF_8))).isNotNegative();
        assertThat(html).contains("<p class=\"text\">ก\nข</p>");
        assertThat(html).contains("<html lang=\"th\"><head><meta charset=\"utf-8\">");
    }

    @Test
    void emptyAndBlankTextsAreShownAsNotYetWritten() {
        String html = ReportHtml.render(ReportFold.replay(List.of(opened(), profile(1, "  ", 1, SOMCHAI, 1))));

        assertThat(html).contains("<p class=\"empty\">(ยังไม่ได้เขียน)</p>");
        assertThat(html).doesNotContain("<p class=\"text\">  </p>");
    }

    @Test
    void escapeHandlesTheFiveCharactersAndLeavesTheRestAlone() {
        assertThat(ReportHtml.escape("<a href=\"x\" title='y'>&amp;</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
        assertThat(ReportHtml.escape(THAI)).isEqualTo(THAI);
        assertThat(ReportHtml.escape(null)).isEmpty();
    }

    /** Issue 12: each result's reading in Thai (trend, target, comparison) and the 7.1.1 count flag, text escaped. */
    @Test
    void resultsShowTheirTrendGapsAndComparisonSourceEscapedAndSevenOneOneFlagsACountOutsideTheGuidance() {
        String html = ReportHtml.render(ReportFold.replay(List.of(opened(),
                new ResultAttachedEvent(ID, c("1.1"), ADVANCE, new ResultId("r-1"), "7.1.1", "ร้อยละ " + SCRIPT, IMG,
                                        new BigDecimal("80"), Map.of(2564, new BigDecimal("70"), 2566, new BigDecimal("78")),
                                        List.of(), SOMCHAI, at(1),
                                        new th.pmqa.studio.report.Comparison(new BigDecimal("76.25"), "สถิติ " + SCRIPT),
                                        th.pmqa.studio.report.ResultDirection.HIGHER),
                new ResultAttachedEvent(ID, c("1.2"), BASIC, new ResultId("r-2"), "7.2.1", "จำนวนเรื่องร้องเรียน", "เรื่อง",
                                        null, Map.of(2565, new BigDecimal("12"), 2566, new BigDecimal("9")), List.of(),
                                        SOMCHAI, at(2)))));

        assertThat(html).contains("ร้อยละ " + SCRIPT_ESCAPED + " (" + IMG_ESCAPED + ")", "ที่มา: สถิติ " + SCRIPT_ESCAPED);
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<img");
        assertThat(html).contains("ยิ่งสูงยิ่งดี", "แนวโน้ม 2564–2566: ดีขึ้น (+8)",
                                  "ปี 2566 ต่ำกว่าเป้าหมาย 2 · ยังไม่บรรลุเป้าหมาย",
                                  "สูงกว่าค่าเทียบเคียง 1.75 · ดีกว่าค่าเทียบเคียง");
        // no direction: how the figures moved, not whether that is better
        assertThat(html).contains("ยังไม่ระบุว่าทิศทางใดดีกว่า", "แนวโน้ม 2565–2566: ลดลง (-3)");
        assertThat(html).containsSubsequence("<h2>หมวด 7 ผลลัพธ์การดำเนินการ</h2>", "<h4>7.1.1 ",
                "<p class=\"guidance flag\">มีตัวชี้วัด 1 ตัว · เกณฑ์แนะนำ ไม่น้อยกว่า 2 ตัว ไม่เกิน 3 ตัว — น้อยกว่าที่แนะนำ</p>",
                "<td>1.1 advance</td>", "<h4>7.1.2 ", "(ยังไม่มีตัวชี้วัด)", "<h4>7.2.1 ", "<td>1.2 basic</td>");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
