package th.pmqa.studio.query.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.infra.testing.ServerIndependent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an OIDC issuer configured, nobody can mint themselves a token: the development sign-in does not exist, and the
 * app is told to sign in with the issuer, whose origin its policy lets the page reach.
 */
@ServerIndependent
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"studio.jwt.issuer-uri=http://127.0.0.1:1/realms/pmqa",
                              "studio.web.command-url=https://studio.example/"})
class WithAnIssuerTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("issuer")));
    }

    @Autowired
    WebTestClient client;

    @Test
    void theDevelopmentSignInIsA404() {
        client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{\"userId\":\"u-1\",\"name\":\"ก\",\"organization\":\"KKN\",\"role\":\"ADMIN\"}")
              .exchange().expectStatus().isNotFound();
    }

    @Test
    void theAppIsToldToSignInWithTheIssuerAndItsPolicyAllowsIt() {
        JsonNode config = client.get().uri("/api/web/config").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(config.get("authMode").asText()).isEqualTo("oidc");
        assertThat(config.get("issuer").asText()).isEqualTo("http://127.0.0.1:1/realms/pmqa");
        client.get().uri("/app/").exchange().expectStatus().isOk()
              .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                      .contains("connect-src 'self' https://studio.example http://127.0.0.1:1;")
                      .endsWith("form-action 'self' http://127.0.0.1:1"));
    }
}
