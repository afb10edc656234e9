package th.pmqa.studio.query.web.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.ServerIndependent;
import th.pmqa.studio.query.keycloak.KeycloakServer;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static th.pmqa.studio.query.web.browser.Screens.await;

/**
 * Production sign-in in a real browser: the app sends the person to Keycloak's own login page (authorization code
 * with PKCE), they edit a text as that Keycloak user, the app renews their short-lived access token in the
 * background without leaving the page, and signing out ends the Keycloak session too (RP-initiated logout).
 */
@Tag("keycloak")
@ServerIndependent
class KeycloakSignInBrowserTest {

    /** The web client's access tokens live this long here (the realm file keeps Keycloak's 5 minutes). */
    private static final int TOKEN_SECONDS = 30;
    private static KeycloakServer keycloak;
    private static BrowserStack stack;

    @BeforeAll
    static void start() {
        keycloak = KeycloakServer.get();
        stack = BrowserStack.start("keycloak_browser", "--studio.jwt.issuer-uri=" + keycloak.issuer(),
                                   "--studio.security.claims.roles=realm_access.roles", "--studio.jwt.clock-skew=0s");
        // the realm's web client knows the app at 127.0.0.1:8082; this stack's app is on a port of its own
        JsonNode client = keycloak.admin("GET", "/realms/pmqa/clients?clientId=pmqa-studio-web", null).get(0);
        ObjectNode changed = client.deepCopy();
        ArrayNode redirects = changed.putArray("redirectUris");
        redirects.add(stack.app("/app/*"));
        ((ObjectNode) changed.get("attributes")).put("access.token.lifespan", String.valueOf(TOKEN_SECONDS));
        keycloak.admin("PUT", "/realms/pmqa/clients/" + client.get("id").asText(), changed);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String opened(String code) {
        JsonNode answer = stack.commands(keycloak.token("lead-kkn")).post().uri("/api/assessments")
                .bodyValue(Map.of("organizationCode", code, "organizationName", "จังหวัดขอนแก่น",
                                  "organizationType", "PROVINCE", "fiscalYear", 2566, "catalogVersion", "pmqa-4.0/2567"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return answer.get("assessmentId").asText();
    }

    /** How many times the page asked the issuer's token endpoint (the code exchange, then each renewal). */
    private static long tokenRequests(WebDriver browser) {
        return Sheets.number(browser, "performance.getEntriesByType('resource')"
                                      + ".filter(r => r.name.endsWith('/protocol/openid-connect/token')).length");
    }

    @Test
    void anEditorSignsInAtKeycloakEditsAsThatUserKeepsTypingPastTheFirstTokenAndSignsOutOfBoth() {
        String id = opened("KKN");
        String path = "/app/assessments/" + id + "/criteria/1.1";
        WebDriver browser = stack.browser();

        // the app's sign-in page sends the person to Keycloak's login page, which brings them back signed in
        browser.get(stack.app("/app/sign-in?next=" + path));
        await(browser, "signin-oidc").click();
        new WebDriverWait(browser, Screens.PATIENCE).until(d -> d.getCurrentUrl().startsWith(keycloak.base()));
        Screens.type(await(browser, By.id("username")), "editor-kkn");
        Screens.type(await(browser, By.id("password")), KeycloakServer.PASSWORD);
        await(browser, By.id("kc-login")).click();
        Screens.awaitPath(browser, path);
        // the first access token was issued before the app had the page: it has expired by then
        long firstTokenExpiredBy = System.currentTimeMillis() + TOKEN_SECONDS * 1000L;
        assertThat(await(browser, "whoami").getText()).contains("ประเสริฐ มั่นคง").contains("KKN");
        Sheets.js(browser, "window.__samePage = true;");

        Sheets.typeAt(browser, "adr-basic-approach", 0, "ผู้บริหารกำหนดทิศทาง");
        Sheets.awaitState(browser, "basic/approach", "saved");

        // the token is renewed in the background: the page is not reloaded and the text stays as typed
        new WebDriverWait(browser, Duration.ofSeconds(TOKEN_SECONDS * 2L)).until(d -> tokenRequests(d) >= 2);
        assertThat(Sheets.js(browser, "return window.__samePage === true;")).isEqualTo(true);
        assertThat(Sheets.value(browser, "adr-basic-approach")).isEqualTo("ผู้บริหารกำหนดทิศทาง");

        // once the first token has expired (the services allow no clock leeway here), a save still goes through
        await().atMost(Duration.ofSeconds(TOKEN_SECONDS * 2L)).pollInterval(Duration.ofMillis(250))
               .until(() -> System.currentTimeMillis() > firstTokenExpiredBy + 1000);
        Sheets.typeAt(browser, "adr-basic-approach", "ผู้บริหารกำหนดทิศทาง".length(), " ร่วมกับ ๒๖ อำเภอ");
        Sheets.awaitState(browser, "basic/approach", "saved");
        assertThat(Sheets.js(browser, "return location.pathname;")).isEqualTo(path);

        // the events' author is the Keycloak user: their id (sub) and their name
        String userId = keycloak.admin("GET", "/realms/pmqa/users?exact=true&username=editor-kkn", null)
                                .get(0).get("id").asText();
        WebTestClient reads = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + stack.queryPort())
                .defaultHeader("Authorization", "Bearer " + keycloak.token("lead-kkn")).build();
        JsonNode[] history = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            history[0] = reads.get().uri("/api/assessments/" + id + "/criteria/1.1/history").exchange()
                              .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            return history[0].get("items").size() >= 2;
        });
        history[0].get("items").forEach(item -> {
            assertThat(item.get("author").get("userId").asText()).isEqualTo(userId);
            assertThat(item.get("author").get("name").asText()).isEqualTo("ประเสริฐ มั่นคง");
        });

        // signing out ends the Keycloak session as well: back on the app's sign-in page, signed out of the app...
        await(browser, "sign-out").click();
        Screens.awaitPath(browser, "/app/sign-in");
        await(browser, "signin-oidc");
        browser.get(stack.app(path));
        Screens.awaitPath(browser, "/app/sign-in");
        await(browser, "signin-oidc").click();
        // ...and Keycloak asks for the password again instead of signing them straight back in
        await(browser, By.id("username"));
        assertThat(browser.getCurrentUrl()).startsWith(keycloak.base());
    }
}
