package th.pmqa.studio.query.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.infra.testing.ServerIndependent;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The development sign-in: a demo person's token the services accept; bad input refused naming the field. */
@ServerIndependent
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DevTokenEndpointTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("devtokens")));
        registry.add("studio.jwt.development-clock-skew", () -> "1s");
    }

    @Autowired
    WebTestClient client;

    @Test
    void aDemoLeadGetsATokenThatTheApiAcceptsForEightHours() {
        JsonNode minted = client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"userId\":\"lead-kkn\",\"name\":\"สมศรี ใจดี\",\"organization\":\"KKN\",\"role\":\"LEAD\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        Instant expiresAt = Instant.parse(minted.get("expiresAt").asText());
        assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofHours(7)), Instant.now().plus(Duration.ofHours(8)));
        JsonNode mine = client.get().uri("/api/assessments").header("Authorization", "Bearer " + minted.get("token").asText())
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(mine.get("assessments").isArray()).isTrue();
    }

    @Test
    void aTokenAskedToLastTenSecondsIsAcceptedAndThenRefusedOnceItHasExpired() {
        JsonNode minted = client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"userId\":\"e-1\",\"name\":\"ก\",\"organization\":\"KKN\",\"role\":\"EDITOR\",\"ttlSeconds\":10}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        Instant expiresAt = Instant.parse(minted.get("expiresAt").asText());
        assertThat(expiresAt).isBetween(Instant.now().plusSeconds(8), Instant.now().plusSeconds(11));
        String bearer = "Bearer " + minted.get("token").asText();
        client.get().uri("/api/assessments").header("Authorization", bearer).exchange().expectStatus().isOk();
        // this test's services allow 1 s between clocks (studio.jwt.development-clock-skew); polled, never slept
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(
                () -> client.get().uri("/api/assessments").header("Authorization", bearer).exchange()
                            .expectStatus().isUnauthorized());
        assertThat(Instant.now()).isAfter(expiresAt);
    }

    @Test
    void aFacilitatorNeedsNoOrganization() {
        client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{\"userId\":\"f-1\",\"name\":\"วิภา\",\"organization\":null,\"role\":\"FACILITATOR\"}")
              .exchange().expectStatus().isCreated();
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"ก\",\"organization\":\"KKN\",\"role\":\"LEAD\"}|userId",
            "{\"userId\":\"has space\",\"name\":\"ก\",\"organization\":\"KKN\",\"role\":\"LEAD\"}|userId",
            "{\"userId\":\"\",\"name\":\"ก\",\"organization\":\"KKN\",\"role\":\"LEAD\"}|userId",
            "{\"userId\":\"u-1\",\"name\":\"   \",\"organization\":\"KKN\",\"role\":\"LEAD\"}|name",
            "{\"userId\":\"u-1\",\"organization\":\"KKN\",\"role\":\"LEAD\"}|name",
            "{\"userId\":\"u-1\",\"name\":\"ก\",\"organization\":\"KKN\",\"role\":\"lead\"}|role",
            "{\"userId\":\"u-1\",\"name\":\"ก\",\"organization\":\"KKN\",\"role\":\"KING\"}|role",
            "{\"userId\":\"u-1\",\"name\":\"ก\",\"organization\":\"KKN\"}|role",
            "{\"userId\":\"u-1\",\"name\":\"ก\",\"role\":\"EDITOR\"}|organization",
            "{\"userId\":\"u-1\",\"name\":\"ก\",\"organization\":\"K\",\"role\":\"EDITOR\"}|organization",
            "{\"userId\":\"u-1\",\"name\":\"ก\",\"organization\":\"null\",\"role\":\"EDITOR\"}|organization",
            "{\"userId\":\"u-1\",\"name\":\"ก\",\"organization\":\"KK N\",\"role\":\"EDITOR\"}|organization",
            "{\"userId\":\"u-1\",\"name\":\"ก\",\"organization\":\"KKN\",\"role\":\"EDITOR\",\"ttlSeconds\":9}|ttlSeconds",
            "{\"userId\":\"u-1\",\"name\":\"ก\",\"organization\":\"KKN\",\"role\":\"EDITOR\",\"ttlSeconds\":0}|ttlSeconds",
            "{\"userId\":\"u-1\",\"name\":\"ก\",\"organization\":\"KKN\",\"role\":\"EDITOR\",\"ttlSeconds\":-30}|ttlSeconds",
            "{\"userId\":\"u-1\",\"name\":\"ก\",\"organization\":\"KKN\",\"role\":\"EDITOR\",\"ttlSeconds\":28801}|ttlSeconds",
            "{\"userId\":\"u-1\",\"name\":\"ก\",\"organization\":\"KKN\",\"role\":\"EDITOR\",\"ttlSeconds\":99999999999999}|ttlSeconds"})
    void badInputIsRefusedNamingTheField(String body, String field) {
        client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
              .exchange().expectStatus().isBadRequest()
              .expectBody().jsonPath("$.field").isEqualTo(field);
    }

    @Test
    void tooLongAUserIdOrNameIsRefused() {
        client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{\"userId\":\"" + "u".repeat(65) + "\",\"name\":\"ก\",\"organization\":\"KKN\",\"role\":\"LEAD\"}")
              .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("userId");
        client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{\"userId\":\"u-1\",\"name\":\"" + "ก".repeat(201) + "\",\"organization\":\"KKN\",\"role\":\"LEAD\"}")
              .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("name");
    }

    @Test
    void aWrongTypeOrADuplicateKeyIsRefusedByTheStrictReader() {
        client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{\"userId\":\"u-1\",\"name\":\"ก\",\"organization\":\"KKN\",\"role\":\"LEAD\",\"role\":\"ADMIN\"}")
              .exchange().expectStatus().isBadRequest();
        client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{\"userId\":1,\"name\":\"ก\",\"organization\":\"KKN\",\"role\":\"LEAD\"}")
              .exchange().expectStatus().isBadRequest();
    }
}
