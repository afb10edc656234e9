package th.pmqa.studio.query.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.pmqa.studio.infra.testing.ServerIndependent;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.query.web.browser.Screens.await;
import static th.pmqa.studio.query.web.browser.Screens.awaitPath;
import static th.pmqa.studio.query.web.browser.Screens.testId;

/**
 * The team's way in, in a real browser: sign-in, my assessments, the overview, what another organization's person
 * sees. One stack and one Chromium per class.
 */
@ServerIndependent
@Tag("browser")
class TeamEntryBrowserTest {

    private static final AtomicInteger ORGANIZATIONS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static BrowserStack stack;

    @BeforeAll
    static void start() {
        stack = BrowserStack.start("browser_entry");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String organization() {
        return "WEB" + ORGANIZATIONS.incrementAndGet() + "X" + System.nanoTime() % 100000;
    }

    /** An assessment opened through the command API, as a lead of {@code code}. */
    private static String opened(String code) {
        JsonNode answer = stack.commands(BrowserStack.token("lead-" + code, "ผู้นำ", code, "LEAD")).post()
                .uri("/api/assessments")
                .bodyValue(Map.of("organizationCode", code, "organizationName", "จังหวัดทดสอบ " + code,
                                  "organizationType", "PROVINCE", "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return answer.get("assessmentId").asText();
    }

    @Test
    void aPersonWhoIsNotSignedInIsSentToSignInAndThenBackToMyAssessmentsWhichSurvivesAReload() {
        String code = organization();
        String id = opened(code);
        WebDriver browser = stack.browser();
        browser.get(stack.app("/app/"));
        awaitPath(browser, "/app/sign-in");
        await(browser, "signin-user"); // the path changes before the view is drawn: the shot showed an empty page
        Screens.screenshot(browser, "sign-in");

        Screens.signIn(browser, "editor-1", "ประเสริฐ มั่นคง", code, "EDITOR");

        awaitPath(browser, "/app/");
        assertThat(await(browser, testId("assessment-row")).getAttribute("data-assessment")).isEqualTo(id);
        assertThat(await(browser, "whoami").getText()).contains("ประเสริฐ มั่นคง").contains(code);
        // the token was only in memory: a reload mints a new one for the person this tab remembers
        browser.navigate().refresh();
        assertThat(await(browser, testId("assessment-row")).getAttribute("data-assessment")).isEqualTo(id);
        Screens.screenshot(browser, "my-assessments");
    }

    @Test
    void aLeadOpensAnAssessmentFromMyAssessmentsAndItsOverviewShowsTheTeamAndTheEstimateLive() {
        String code = organization();
        WebDriver browser = stack.browser();
        browser.get(stack.app("/app/sign-in"));
        Screens.signIn(browser, "lead-" + code, "สมศรี ใจดี", code, "LEAD");
        awaitPath(browser, "/app/");
        Screens.type(await(browser, "open-name"), "จังหวัดทดลอง");
        await(browser, "open-submit").click();

        String id = code + "-" + await(browser, "open-year").getAttribute("value");
        awaitPath(browser, "/app/assessments/" + id);
        assertThat(await(browser, "estimate-overall").getText()).isEqualTo("ยังไม่มี");
        assertThat(browser.findElements(testId("criterion-row"))).hasSizeGreaterThan(10);
        // this tab says it is here: the presence list shows the lead
        await(browser, By.cssSelector("[data-testid='presence'] [data-testid='presence-user'][data-user='lead-" + code + "']"));

        // a colleague rates 1.1 through the API: the overview follows without a reload
        stack.commands(BrowserStack.token("lead2-" + code, "วิชัย", code, "LEAD")).put()
             .uri("/api/assessments/" + id + "/criteria/1.1/rating")
             .bodyValue(Map.of("level", "advance", "score", 420, "rationale", "มีการถ่ายทอดทั่วทั้งองค์การ"))
             .exchange().expectStatus().isOk();
        new WebDriverWait(browser, Screens.PATIENCE).until(d -> !d.findElement(testId("estimate-overall")).getText()
                                                                 .equals("ยังไม่มี"));
        WebElement row = await(browser, By.cssSelector("[data-testid='criterion-row'][data-criterion='1.1']"));
        assertThat(row.findElement(testId("rated-level")).getText()).isEqualTo("Advance");
        assertThat(row.findElement(testId("criterion-score")).getText()).isEqualTo("420");
        Screens.screenshot(browser, "overview");
    }

    @Test
    void anEditorOfAnotherOrganizationWhoOpensTheOverviewsAddressGetsAccessDenied() {
        String id = opened(organization());
        WebDriver browser = stack.browser();
        browser.get(stack.app("/app/assessments/" + id));
        awaitPath(browser, "/app/sign-in");
        Screens.signIn(browser, "stranger", "คนนอก", organization(), "EDITOR");
        awaitPath(browser, "/app/assessments/" + id);
        assertThat(await(browser, "access-denied").getText()).contains("ไม่มีสิทธิ์");
        assertThat(browser.findElements(testId("criterion-row"))).isEmpty();
    }

    @Test
    void signInMyAssessmentsAndTheOverviewHaveNoSeriousAccessibilityViolations() {
        String code = organization();
        String id = opened(code);
        WebDriver browser = stack.browser();
        browser.get(stack.app("/app/sign-in"));
        await(browser, "signin-submit");
        assertThat(Axe.seriousViolations(browser)).as("sign-in").isEmpty();
        Screens.signIn(browser, "editor-" + code, "ประเสริฐ มั่นคง", code, "EDITOR");
        await(browser, testId("assessment-row"));
        assertThat(Axe.seriousViolations(browser)).as("my assessments").isEmpty();
        browser.get(stack.app("/app/assessments/" + id));
        await(browser, testId("criterion-row"));
        assertThat(Axe.seriousViolations(browser)).as("overview").isEmpty();
    }

    @Test
    void signingOutForgetsThePersonSoAReloadAsksWhoYouAre() {
        String code = organization();
        WebDriver browser = stack.browser();
        browser.get(stack.app("/app/sign-in"));
        Screens.signIn(browser, "editor-" + code, "ประเสริฐ มั่นคง", code, "EDITOR");
        await(browser, "sign-out").click();
        awaitPath(browser, "/app/sign-in");
        browser.get(stack.app("/app/"));
        awaitPath(browser, "/app/sign-in");
        assertThat(browser.findElements(testId("whoami")).stream().filter(WebElement::isDisplayed)).isEmpty();
    }

    @Test
    void whileTheNetworkIsDownThePageSaysItIsOfflineAndRetriesThenShowsTheOverview() {
        String code = organization();
        String id = opened(code);
        ChromeDriver browser = (ChromeDriver) stack.browser();
        browser.get(stack.app("/app/sign-in"));
        Screens.signIn(browser, "editor-" + code, "ประเสริฐ มั่นคง", code, "EDITOR");
        WebElement link = await(browser, By.cssSelector("[data-testid='assessment-row'] a"));
        assertThat(await(browser, By.cssSelector("body")).findElements(testId("offline")).get(0).isDisplayed()).isFalse();

        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.setNetworkConditions(offline);
        link.click();
        assertThat(await(browser, "offline").getText()).contains("offline");

        browser.deleteNetworkConditions();
        await(browser, By.cssSelector("[data-testid='criterion-row'][data-criterion='1.1']"));
        new WebDriverWait(browser, Screens.PATIENCE).until(d -> !d.findElement(testId("offline")).isDisplayed());
        awaitPath(browser, "/app/assessments/" + id);
    }

    @Test
    void theStreamReaderParsesFramesAsTheStandardSaysAndDraftsKeepThaiTextByteExact() throws Exception {
        WebDriver browser = stack.browser();
        browser.get(stack.app("/app/sign-in"));
        await(browser, "signin-submit");
        String thai = "ผู้บริหาร ๓ ท่าน\nกำหนดทิศทาง 👩‍💼 น้ำ";
        Object answer = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([import('/app/js/stream.js'), import('/app/js/drafts.js')]).then(([stream, drafts]) => {
                  drafts.keep('KKN-2567', 'criteria/1.1/basic/approach', arguments[0], 3);
                  done(JSON.stringify({
                    section: stream.parseFrame('event: section\\ndata: {"section":"criteria/1.1",\\ndata: "n":1}\\nid: 42'),
                    comment: stream.parseFrame(': keep-alive'),
                    text: stream.parseFrame('data:no space\\ndata:  two spaces'),
                    pending: drafts.pending('KKN-2567'),
                    other: drafts.pending('KKN-256'),
                  }));
                });
                """, thai);
        JsonNode parsed = JSON.readTree((String) answer);
        assertThat(parsed.at("/section/event").asText()).isEqualTo("section");
        assertThat(parsed.at("/section/id").asText()).isEqualTo("42");
        assertThat(parsed.at("/section/data/n").asInt()).isEqualTo(1);
        assertThat(parsed.at("/comment/data").isNull()).isTrue();
        assertThat(parsed.at("/text/data").asText()).isEqualTo("no space\n two spaces");
        assertThat(parsed.at("/pending/0/text").asText()).isEqualTo(thai);
        assertThat(parsed.at("/pending/0/section").asText()).isEqualTo("criteria/1.1/basic/approach");
        assertThat(parsed.at("/pending/0/baseRevision").asLong()).isEqualTo(3);
        assertThat(parsed.get("other")).isEmpty();
    }

    /**
     * A 401 while opening a view: the page's fetch answers it the way the services answer an expired token, so this
     * test needs no stack of its own. A token that really expires, and the text typed then saved after signing in
     * again, is WorksheetMoreBrowserTest's.
     */
    @Test
    void whenTheApiRefusesTheTokenThePersonIsSentToSignInFilledInAndReturnedWhereTheyWere() {
        String code = organization();
        String id = opened(code);
        WebDriver browser = stack.browser();
        browser.get(stack.app("/app/sign-in"));
        Screens.signIn(browser, "editor-" + code, "ประเสริฐ มั่นคง", code, "EDITOR");
        WebElement link = await(browser, By.cssSelector("[data-testid='assessment-row'] a"));
        ((JavascriptExecutor) browser).executeScript("""
                window.realFetch = window.fetch;
                window.fetch = (url, init) => String(url).includes('/api/assessments/')
                    ? Promise.resolve(new Response('{"type":"https://pmqa-studio.example/problems/unauthenticated","status":401}',
                                                   {status: 401, headers: {'Content-Type': 'application/problem+json'}}))
                    : window.realFetch(url, init);
                """);
        link.click();

        awaitPath(browser, "/app/sign-in");
        assertThat(browser.getCurrentUrl()).endsWith("?next=" + java.net.URLEncoder.encode("/app/assessments/" + id,
                                                                                          java.nio.charset.StandardCharsets.UTF_8));
        assertThat(await(browser, "signin-user").getAttribute("value")).isEqualTo("editor-" + code);
        ((JavascriptExecutor) browser).executeScript("window.fetch = window.realFetch;");
        await(browser, "signin-submit").click();
        awaitPath(browser, "/app/assessments/" + id);
        await(browser, By.cssSelector("[data-testid='criterion-row'][data-criterion='1.1']"));
    }
}
