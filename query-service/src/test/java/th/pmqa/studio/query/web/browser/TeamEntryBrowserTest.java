package th.pmqa.studio.query.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
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
class TeamEntryBrowserTest {

    private static final AtomicInteger ORGANIZATIONS = new AtomicInteger();
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
}
