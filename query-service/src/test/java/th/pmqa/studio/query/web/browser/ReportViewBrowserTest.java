package th.pmqa.studio.query.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.ServerIndependent;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.query.web.browser.Screens.await;
import static th.pmqa.studio.query.web.browser.Screens.awaitPath;
import static th.pmqa.studio.query.web.browser.Screens.testId;

/**
 * The read-only report view in a real browser: the query side's HTML report in Application Report order, now, at a
 * position, at a named version, chosen in the page and kept in the address; user text stays text; printable; only
 * for those who may read it. One stack, one assessment written through the API, two Chromium windows.
 */
@ServerIndependent
@Tag("browser")
class ReportViewBrowserTest {

    private static final String FIRST = "ร่างแรก ผู้บริหารกำหนดวิสัยทัศน์";
    private static final String SECOND = "ร่างที่สอง ผู้บริหารกำหนดวิสัยทัศน์ร่วมกับส่วนราชการ";
    private static final String LATEST = "ฉบับล่าสุด ผู้บริหารกำหนดวิสัยทัศน์ร่วมกับส่วนราชการและภาคเอกชนทุกไตรมาส";
    private static final String PLAN = "แผนยุทธศาสตร์จังหวัด ทบทวนทุกปีกับภาคีเครือข่าย";
    private static final String PAYLOAD = "<script>top.pwned = 1</script>\"><img src=x onerror=\"top.pwned = 2\">";
    private static final String LABEL = "ร่างครั้งที่ 1 ส่งพี่เลี้ยง";

    private static BrowserStack stack;
    private static WebDriver facilitator;
    private static WebDriver stranger;
    private static String code;
    private static String id;
    private static long firstDraftPosition;

    @BeforeAll
    static void start() {
        stack = BrowserStack.start("browser_report");
        code = "RPT" + System.nanoTime() % 100000;
        id = opened(code);
        // 2.1 is written before 1.1: the report's order is the catalog's, not the order of writing
        write("2.1", PLAN, 0);
        write("1.1", FIRST, 0);
        write("1.1", SECOND, 1);
        stack.commands(lead()).post().uri("/api/assessments/" + id + "/labels").bodyValue(Map.of("label", LABEL))
             .exchange().expectStatus().is2xxSuccessful();
        write("1.1", LATEST, 2);
        write("1.2", PAYLOAD, 0);
        firstDraftPosition = positionOfChangeTo(FIRST);
        facilitator = stack.browser();
        stranger = stack.browser();
        facilitator.get(stack.app("/app/sign-in"));
        Screens.signIn(facilitator, "facilitator-" + code, "พี่เลี้ยง ภาคกลาง", null, "FACILITATOR");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String lead() {
        return BrowserStack.token("lead-" + code, "ผู้นำ", code, "LEAD");
    }

    private static String opened(String organization) {
        JsonNode answer = stack.commands(BrowserStack.token("lead-" + organization, "ผู้นำ", organization, "LEAD")).post()
                .uri("/api/assessments")
                .bodyValue(Map.of("organizationCode", organization, "organizationName", "จังหวัดทดสอบ " + organization,
                                  "organizationType", "PROVINCE", "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return answer.get("assessmentId").asText();
    }

    private static void write(String criterion, String text, long baseRevision) {
        stack.commands(BrowserStack.token("editor-" + code, "วิชัย ผู้เขียน", code, "EDITOR")).put()
             .uri("/api/assessments/" + id + "/criteria/" + criterion + "/levels/basic/approach")
             .bodyValue(Map.of("text", text, "baseRevision", baseRevision))
             .exchange().expectStatus().isOk();
    }

    /** The global position of the change that wrote {@code text}, once the query side has every change. */
    private static long positionOfChangeTo(String text) {
        WebTestClient queries = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + stack.queryPort())
                .responseTimeout(Duration.ofSeconds(30)).defaultHeader("Authorization", "Bearer " + lead()).build();
        JsonNode feed = org.awaitility.Awaitility.await("the query side has every change").atMost(Screens.PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> queries.get().uri("/api/assessments/" + id + "/changes?after=0&limit=50")
                                    .exchange() // 404 until the projection has seen the assessment
                                    .expectBody(JsonNode.class).returnResult().getResponseBody(),
                       page -> page != null && page.path("items").findValuesAsText("after").contains(PAYLOAD));
        for (JsonNode change : feed.get("items")) {
            if (text.equals(change.path("after").asText())) {
                return change.get("position").asLong();
            }
        }
        throw new AssertionError("no change wrote '" + text + "': " + feed);
    }

    private static Object script(WebDriver browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** The text of the report shown in the frame ('' while there is none). */
    private static String frameText(WebDriver browser) {
        return String.valueOf(script(browser, "const f = document.querySelector(\"[data-testid='report-frame']\");"
                                              + "return f && f.contentDocument && f.contentDocument.body"
                                              + " ? f.contentDocument.body.innerText : '';"));
    }

    private static String awaitFrameWith(WebDriver browser, String text) {
        try {
            new WebDriverWait(browser, Screens.PATIENCE).until(d -> frameText(d).contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the report frame never showed '" + text + "' at " + browser.getCurrentUrl()
                                     + "; it shows: " + frameText(browser).substring(0, Math.min(400, frameText(browser).length()))
                                     + " | page: " + script(browser, "return document.querySelector('main').innerText"), e);
        }
        return frameText(browser);
    }

    private static String search(WebDriver browser) {
        return String.valueOf(script(browser, "return location.search"));
    }

    private static String report() {
        return "/app/assessments/" + id + "/report";
    }

    @Test
    void theOverviewLeadsToTheReportWhichShowsTwoSubCriteriaInApplicationReportOrderAndPrintsTheReportItself() {
        facilitator.get(stack.app("/app/assessments/" + id));
        await(facilitator, "report-link").click();
        awaitPath(facilitator, report());
        String text = awaitFrameWith(facilitator, LATEST);

        // the sub-criteria headings and the texts, in the order the page has them
        @SuppressWarnings("unchecked")
        java.util.List<String> order = ((java.util.List<Object>) script(facilitator, """
                const doc = document.querySelector("[data-testid='report-frame']").contentDocument;
                return [...doc.querySelectorAll('h3, .text')].map(e => e.textContent);
                """)).stream().map(String::valueOf).filter(t -> t.startsWith("1.1 ") || t.startsWith("1.2 ")
                                                               || t.startsWith("2.1 ") || t.equals(LATEST) || t.equals(PLAN)).toList();
        assertThat(order).hasSize(5);
        assertThat(order.get(0)).startsWith("1.1 ");
        assertThat(order.get(1)).isEqualTo(LATEST);
        assertThat(order.get(2)).startsWith("1.2 ");
        assertThat(order.get(3)).startsWith("2.1 ");
        assertThat(order.get(4)).as("2.1's text, written first, after 1.1's").isEqualTo(PLAN);
        assertThat(text).doesNotContain(FIRST).doesNotContain(SECOND);
        assertThat(await(facilitator, "report-showing").getText()).isEqualTo("ฉบับปัจจุบัน");
        // our style sheet, not the API's inline style (the app's policy blocks that): the typeface and a print layout
        assertThat(script(facilitator, """
                const doc = document.querySelector("[data-testid='report-frame']").contentDocument;
                return [doc.querySelectorAll('style').length, getComputedStyle(doc.body).fontFamily,
                        [...doc.styleSheets].some(s => [...s.cssRules].some(r => r.media && r.media.mediaText === 'print'))].join('|');
                """)).isEqualTo("0|Sarabun, \"Noto Sans Thai\", \"TH Sarabun New\", sans-serif|true");

        // the print button prints the frame's document (the dialog itself cannot be seen headless: print() is counted)
        script(facilitator, "document.querySelector(\"[data-testid='report-frame']\").contentWindow.print ="
                            + " () => { window.printed = (window.printed || 0) + 1; };");
        await(facilitator, "report-print").click();
        new WebDriverWait(facilitator, Screens.PATIENCE).until(d -> Long.valueOf(1).equals(script(d, "return window.printed")));

        assertThat(Axe.seriousViolations(facilitator)).as("report view").isEmpty();
        Screens.screenshot(facilitator, "report");
    }

    @Test
    void userTextTypedAsMarkupIsShownAsTextAndNothingOfItRuns() {
        facilitator.get(stack.app(report()));
        String text = awaitFrameWith(facilitator, LATEST);
        // no element made of it, nothing of it ran (in the page or in the frame), and it reads as typed
        assertThat(script(facilitator, """
                const frame = document.querySelector("[data-testid='report-frame']");
                const doc = frame.contentDocument;
                return [doc.querySelectorAll('script, img, [onerror]').length, String(window.pwned),
                        String(frame.contentWindow.pwned)].join('|');
                """)).as("elements made of the payload | window.pwned | the frame's pwned").isEqualTo("0|undefined|undefined");
        assertThat(text).contains(PAYLOAD);
    }

    @Test
    void aPositionInTheAddressShowsTheTextAsItWasThenAndTheChooserPutsItsChoiceInTheAddress() {
        facilitator.get(stack.app(report() + "?position=" + firstDraftPosition));
        String then = awaitFrameWith(facilitator, FIRST);
        assertThat(then).doesNotContain(SECOND).doesNotContain(LATEST).contains(PLAN);
        assertThat(await(facilitator, "report-showing").getText()).isEqualTo("ฉบับ ณ position " + firstDraftPosition);
        assertThat(await(facilitator, "report-position").getDomProperty("value")).isEqualTo(Long.toString(firstDraftPosition));

        // a named version from the list
        new Select(await(facilitator, "report-label")).selectByValue(LABEL);
        await(facilitator, "report-label-go").click();
        String named = awaitFrameWith(facilitator, SECOND);
        assertThat(named).doesNotContain(FIRST).doesNotContain(LATEST);
        assertThat(search(facilitator)).isEqualTo("?label=" + URLEncoder.encode(LABEL, StandardCharsets.UTF_8));
        assertThat(await(facilitator, "report-showing").getText()).startsWith("ฉบับที่ตั้งชื่อ \"" + LABEL + "\"");

        // a position typed into the chooser
        Screens.type(await(facilitator, "report-position"), Long.toString(firstDraftPosition));
        await(facilitator, "report-position-go").click();
        awaitFrameWith(facilitator, FIRST);
        assertThat(search(facilitator)).isEqualTo("?position=" + firstDraftPosition);

        // now, then back: the address was a history entry of its own
        await(facilitator, "report-latest").click();
        awaitFrameWith(facilitator, LATEST);
        assertThat(search(facilitator)).isEmpty();
        facilitator.navigate().back();
        awaitFrameWith(facilitator, FIRST);
        assertThat(search(facilitator)).isEqualTo("?position=" + firstDraftPosition);

        // an instant (a minute from now, in the browser's time zone: the report as it is) goes into the address in UTC
        script(facilitator, """
                const field = document.querySelector("[data-testid='report-asof']");
                const soon = new Date(Date.now() + 60000 - new Date().getTimezoneOffset() * 60000);
                field.value = soon.toISOString().substring(0, 19);
                field.dispatchEvent(new Event('input', { bubbles: true }));
                """);
        await(facilitator, "report-asof-go").click();
        awaitFrameWith(facilitator, LATEST);
        assertThat(search(facilitator)).matches("\\?asOf=\\d{4}-\\d\\d-\\d\\dT\\d\\d%3A\\d\\d%3A\\d\\d\\.000Z");
        assertThat(await(facilitator, "report-showing").getText()).startsWith("ฉบับ ณ ");
    }

    @Test
    void anEditorOfAnotherOrganizationGetsAccessDeniedAndNoReport() {
        stranger.get(stack.app(report()));
        awaitPath(stranger, "/app/sign-in");
        Screens.signIn(stranger, "stranger", "คนนอก", "OTHER" + code, "EDITOR");
        awaitPath(stranger, report());
        assertThat(await(stranger, "access-denied").getText()).contains("ไม่มีสิทธิ์");
        assertThat(stranger.findElements(testId("report-frame"))).isEmpty();
    }
}
