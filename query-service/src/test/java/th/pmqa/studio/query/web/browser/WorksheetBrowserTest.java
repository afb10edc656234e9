package th.pmqa.studio.query.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.pmqa.studio.infra.testing.ServerIndependent;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.query.web.browser.Screens.await;
import static th.pmqa.studio.query.web.browser.Screens.testId;

/**
 * The worksheet of one sub-criterion in real browsers: autosave, a draft surviving a reload, two people editing one
 * text at once, the conflict dialog, live updates and the rating's band. One stack and two Chromium windows for the
 * class; each scenario has an assessment of its own.
 */
@ServerIndependent
@Tag("browser")
class WorksheetBrowserTest {

    private static final AtomicInteger ORGANIZATIONS = new AtomicInteger();
    private static BrowserStack stack;
    private static WebDriver first;
    private static WebDriver second;

    @BeforeAll
    static void start() {
        stack = BrowserStack.start("browser_sheet");
        first = stack.browser();
        second = stack.browser();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String organization() {
        return "WS" + ORGANIZATIONS.incrementAndGet() + "X" + System.nanoTime() % 100000;
    }

    private static String lead(String code) {
        return BrowserStack.token("lead-" + code, "ผู้นำ", code, "LEAD");
    }

    private static String opened(String code) {
        JsonNode answer = stack.commands(lead(code)).post().uri("/api/assessments")
                .bodyValue(Map.of("organizationCode", code, "organizationName", "จังหวัดทดสอบ " + code,
                                  "organizationType", "PROVINCE", "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return answer.get("assessmentId").asText();
    }

    /** A text written through the API, as a colleague would; answers the command service's JSON. */
    private static JsonNode written(String code, String id, String part, String text, long baseRevision) {
        return stack.commands(BrowserStack.token("colleague-" + code, "วิชัย เพื่อนร่วมทีม", code, "EDITOR")).put()
                .uri("/api/assessments/" + id + "/criteria/1.1/levels/" + part)
                .bodyValue(Map.of("text", text, "baseRevision", baseRevision))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The worksheet of 1.1, signed in as an editor of {@code code} called {@code user}. */
    private static void openWorksheet(WebDriver browser, String code, String id, String user) {
        openWorksheet(browser, code, id, user, "EDITOR");
    }

    private static void openWorksheet(WebDriver browser, String code, String id, String user, String role) {
        String path = "/app/assessments/" + id + "/criteria/1.1";
        try {
            browser.get(stack.app("/app/sign-in?next=" + path));
            Screens.signIn(browser, user, "ผู้เขียน " + user, code, role);
            Screens.awaitPath(browser, path);
            await(browser, "adr-basic-approach");
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the worksheet did not open: " + page(browser), e);
        }
    }

    /** Where the page is and what it shows, for a failure's message. */
    private static String page(WebDriver browser) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "return location.href + ' | ' + document.readyState + ' | alpine ' + !!window.Alpine + ' | offline '"
                + " + (window.Alpine ? Alpine.store('network').offline : '?') + ' | resources '"
                + " + performance.getEntriesByType('resource').map(r => r.name.replace(location.origin, '') + ':' + Math.round(r.duration)).join(',')"
                + " + ' | ' + (document.querySelector('main') || document.body).innerText.substring(0, 600);"));
    }

    private static <T> T until(WebDriver browser, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Screens.PATIENCE).until(condition);
    }

    private static String value(WebDriver browser, String testId) {
        return browser.findElement(testId(testId)).getDomProperty("value");
    }

    /** Types where a person put the caret: at {@code offset} of the field's text. */
    private static void typeAt(WebDriver browser, String testId, int offset, String text) {
        WebElement field = await(browser, testId);
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[1]);",
                                                     field, offset);
        new Actions(browser).sendKeys(text).perform();
    }

    private static void awaitSaved(WebDriver browser, String field) {
        until(browser, d -> {
            WebElement state = d.findElement(testId("save-state"));
            return state.getAttribute("data-field").endsWith(field)
                   && (state.getAttribute("data-state").equals("saved") || state.getAttribute("data-state").equals("merged"));
        });
    }

    /** Holds this page's saves (PUTs) until {@link #releaseSaves}, so that two saves are surely made on one revision. */
    private static void holdSaves(WebDriver browser) {
        ((JavascriptExecutor) browser).executeScript(
                "if (!window.__realFetch) { window.__realFetch = window.fetch; }"
                + "window.__held = new Promise(r => { window.__release = r; });"
                + "window.fetch = async (url, init) => { if (init && init.method === 'PUT' && !String(url).includes('/presence')) {"
                + "  window.__waiting = (window.__waiting || 0) + 1; await window.__held; }"
                + "  return window.__realFetch(url, init); };");
    }

    private static void releaseSaves(WebDriver browser) {
        ((JavascriptExecutor) browser).executeScript("window.__release(); window.fetch = window.__realFetch; window.__waiting = 0;");
    }

    private static long waiting(WebDriver browser) {
        Object count = ((JavascriptExecutor) browser).executeScript("return window.__waiting || 0;");
        return ((Number) count).longValue();
    }

    private JsonNode report(String code, String id) {
        return org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + stack.queryPort()).defaultHeader("Authorization", "Bearer " + lead(code))
                .build().get().uri("/api/assessments/" + id + "/report").exchange()
                         .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static JsonNode criterionOf(JsonNode report) {
        return report.path("categories").get(0).path("criteria").get(0);
    }

    @Test
    void anApproachDraftedInTheWorksheetIsSavedAndStillThereAfterAReload() {
        String code = organization();
        String id = opened(code);
        openWorksheet(first, code, id, "editor-" + code);

        typeAt(first, "adr-basic-approach", 0, "ผู้บริหารกำหนดวิสัยทัศน์ร่วมกับ ๒๖ อำเภอ ทุกไตรมาส");
        awaitSaved(first, "basic/approach");
        Screens.screenshot(first, "worksheet");

        first.navigate().refresh();
        until(first, d -> "ผู้บริหารกำหนดวิสัยทัศน์ร่วมกับ ๒๖ อำเภอ ทุกไตรมาส".equals(value(d, "adr-basic-approach")));
        JsonNode basic = criterionOf(report(code, id)).path("levels").get(0);
        assertThat(basic.path("approach").path("text").asText()).isEqualTo("ผู้บริหารกำหนดวิสัยทัศน์ร่วมกับ ๒๖ อำเภอ ทุกไตรมาส");
    }

    @Test
    void twoPeopleEditingDifferentLinesOfOneTextAtOnceBothKeepTheirChangeInBothBrowsers() {
        String code = organization();
        String id = opened(code);
        String start = "บรรทัดแรก: ผู้บริหารประชุมทบทวนทุกไตรมาส\nบรรทัดที่สอง: ถ่ายทอดเป้าหมายสู่อำเภอ\n"
                       + "บรรทัดที่สาม: ผู้บริหารประชุมทบทวนทุกไตรมาส";
        written(code, id, "basic/deploy", start, 0);
        openWorksheet(first, code, id, "a-" + code);
        openWorksheet(second, code, id, "b-" + code);
        until(first, d -> start.equals(value(d, "adr-basic-deploy")));
        until(second, d -> start.equals(value(d, "adr-basic-deploy")));

        // both type on revision 1; their saves are held until both have typed, then race
        holdSaves(first);
        holdSaves(second);
        int endOfFirstLine = start.indexOf('\n');
        typeAt(first, "adr-basic-deploy", endOfFirstLine, " และรายงานผลต่อ ครม.");
        typeAt(second, "adr-basic-deploy", start.length(), " (ครบ ๔ ครั้ง)");
        until(first, d -> waiting(first) > 0);
        until(second, d -> waiting(second) > 0);
        releaseSaves(first);
        releaseSaves(second);

        String both = "บรรทัดแรก: ผู้บริหารประชุมทบทวนทุกไตรมาส และรายงานผลต่อ ครม.\nบรรทัดที่สอง: ถ่ายทอดเป้าหมายสู่อำเภอ\n"
                      + "บรรทัดที่สาม: ผู้บริหารประชุมทบทวนทุกไตรมาส (ครบ ๔ ครั้ง)";
        until(first, d -> both.equals(value(d, "adr-basic-deploy")));
        until(second, d -> both.equals(value(d, "adr-basic-deploy")));
        assertThat(criterionOf(report(code, id)).path("levels").get(0).path("deploy").path("text").asText()).isEqualTo(both);
    }

    @Test
    void anEditOfTheSameWordsOpensTheConflictDialogAndKeepMineStoresMineAsANewRevision() {
        String code = organization();
        String id = opened(code);
        written(code, id, "basic/result", "ร้อยละความพึงพอใจ ๘๐", 0);
        openWorksheet(first, code, id, "editor-" + code);
        until(first, d -> "ร้อยละความพึงพอใจ ๘๐".equals(value(d, "adr-basic-result")));

        holdSaves(first);
        typeAt(first, "adr-basic-result", "ร้อยละความพึงพอใจ ๘๐".length(), Keys.BACK_SPACE + "" + Keys.BACK_SPACE + "๘๕");
        until(first, d -> waiting(first) > 0);
        // a colleague changes the same words meanwhile: the page shows a notice, not their text under the caret
        written(code, id, "basic/result", "ร้อยละความพึงพอใจ ๙๐", 1);
        assertThat(await(first, "notice-basic-result").getText()).contains("วิชัย เพื่อนร่วมทีม");
        assertThat(value(first, "adr-basic-result")).isEqualTo("ร้อยละความพึงพอใจ ๘๕");
        releaseSaves(first);

        WebElement dialog = await(first, "conflict-dialog");
        assertThat(dialog.findElement(testId("conflict-base")).getText()).isEqualTo("ร้อยละความพึงพอใจ ๘๐");
        assertThat(dialog.findElement(testId("conflict-theirs")).getText()).contains("๙๐");
        assertThat(dialog.findElement(testId("conflict-yours")).getText()).contains("๘๕");
        assertThat(dialog.findElements(org.openqa.selenium.By.cssSelector("[data-testid='conflict-theirs'] .added"))).isNotEmpty();
        assertThat(await(first, "save-state").getAttribute("data-state")).isEqualTo("conflict");
        Screens.screenshot(first, "worksheet-conflict");

        dialog.findElement(testId("conflict-keep-mine")).click();
        awaitSaved(first, "basic/result");
        until(first, d -> criterionOf(report(code, id)).path("levels").get(0).path("result").path("revision").asLong() == 3);
        assertThat(criterionOf(report(code, id)).path("levels").get(0).path("result").path("text").asText())
                .isEqualTo("ร้อยละความพึงพอใจ ๘๕");
        assertThat(value(first, "adr-basic-result")).isEqualTo("ร้อยละความพึงพอใจ ๘๕");
    }

    @Test
    void aSecondBrowserOnTheSameWorksheetSeesTheFirstOnesSaveWithoutAReload() {
        String code = organization();
        String id = opened(code);
        openWorksheet(first, code, id, "a-" + code);
        openWorksheet(second, code, id, "b-" + code);

        typeAt(first, "adr-advance-deploy", 0, "ทำงานร่วมกับเครือข่ายภาคเอกชนและหอการค้า");
        typeAt(first, "criterion-summary", 0, "จังหวัดมีระบบการนำที่ชัดเจน");
        until(second, d -> "ทำงานร่วมกับเครือข่ายภาคเอกชนและหอการค้า".equals(value(d, "adr-advance-deploy")));
        until(second, d -> "จังหวัดมีระบบการนำที่ชัดเจน".equals(value(d, "criterion-summary")));
    }

    @Test
    void theRatingControlRefusesAScoreOutsideTheLevelsBandBeforeSendingAndTheEstimateFollowsASavedOne() {
        String code = organization();
        String id = opened(code);
        openWorksheet(first, code, id, "lead-" + code, "LEAD");
        JavascriptExecutor page = (JavascriptExecutor) first;
        page.executeScript("window.__ratingPuts = 0; const real = window.fetch; window.fetch = (url, init) => {"
                           + " if (String(url).endsWith('/rating')) { window.__ratingPuts++; } return real.call(window, url, init); };");

        new Select(await(first, "rating-level")).selectByValue("basic");
        Screens.type(await(first, "rating-score"), "450");
        Screens.type(await(first, "rating-rationale"), "มีแนวทางเป็นระบบ ถ่ายทอดครบทุกอำเภอ");
        await(first, "rating-save").click();

        assertThat(await(first, "rating-error").getText()).contains("300–399");
        assertThat(await(first, "rating-score").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(((Number) page.executeScript("return window.__ratingPuts;")).intValue()).isZero();

        Screens.type(await(first, "rating-score"), "350");
        await(first, "rating-save").click();
        try {
            until(first, d -> "saved".equals(d.findElement(testId("rating-state")).getAttribute("data-state")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the rating was not saved: " + page(first), e);
        }
        assertThat(((Number) page.executeScript("return window.__ratingPuts;")).intValue()).isEqualTo(1);
        try {
            until(first, d -> d.findElement(testId("estimate-overall")).getText().startsWith("350"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the estimate did not follow: " + page(first), e);
        }
    }

    @Test
    void theWorksheetHasNoSeriousAccessibilityViolations() {
        String code = organization();
        String id = opened(code);
        openWorksheet(first, code, id, "editor-" + code);
        assertThat(Axe.seriousViolations(first)).as("worksheet").isEmpty();
        // only leads rate: an editor is not offered the button
        assertThat(first.findElements(testId("rating-save")).stream().filter(WebElement::isDisplayed)).isEmpty();
        assertThat(await(first, "rating-lead-only").getText()).contains("หัวหน้าทีม");
    }
}
