package th.pmqa.studio.query.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.pmqa.studio.infra.testing.ServerIndependent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.query.web.browser.Screens.await;
import static th.pmqa.studio.query.web.browser.Screens.testId;

/**
 * The national dashboard in real browsers: a facilitator watches rows and heatmap cells change while a team works,
 * filters kept in the address, an editor limited to their organization, a late snapshot never undoing a newer row.
 * One stack and two Chromium windows (a facilitator's, a team member's) for the class.
 */
@ServerIndependent
@Tag("browser")
class DashboardBrowserTest {

    private static final AtomicInteger ORGANIZATIONS = new AtomicInteger();
    private static final String FACILITATOR = BrowserStack.token("fac-1", "วิภา พี่เลี้ยง", "OPDC", "FACILITATOR");
    private static BrowserStack stack;
    private static WebDriver facilitator;
    private static WebDriver team;

    @BeforeAll
    static void start() {
        stack = BrowserStack.start("browser_dash");
        facilitator = stack.browser();
        team = stack.browser();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String organization() {
        return "DB" + ORGANIZATIONS.incrementAndGet() + "X" + System.nanoTime() % 100000;
    }

    private static String lead(String code) {
        return BrowserStack.token("lead-" + code, "สมศรี หัวหน้าทีม", code, "LEAD");
    }

    private static String opened(String code, String type) {
        JsonNode answer = stack.commands(lead(code)).post().uri("/api/assessments")
                .bodyValue(Map.of("organizationCode", code, "organizationName", "หน่วยงานทดสอบ " + code,
                                  "organizationType", type, "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return answer.get("assessmentId").asText();
    }

    private static void signIn(WebDriver browser, String path, String user, String name, String code, String role) {
        try {
            browser.get(stack.app("/app/sign-in?next=" + path));
            Screens.signIn(browser, user, name, code, role);
            Screens.awaitPath(browser, path.replaceAll("\\?.*", ""));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("did not reach " + path + ": " + page(browser), e);
        }
    }

    private static void openDashboardAsFacilitator(String query) {
        signIn(facilitator, "/app/dashboard" + query, "fac-1", "วิภา พี่เลี้ยง", "OPDC", "FACILITATOR");
        until(facilitator, d -> "true".equals(d.findElement(testId("dashboard-live")).getAttribute("data-live")));
    }

    private static By row(String id) {
        return By.cssSelector("[data-testid='dashboard-row'][data-assessment='" + id + "']");
    }

    private static By cell(String id, String criterion) {
        return By.cssSelector("[data-testid='heatmap-cell'][data-assessment='" + id + "'][data-criterion='" + criterion + "']");
    }

    private static int completion(WebDriver browser, String id) {
        return Integer.parseInt(browser.findElement(row(id)).findElement(testId("completion")).getAttribute("data-value"));
    }

    private static String page(WebDriver browser) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "return location.href + ' | ' + (document.querySelector('main') || document.body).innerText.substring(0, 600);"));
    }

    private static <T> T until(WebDriver browser, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(browser, Screens.PATIENCE).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited in vain on " + page(browser), e);
        }
    }

    @Test
    void aFacilitatorSeesACompletionAndAHeatmapCellChangeWhileTheTeamDraftsAndRatesWithoutReloading() {
        String code = organization();
        String id = opened(code, "PROVINCE");
        stack.commands(FACILITATOR).put().uri("/api/assessments/" + id + "/submission-window")
             .bodyValue(Map.of("opensAt", Instant.now().minus(Duration.ofDays(1)).toString(),
                               "closesAt", Instant.now().plus(Duration.ofDays(3)).toString()))
             .exchange().expectStatus().is2xxSuccessful();
        openDashboardAsFacilitator("");
        until(facilitator, d -> !d.findElements(row(id)).isEmpty());
        assertThat(completion(facilitator, id)).isZero();
        assertThat(facilitator.findElement(cell(id, "1.1")).getAttribute("data-level")).isEqualTo("none");
        assertThat(await(facilitator, "closing-soon").getText()).contains("หน่วยงานทดสอบ " + code);
        ((JavascriptExecutor) facilitator).executeScript("window.__sameDocument = true;");

        String sheet = "/app/assessments/" + id + "/criteria/1.1";
        signIn(team, sheet, "editor-" + code, "ประเสริฐ มั่นคง", code, "EDITOR");
        WebElement approach = await(team, "adr-basic-approach");
        approach.sendKeys("จังหวัดกำหนดทิศทางผ่านคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ");
        until(team, d -> "saved".equals(d.findElement(testId("save-state")).getAttribute("data-state")));

        until(facilitator, d -> completion(d, id) > 0);
        until(facilitator, d -> Integer.parseInt(d.findElement(cell(id, "1.1")).getAttribute("data-percent")) > 0);
        until(facilitator, d -> d.findElement(row(id)).findElement(testId("editing-now")).getText().contains("ประเสริฐ"));

        stack.commands(lead(code)).put().uri("/api/assessments/" + id + "/criteria/1.1/rating")
             .bodyValue(Map.of("level", "basic", "score", 350, "rationale", "มีแนวทางชัดเจน ถ่ายทอดครบทุกอำเภอ"))
             .exchange().expectStatus().is2xxSuccessful();
        until(facilitator, d -> "basic".equals(d.findElement(cell(id, "1.1")).getAttribute("data-level")));
        assertThat(facilitator.findElement(row(id)).getText()).contains("1 / 18").contains("350");
        assertThat(((JavascriptExecutor) facilitator).executeScript("return window.__sameDocument === true;"))
                .as("the page was not reloaded").isEqualTo(true);

        assertThat(Axe.seriousViolations(facilitator)).isEmpty();
        Screens.screenshot(facilitator, "dashboard");
        ((JavascriptExecutor) facilitator).executeScript("arguments[0].scrollIntoView()", facilitator.findElement(testId("heatmap")));
        Screens.screenshot(facilitator, "heatmap");

        // a cell opens that worksheet, which a facilitator may read but not edit
        facilitator.findElement(cell(id, "1.1")).click();
        Screens.awaitPath(facilitator, sheet);
        assertThat(await(facilitator, "adr-basic-approach").getAttribute("readonly")).isNotNull();
    }

    @Test
    void theFiltersAreInTheAddressAndSurviveAReload() {
        String province = opened(organization(), "PROVINCE");
        String agency = opened(organization(), "AGENCY");
        openDashboardAsFacilitator("");
        until(facilitator, d -> !d.findElements(row(agency)).isEmpty() && !d.findElements(row(province)).isEmpty());

        new Select(await(facilitator, "filter-type")).selectByValue("AGENCY");
        await(facilitator, "filter-not-started").click();
        await(facilitator, "heatmap-color-completeness").click();
        until(facilitator, d -> d.findElements(row(province)).isEmpty());
        String address = facilitator.getCurrentUrl();
        assertThat(address).contains("type=AGENCY").contains("notStarted=1").contains("color=completeness");

        facilitator.navigate().refresh();
        until(facilitator, d -> !d.findElements(row(agency)).isEmpty());
        assertThat(facilitator.getCurrentUrl()).isEqualTo(address);
        assertThat(new Select(await(facilitator, "filter-type")).getFirstSelectedOption().getAttribute("value")).isEqualTo("AGENCY");
        assertThat(await(facilitator, "filter-not-started").isSelected()).isTrue();
        assertThat(await(facilitator, "heatmap-color-completeness").isSelected()).isTrue();
        assertThat(facilitator.findElements(row(province))).isEmpty();
        assertThat(facilitator.findElements(testId("dashboard-row")))
                .allSatisfy(r -> assertThat(r.getText()).contains("ส่วนราชการ"));
    }

    @Test
    void anEditorSeesOnlyTheRowOfTheirOrganization() {
        String code = organization();
        String own = opened(code, "PROVINCE");
        String other = opened(organization(), "PROVINCE");
        signIn(team, "/app/", "editor-" + code, "ประเสริฐ มั่นคง", code, "EDITOR");
        await(team, "nav-dashboard").click();
        Screens.awaitPath(team, "/app/dashboard");
        until(team, d -> !d.findElements(row(own)).isEmpty());

        List<WebElement> rows = team.findElements(testId("dashboard-row"));
        assertThat(rows).extracting(r -> r.getAttribute("data-assessment")).containsExactly(own);
        assertThat(team.findElements(row(other))).isEmpty();
        assertThat(team.findElements(By.cssSelector("[data-testid='heatmap-cell']")))
                .hasSize(18).allSatisfy(c -> assertThat(c.getAttribute("data-assessment")).isEqualTo(own));
        assertThat(team.findElement(testId("lag-banner")).isDisplayed()).isFalse();
        assertThat(Axe.seriousViolations(team)).isEmpty();
    }

    @Test
    void aSnapshotOlderThanTheRowShownAfterTheStreamResumesDoesNotUndoItAndARowEventRedrawsOnlyItsRow() {
        String code = organization();
        String id = opened(code, "PROVINCE");
        String neighbour = opened(organization(), "PROVINCE");
        openDashboardAsFacilitator("");
        until(facilitator, d -> !d.findElements(row(id)).isEmpty() && !d.findElements(row(neighbour)).isEmpty());
        JavascriptExecutor page = (JavascriptExecutor) facilitator;
        page.executeScript("window.__before = JSON.parse(JSON.stringify(Alpine.$data(document.querySelector('.dashboard')).byId[arguments[0]]));", id);
        // every row's cells written from now on, by assessment (who is editing elsewhere aside: presence of other tests)
        until(facilitator, d -> page.executeScript("return document.querySelectorAll(\"[data-testid='heatmap-cell']\").length"
                                                   + " === 18 * document.querySelectorAll(\"[data-testid='dashboard-row']\").length;"));
        page.executeScript("window.__written = new Set(); const note = m => { const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;"
                           + " if (el.closest(\"[data-testid='editing-now']\")) { return; } const tr = el.closest('tr');"
                           + " const keyed = tr && (tr.dataset.assessment ? tr : tr.querySelector('[data-assessment]'));"
                           + " window.__written.add(keyed ? keyed.dataset.assessment : 'other'); };"
                           + " for (const t of document.querySelectorAll(\"[data-testid='dashboard-rows'] tbody, [data-testid='heatmap'] tbody\")) {"
                           + " new MutationObserver(ms => ms.forEach(note)).observe(t, {subtree: true, attributes: true, characterData: true, childList: true}); }");

        stack.commands(BrowserStack.token("editor-" + code, "ประเสริฐ มั่นคง", code, "EDITOR")).put()
             .uri("/api/assessments/" + id + "/criteria/2.1/levels/basic/approach")
             .bodyValue(Map.of("text", "มีแผนยุทธศาสตร์จังหวัดที่ทบทวนทุกปี", "baseRevision", 0))
             .exchange().expectStatus().isOk();
        until(facilitator, d -> completion(d, id) > 0);
        int live = completion(facilitator, id);
        assertThat((List<Object>) page.executeScript("return [...window.__written];"))
                .as("a row event writes its own table row and heatmap cells, no other").containsExactly(id);

        // what a stream that resumed late delivers: the dashboard event again, with the row as it was before the draft
        page.executeScript("const view = Alpine.$data(document.querySelector('.dashboard'));"
                           + "view.onEvent({event: 'dashboard', data: {assessments: [window.__before]}});"
                           + "view.onEvent({event: 'row', data: window.__before});");
        page.executeAsyncScript("const done = arguments[arguments.length - 1]; Alpine.nextTick(() => requestAnimationFrame(() => done(true)));");
        assertThat(completion(facilitator, id)).isEqualTo(live);
        assertThat(facilitator.findElement(row(id)).getAttribute("data-position"))
                .isNotEqualTo(String.valueOf(((Map<?, ?>) page.executeScript("return window.__before;")).get("position")));
    }
}
