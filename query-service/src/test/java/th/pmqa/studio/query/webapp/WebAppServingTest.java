package th.pmqa.studio.query.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.security.StudioSecurityAutoConfiguration;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.infra.testing.ServerIndependent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app's files as the query service serves them in the embedded default: the shell for every deep link, the
 * real file or a 404 for a path with an extension, the libraries from WebJars, all without a token and under the
 * app's own Content-Security-Policy; the app's settings under the API's.
 */
@ServerIndependent
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "studio.web.command-url=http://127.0.0.1:18081/")
class WebAppServingTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("webapp")));
    }

    @Autowired
    WebTestClient client;

    @ParameterizedTest
    @ValueSource(strings = {"/app", "/app/", "/app/sign-in", "/app/assessments/KKN-2567",
                            "/app/assessments/KKN-2567/profile", "/app/assessments/KKN-2567/criteria/1.1",
                            "/app/dashboard", "/app/assessments/KKN-2567/history",
                            "/app/assessments/KKN-2567/report"})
    void everyDeepLinkIsAnsweredWithTheShellUnderTheAppsPolicyWithoutAToken(String path) {
        String body = client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Content-Security-Policy",
                        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self'; font-src 'self'; "
                        + "img-src 'self' data:; connect-src 'self' http://127.0.0.1:18081; frame-ancestors 'none'; "
                        + "base-uri 'none'; form-action 'self'")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).startsWith("<!doctype html>").contains("<html lang=\"th\">").contains("data-outlet");
    }

    @Test
    void aFileOfTheAppIsServedAsItselfWithItsType() {
        client.get().uri("/app/js/router.js").exchange()
              .expectStatus().isOk()
              .expectHeader().contentTypeCompatibleWith("text/javascript")
              .expectBody(String.class).value(body -> assertThat(body).contains("export function navigate"));
        client.get().uri("/app/fonts/sarabun-thai-400-normal.woff2").exchange()
              .expectStatus().isOk().expectHeader().contentType("font/woff2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app/x.js", "/app/js/missing.js", "/app/views/nothing.html", "/app/assessments/x.css",
                            "/app/assessments/KKN-2567/", "/app/sign-in/"})
    void aMissingFileOrASecondSpellingOfADeepLinkIsA404NotTheShell(String path) {
        client.get().uri(path).exchange().expectStatus().isNotFound()
              .expectBody(String.class).value(body -> assertThat(body == null ? "" : body).doesNotContain("data-outlet"));
    }

    @Test
    void theLibrariesComeFromTheirWebJarsWithoutAToken() {
        client.get().uri("/webjars/alpinejs/3.15.8/dist/module.esm.min.js").exchange()
              .expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/javascript");
        client.get().uri("/webjars/chart.js/4.5.1/dist/chart.umd.min.js").exchange().expectStatus().isOk();
        client.get().uri("/webjars/alpinejs/3.15.8/dist/nothing.js").exchange().expectStatus().isNotFound();
    }

    @Test
    void theAppsSettingsSayDevelopmentSignInAndWhereTheCommandServiceIsUnderTheApisStrictPolicy() {
        JsonNode config = client.get().uri("/api/web/config").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", StudioSecurityAutoConfiguration.CONTENT_SECURITY_POLICY)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(config.get("commandUrl").asText()).isEqualTo("http://127.0.0.1:18081");
        assertThat(config.get("authMode").asText()).isEqualTo("dev");
        assertThat(config.get("issuer").isNull()).isTrue();
    }

    @Test
    void theApiStillAsksForATokenAndKeepsItsStrictPolicy() {
        client.get().uri("/api/assessments").exchange()
              .expectStatus().isUnauthorized()
              .expectHeader().valueEquals("Content-Security-Policy", StudioSecurityAutoConfiguration.CONTENT_SECURITY_POLICY);
    }
}
