package th.pmqa.studio.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.infra.testing.ServerIndependent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * The web app, served by the query service on another origin, calls this service across origins: its configured
 * origins get CORS answers (preflights without a token), any other origin none.
 */
@ServerIndependent
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
                properties = "studio.web.origins=http://127.0.0.1:8082, http://localhost:8082")
class WebAppCorsTest {

    private static final String APP = "http://localhost:8082";
    private static final String STRANGER = "https://evil.example";
    private static final String EDIT = "/api/assessments/KKN-2567/criteria/1.1/levels/basic/approach";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("cors")));
    }

    @Autowired
    ApplicationContext context;

    private WebTestClient client() {
        return WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
                            // a CORS check compares the Origin with the request's own host: the mock needs one
                            .baseUrl("http://127.0.0.1:8081").build();
    }

    @Test
    void aPreflightFromTheAppsOriginIsAnsweredWithoutATokenWithTheMethodsAndHeadersTheAppSends() {
        var answer = client().options().uri(EDIT)
                .header(HttpHeaders.ORIGIN, APP)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, if-match")
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders();
        assertThat(answer.getAccessControlAllowOrigin()).isEqualTo(APP);
        assertThat(answer.getAccessControlAllowMethods()).extracting(Object::toString).contains("PUT");
        assertThat(answer.getAccessControlAllowHeaders()).map(String::toLowerCase)
                .contains("authorization", "content-type", "if-match");
        assertThat(answer.getAccessControlAllowCredentials()).isFalse();
    }

    @Test
    void anAnswerToTheAppsOriginNamesItAndExposesLocationAndRetryAfterEvenWhenItIsA401() {
        var answer = client().put().uri(EDIT).header(HttpHeaders.ORIGIN, APP)
                .exchange().expectStatus().isUnauthorized().returnResult(String.class).getResponseHeaders();
        assertThat(answer.getAccessControlAllowOrigin()).isEqualTo(APP);
        assertThat(answer.getAccessControlExposeHeaders()).contains("Location", "Retry-After");
    }

    @Test
    void anotherOriginGetsNoCorsHeadersAndItsPreflightIsRefused() {
        var plain = client().put().uri(EDIT).header(HttpHeaders.ORIGIN, STRANGER)
                .exchange().returnResult(String.class).getResponseHeaders();
        assertThat(plain.getAccessControlAllowOrigin()).isNull();
        client().options().uri(EDIT)
                .header(HttpHeaders.ORIGIN, STRANGER)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
                .exchange().expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}
