package th.pmqa.studio.query.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;
import java.util.function.Function;

import static th.pmqa.studio.query.web.browser.Screens.await;
import static th.pmqa.studio.query.web.browser.Screens.testId;

/**
 * A worksheet scenario's setting on one {@link BrowserStack}: an organization's assessment opened through the API,
 * what a colleague writes through the API, the worksheet opened in a browser, and the steps a person takes there.
 */
final class Sheets {

    final BrowserStack stack;
    final String code;
    final String id;

    Sheets(BrowserStack stack, String code) {
        this.stack = stack;
        this.code = code;
        JsonNode answer = stack.commands(lead()).post().uri("/api/assessments")
                .bodyValue(Map.of("organizationCode", code, "organizationName", "จังหวัดทดสอบ " + code,
                                  "organizationType", "PROVINCE", "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        this.id = answer.get("assessmentId").asText();
    }

    String lead() {
        return BrowserStack.token("lead-" + code, "ผู้นำ", code, "LEAD");
    }

    /** The command API as a colleague of the organization, วิชัย. */
    WebTestClient colleague() {
        return stack.commands(BrowserStack.token("colleague-" + code, "วิชัย เพื่อนร่วมทีม", code, "EDITOR"));
    }

    String criterionPath() {
        return "/api/assessments/" + id + "/criteria/1.1";
    }

    JsonNode written(String part, String text, long baseRevision) {
        return colleague().put().uri(criterionPath() + "/levels/" + part)
                .bodyValue(Map.of("text", text, "baseRevision", baseRevision))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    String worksheet() {
        return "/app/assessments/" + id + "/criteria/1.1";
    }

    void open(WebDriver browser, String user) {
        browser.get(stack.app("/app/sign-in?next=" + worksheet()));
        Screens.signIn(browser, user, "ผู้เขียน " + user, code, "EDITOR");
        Screens.awaitPath(browser, worksheet());
        await(browser, "adr-basic-approach");
    }

    WebTestClient queries(String token) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + stack.queryPort())
                            .defaultHeader("Authorization", "Bearer " + token).build();
    }

    JsonNode report() {
        return queries(lead()).get().uri("/api/assessments/" + id + "/report").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Sub-criterion 1.1 as the report has it now. */
    JsonNode criterion() {
        return report().path("categories").get(0).path("criteria").get(0);
    }

    JsonNode level(int index) {
        return criterion().path("levels").get(index);
    }

    static <T> T until(WebDriver browser, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Screens.PATIENCE).until(condition);
    }

    static String value(WebDriver browser, String testId) {
        return browser.findElement(testId(testId)).getDomProperty("value");
    }

    static Object js(WebDriver browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** Types where a person put the caret: at {@code offset} of the field's text. */
    static void typeAt(WebDriver browser, String testId, int offset, CharSequence text) {
        WebElement field = await(browser, testId);
        js(browser, "arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[1]);", field, offset);
        new Actions(browser).sendKeys(text).perform();
    }

    static void awaitState(WebDriver browser, String field, String state) {
        until(browser, d -> {
            WebElement shown = d.findElement(testId("save-state"));
            return shown.getAttribute("data-field").endsWith(field) && state.equals(shown.getAttribute("data-state"));
        });
    }

    /** Holds this page's saves of texts until {@link #releaseSaves}, so that a colleague surely saves in between. */
    static void holdSaves(WebDriver browser) {
        js(browser, "if (!window.__realFetch) { window.__realFetch = window.fetch; }"
                    + "window.__held = new Promise(r => { window.__release = r; });"
                    + "window.fetch = async (url, init) => { if (init && init.method === 'PUT' && String(url).includes('/levels/')) {"
                    + "  window.__waiting = (window.__waiting || 0) + 1; await window.__held; }"
                    + "  return window.__realFetch(url, init); };");
    }

    /** Lets the held saves go, and counts the page's saves of texts from now on in {@code window.__puts}. */
    static void releaseSaves(WebDriver browser) {
        js(browser, "window.__release(); window.__puts = 0; window.fetch = (url, init) => {"
                    + " if (init && init.method === 'PUT' && String(url).includes('/levels/')) { window.__puts++; }"
                    + " return window.__realFetch(url, init); };");
    }

    static long number(WebDriver browser, String expression) {
        return ((Number) js(browser, "return " + expression + " || 0;")).longValue();
    }
}
