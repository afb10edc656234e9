package th.pmqa.studio.query.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.pmqa.studio.infra.testing.ServerIndependent;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.query.web.browser.Screens.await;
import static th.pmqa.studio.query.web.browser.Screens.testId;

/**
 * The Organizational Profile form in real browsers: the 13 questions with their 29 items, autosaved, live in a
 * colleague's browser, still there after a reload, and accessible. One stack and two Chromium windows.
 */
@ServerIndependent
@Tag("browser")
class ProfileBrowserTest {

    private static BrowserStack stack;
    private static WebDriver first;
    private static WebDriver second;

    @BeforeAll
    static void start() {
        stack = BrowserStack.start("browser_profile");
        first = stack.browser();
        second = stack.browser();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static void openProfile(WebDriver browser, String code, String id, String user) {
        openProfile(browser, code, id, user, "EDITOR");
    }

    private static void openProfile(WebDriver browser, String code, String id, String user, String role) {
        String path = "/app/assessments/" + id + "/profile";
        browser.get(stack.app("/app/sign-in?next=" + path));
        Screens.signIn(browser, user, "ผู้เขียน " + user, code, role);
        Screens.awaitPath(browser, path);
        await(browser, "op-item-1");
    }

    private static String value(WebDriver browser, String testId) {
        return browser.findElement(testId(testId)).getDomProperty("value");
    }

    private static void typeInto(WebDriver browser, String testId, String text) {
        WebElement field = await(browser, testId);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", field);
        new Actions(browser).sendKeys(text).perform();
    }

    private static String open(String code) {
        JsonNode opened = stack.commands(BrowserStack.token("lead-" + code, "ผู้นำ", code, "LEAD")).post()
                .uri("/api/assessments")
                .bodyValue(Map.of("organizationCode", code, "organizationName", "จังหวัดทดสอบ " + code,
                                  "organizationType", "PROVINCE", "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return opened.get("assessmentId").asText();
    }

    private static boolean shown(WebDriver browser, String testId) {
        return browser.findElements(testId(testId)).stream().anyMatch(WebElement::isDisplayed);
    }

    private static void click(WebDriver browser, String testId) {
        WebElement button = await(browser, testId);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        new WebDriverWait(browser, Screens.PATIENCE).until(d -> button.isDisplayed() && button.isEnabled());
        button.click();
    }

    private static void awaitStatus(WebDriver browser, String thai) {
        new WebDriverWait(browser, Screens.PATIENCE).until(d -> thai.equals(d.findElement(testId("review-status")).getText()));
    }

    @Test
    void anEditorAsksForReviewTheLeadSeesItLiveAndApprovesAndNeitherIsOfferedAStepTheirRoleMayNotTake() {
        String code = "WF" + System.nanoTime() % 100000;
        String id = open(code);
        openProfile(first, code, id, "e-" + code, "EDITOR");
        openProfile(second, code, id, "l-" + code, "LEAD");
        awaitStatus(first, "กำลังร่าง");
        assertThat(shown(first, "workflow-approve")).as("an editor is not offered approval").isFalse();
        assertThat(shown(second, "workflow-approve")).as("nothing to approve while drafting").isFalse();

        click(first, "workflow-ready");
        awaitStatus(second, "รอตรวจทาน");
        new WebDriverWait(second, Screens.PATIENCE).until(d -> shown(d, "workflow-approve"));
        awaitStatus(first, "รอตรวจทาน");
        assertThat(shown(first, "workflow-ready")).as("asked once").isFalse();
        assertThat(shown(first, "workflow-reopen")).as("an editor does not reopen").isFalse();

        click(second, "workflow-approve");
        awaitStatus(first, "อนุมัติแล้ว");
        awaitStatus(second, "อนุมัติแล้ว");
        // reopening needs a reason: refused in the page, nothing sent
        click(second, "workflow-reopen");
        new WebDriverWait(second, Screens.PATIENCE).until(d -> d.getPageSource().contains("ระบุเหตุผลที่เปิดให้แก้ไขอีกครั้ง"));
        assertThat(second.findElement(testId("review-status")).getText()).isEqualTo("อนุมัติแล้ว");
    }

    @Test
    void theThirteenQuestionsAndTwentyNineItemsAutosaveAppearLiveForAColleagueAndSurviveAReload() {
        String code = "OP" + System.nanoTime() % 100000;
        JsonNode opened = stack.commands(BrowserStack.token("lead-" + code, "ผู้นำ", code, "LEAD")).post()
                .uri("/api/assessments")
                .bodyValue(Map.of("organizationCode", code, "organizationName", "จังหวัดทดสอบ " + code,
                                  "organizationType", "PROVINCE", "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = opened.get("assessmentId").asText();
        openProfile(first, code, id, "a-" + code);
        openProfile(second, code, id, "b-" + code);
        assertThat(first.findElements(testId("op-question"))).hasSize(13);
        assertThat(first.findElements(org.openqa.selenium.By.cssSelector("[data-testid^='op-item-']"))).hasSize(29);
        assertThat(Axe.seriousViolations(first)).as("OP form").isEmpty();

        typeInto(first, "op-item-1", "ส่งเสริมเศรษฐกิจและคุณภาพชีวิตของประชาชนในจังหวัด");
        typeInto(first, "op-answer-6", "สำนักงานจังหวัดแบ่งเป็น ๓ กลุ่มงาน ๑ ฝ่าย");
        new WebDriverWait(first, Screens.PATIENCE).until(d -> {
            WebElement state = d.findElement(testId("save-state"));
            return state.getAttribute("data-field").equals("profile/questions/6")
                   && state.getAttribute("data-state").equals("saved");
        });
        new WebDriverWait(second, Screens.PATIENCE).until(d -> "ส่งเสริมเศรษฐกิจและคุณภาพชีวิตของประชาชนในจังหวัด"
                .equals(value(d, "op-item-1")));
        new WebDriverWait(second, Screens.PATIENCE).until(d -> "สำนักงานจังหวัดแบ่งเป็น ๓ กลุ่มงาน ๑ ฝ่าย".equals(value(d, "op-answer-6")));
        Screens.screenshot(first, "op-form");

        first.navigate().refresh();
        new WebDriverWait(first, Screens.PATIENCE).until(d -> "ส่งเสริมเศรษฐกิจและคุณภาพชีวิตของประชาชนในจังหวัด"
                .equals(value(d, "op-item-1")));
        assertThat(value(first, "op-answer-6")).isEqualTo("สำนักงานจังหวัดแบ่งเป็น ๓ กลุ่มงาน ๑ ฝ่าย");
    }
}
