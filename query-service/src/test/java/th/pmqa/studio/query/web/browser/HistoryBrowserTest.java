package th.pmqa.studio.query.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.ServerIndependent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.query.web.browser.Screens.await;
import static th.pmqa.studio.query.web.browser.Screens.testId;

/**
 * The history timeslider in a real browser, as a facilitator replays one province's report: step by step back to
 * the first change and forward to the last, to a named version with Shift+arrows, a comparison of that version with
 * now, a change opened from its address, and one sub-criterion's history with its comments. One stack, one Chromium;
 * the assessment is written through the command API by two people, as the timeslider only reads.
 */
@ServerIndependent
@Tag("browser")
class HistoryBrowserTest {

    private static final String LABEL = "ร่างที่ 1 ส่งพี่เลี้ยง";
    private static final String LAST_APPROACH = "ผู้บริหารกำหนดเป้าหมายร่วมกับส่วนราชการ ทบทวนทุกไตรมาส";
    private static BrowserStack stack;
    private static WebDriver browser;
    private static String code;
    private static String id;
    private static List<JsonNode> feed;
    private static int labelStep;

    @BeforeAll
    static void start() {
        stack = BrowserStack.start("browser_history");
        code = "HS" + System.nanoTime() % 100000;
        String lead = BrowserStack.token("lead-" + code, "สมศรี หัวหน้าทีม", code, "LEAD");
        String editor = BrowserStack.token("editor-" + code, "วิชัย ผู้เขียน", code, "EDITOR");
        id = stack.commands(lead).post().uri("/api/assessments")
                  .bodyValue(Map.of("organizationCode", code, "organizationName", "จังหวัดทดสอบ " + code,
                                    "organizationType", "PROVINCE", "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
                  .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                  .get("assessmentId").asText();
        write(editor, "criteria/1.1/levels/basic/approach", "ผู้บริหารกำหนดวิสัยทัศน์", 0);
        write(lead, "criteria/1.1/levels/basic/approach", "ผู้บริหารกำหนดวิสัยทัศน์และเป้าหมายร่วมกับส่วนราชการ", 1);
        write(editor, "profile/1", "ส่งเสริมเศรษฐกิจและคุณภาพชีวิตของประชาชน", 0);
        stack.commands(lead).post().uri("/api/assessments/" + id + "/labels").bodyValue(Map.of("label", LABEL))
             .exchange().expectStatus().isCreated();
        write(editor, "criteria/1.1/summary", "สรุปจุดแข็งด้านการนำองค์การ", 0);
        write(lead, "criteria/1.1/levels/basic/approach", LAST_APPROACH, 2);
        stack.commands(editor).post().uri("/api/assessments/" + id + "/comments")
             .bodyValue(Map.of("section", "criteria/1.1/basic/approach", "text", "ช่วยเพิ่มตัวอย่างการทบทวนด้วยค่ะ"))
             .exchange().expectStatus().isCreated();
        write(editor, "criteria/1.2/levels/basic/deploy", "ถ่ายทอดนโยบายสู่ทุกอำเภอผ่านการประชุมประจำเดือน", 0);
        // the query side projects asynchronously: wait for the eight changes (opening + 6 edits + the label)
        WebTestClient reads = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + stack.queryPort())
                .responseTimeout(Duration.ofSeconds(30)).defaultHeader("Authorization", "Bearer " + facilitator()).build();
        long until = System.nanoTime() + Screens.PATIENCE.toNanos();
        JsonNode page;
        do {
            page = reads.get().uri("/api/assessments/" + id + "/changes?after=0&limit=200").exchange()
                        .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        } while (page.path("total").asLong() < 8 && System.nanoTime() < until);
        feed = new ArrayList<>();
        page.path("items").forEach(feed::add);
        assertThat(feed).hasSize(8);
        labelStep = feed.stream().filter(e -> e.path("kind").asText().equals("LABEL")).findFirst().orElseThrow()
                        .path("index").asInt();
        browser = stack.browser();
        browser.get(stack.app("/app/sign-in?next=/app/"));
        Screens.signIn(browser, "fac-" + code, "พี่เลี้ยง ทดสอบ", "", "FACILITATOR");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String facilitator() {
        return BrowserStack.token("fac-" + code, "พี่เลี้ยง ทดสอบ", null, "FACILITATOR");
    }

    private static void write(String token, String path, String text, int baseRevision) {
        stack.commands(token).put().uri("/api/assessments/" + id + "/" + path)
             .bodyValue(Map.of("text", text, "baseRevision", baseRevision)).exchange().expectStatus().is2xxSuccessful();
    }

    private static void open(String query) {
        browser.get(stack.app("/app/assessments/" + id + "/history" + query));
        await(browser, "timeslider-position");
    }

    private static void awaitPosition(int step) {
        String wanted = step + " / " + feed.size();
        new WebDriverWait(browser, Screens.PATIENCE).withMessage(() -> "timeslider at " + wanted + ", shows "
                + browser.findElement(testId("timeslider-position")).getText()).until(d -> wanted.equals(d.findElement(testId("timeslider-position")).getText())
                && String.valueOf(step).equals(d.findElement(testId("timeslider-diff")).getAttribute("data-step")));
    }

    private static void press(CharSequence... keys) {
        WebElement slider = await(browser, "timeslider");
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus();", slider);
        new Actions(browser).sendKeys(keys).perform();
    }

    private static void awaitShown(String position) {
        new WebDriverWait(browser, Screens.PATIENCE).withMessage(() -> "timeslider at " + position + ", shows "
                + browser.findElement(testId("timeslider-position")).getText())
                .until(d -> position.equals(d.findElement(testId("timeslider-position")).getText()));
    }

    private static void pressWithShift(CharSequence key) {
        WebElement slider = await(browser, "timeslider");
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus();", slider);
        new Actions(browser).keyDown(Keys.SHIFT).sendKeys(key).keyUp(Keys.SHIFT).perform();
    }

    private static String inserted() {
        return browser.findElement(testId("timeslider-diff")).findElements(By.tagName("ins")).stream()
                      .map(WebElement::getText).collect(Collectors.joining());
    }

    /** What the API says step `step` inserted: the timeslider shows the feed's own diff, not one of its own. */
    private static String insertedByApi(int step) {
        StringBuilder text = new StringBuilder();
        feed.get(step - 1).path("diff").forEach(c -> {
            if (c.path("op").asText().equals("INSERT")) {
                text.append(c.path("text").asText());
            }
        });
        return text.toString();
    }

    private static String sectionText(int step) {
        new WebDriverWait(browser, Screens.PATIENCE).until(d -> String.valueOf(step)
                .equals(d.findElement(testId("timeslider-section")).getAttribute("data-step")));
        return browser.findElement(testId("timeslider-section")).getText();
    }

    @Test
    void theTimesliderStepsBackToTheFirstChangeWithItsDiffAndForwardToTheLastWithTheCurrentText() {
        open("");
        awaitPosition(8);
        for (int step = 7; step >= 1; step--) {
            press(Keys.ARROW_LEFT);
            awaitPosition(step);
        }
        assertThat(inserted()).isEqualTo(insertedByApi(1)).isNotEmpty();
        assertThat(browser.findElement(testId("timeslider-author")).getText()).contains("สมศรี หัวหน้าทีม");
        await(browser, "timeslider-next").click();
        awaitPosition(2);
        assertThat(inserted()).isEqualTo("ผู้บริหารกำหนดวิสัยทัศน์");
        assertThat(browser.findElement(testId("timeslider-author")).getText()).contains("วิชัย ผู้เขียน");
        press(Keys.END);
        awaitPosition(8);
        assertThat(sectionText(8)).contains("ถ่ายทอดนโยบายสู่ทุกอำเภอผ่านการประชุมประจำเดือน");
        press(Keys.ARROW_LEFT);
        awaitPosition(7);
        assertThat(browser.findElement(testId("timeslider-diff")).findElements(By.tagName("del"))).isNotEmpty();
        assertThat(sectionText(7)).contains(LAST_APPROACH);
        assertThat(browser.findElement(testId("timeslider-authors")).getText())
                .contains("สมศรี หัวหน้าทีม").contains("วิชัย ผู้เขียน");
        Screens.screenshot(browser, "timeslider");
        assertThat(Axe.seriousViolations(browser)).as("timeslider").isEmpty();
    }

    @Test
    void aNamedVersionIsMarkedOnTheSliderAndReachedWithShiftArrows() {
        open("?position=1");
        awaitPosition(1);
        WebElement mark = new WebDriverWait(browser, Screens.PATIENCE).until(d -> d.findElements(testId("timeslider-label"))
                .stream().filter(e -> e.getText().equals(LABEL)).findFirst().orElse(null));
        new WebDriverWait(browser, Screens.PATIENCE).until(d -> String.valueOf(labelStep).equals(mark.getAttribute("data-step")));
        pressWithShift(Keys.ARROW_RIGHT);
        awaitPosition(labelStep);
        press(Keys.END);
        awaitPosition(8);
        pressWithShift(Keys.ARROW_LEFT);
        awaitPosition(labelStep);
    }

    @Test
    void comparingTheNamedVersionWithNowListsExactlyTheSectionsChangedSince() {
        open("");
        awaitPosition(8);
        Screens.type(await(browser, "compare-from"), "label:" + LABEL);
        Screens.type(await(browser, "compare-to"), "ล่าสุด");
        await(browser, "compare-run").click();
        new WebDriverWait(browser, Screens.PATIENCE).until(d -> !d.findElements(testId("compare-section")).isEmpty());
        Set<String> sections = browser.findElements(testId("compare-section")).stream()
                                      .map(e -> e.getAttribute("data-section")).collect(Collectors.toSet());
        assertThat(sections).containsExactlyInAnyOrder("criteria/1.1", "criteria/1.2");
        assertThat(browser.findElement(testId("compare-result")).getText())
                .contains("สรุปจุดแข็งด้านการนำองค์การ").contains("ทบทวนทุกไตรมาส");
        assertThat(browser.findElement(testId("compare-result")).findElements(By.tagName("ins"))).isNotEmpty();
    }

    @Test
    void aChangeOpenedFromItsAddressIsShownAndScrubbingKeepsTheAddressCurrent() {
        open("?position=3");
        awaitPosition(3);
        assertThat(inserted()).isEqualTo(insertedByApi(3)).contains("และเป้าหมาย");
        assertThat(sectionText(3)).contains("ผู้บริหารกำหนดวิสัยทัศน์และเป้าหมายร่วมกับส่วนราชการ");
        press(Keys.ARROW_RIGHT);
        awaitPosition(4);
        new WebDriverWait(browser, Screens.PATIENCE).until(d -> ((String) ((JavascriptExecutor) d)
                .executeScript("return location.search")).contains("position=4"));
    }

    @Test
    void theHistoryOfOneSubCriterionHoldsItsCommentInPlace() {
        browser.get(stack.app("/app/assessments/" + id + "/history?criterion=1.1"));
        // 1.1 alone: two approach saves, the summary, the last approach save and then the comment on it
        new WebDriverWait(browser, Screens.PATIENCE).until(d -> "5 / 5".equals(d.findElement(testId("timeslider-position")).getText()));
        new WebDriverWait(browser, Screens.PATIENCE).until(d -> d.findElement(By.cssSelector(".history .comment")).getText()
                .contains("ช่วยเพิ่มตัวอย่างการทบทวนด้วยค่ะ"));
        press(Keys.ARROW_LEFT);
        new WebDriverWait(browser, Screens.PATIENCE).until(d -> "4 / 5".equals(d.findElement(testId("timeslider-position")).getText()));
        assertThat(inserted()).contains("ทบทวนทุกไตรมาส");
        assertThat(browser.findElement(By.cssSelector(".history .timeline")).getText()).contains("5. ความเห็น");
    }

    @Test
    void anAuthorFilterKeepsOnlyThatPersonsChangesAndPlayStepsThroughThem() {
        browser.get(stack.app("/app/assessments/" + id + "/history?author=editor-" + code));
        // the editor's four saves: 1.1's first approach, OP item 1, the summary and 1.2's deploy
        awaitShown("4 / 4");
        assertThat(browser.findElement(testId("timeslider-author")).getText()).contains("วิชัย ผู้เขียน");
        press(Keys.HOME);
        awaitShown("1 / 4");
        assertThat(inserted()).isEqualTo("ผู้บริหารกำหนดวิสัยทัศน์");
        await(browser, "timeslider-play").click();
        awaitShown("2 / 4");
        await(browser, "timeslider-play").click();
        assertThat(inserted()).isEqualTo("ส่งเสริมเศรษฐกิจและคุณภาพชีวิตของประชาชน");
    }
}
