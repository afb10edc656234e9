package th.pmqa.studio.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.infra.web.ProblemResponses;
import th.pmqa.studio.query.store.DashboardStore;
import th.pmqa.studio.query.store.ReportViewStore;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Presence heartbeats write to MongoDB, so the query service limits them per person like the command service limits
 * changes: a runaway client gets 429 and moves nothing, while a colleague's heartbeats carry on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "studio.rate-limit.writes-per-minute=3")
class PresenceRateLimitTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("presence_rate")));
    }

    @LocalServerPort
    int port;
    @Autowired
    ReportViewStore views;
    @Autowired
    DashboardStore rows;

    @Test
    void heartbeatsBeyondAPersonsLimitGet429WithRetryAfterAndMoveNothingWhileAColleaguesGetThrough() {
        String assessment = PresenceEndToEndTest.openInReadModels(views, rows, "PRL");
        WebTestClient eager = BothServices.client(port, BothServices.token("u-eager", "ขยัน มาก", "PRL", List.of("EDITOR")));
        WebTestClient colleague = BothServices.client(port, BothServices.token("u-calm", "ใจเย็น", "PRL", List.of("EDITOR")));
        String uri = "/api/assessments/" + assessment + "/presence";

        for (String section : List.of("profile/1", "criteria/1.1", "criteria/1.2")) {
            heartbeat(eager, uri, section).expectStatus().isNoContent();
        }
        heartbeat(eager, uri, "criteria/6.3").expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(ProblemResponses.TYPE_BASE + "rate-limited");
        heartbeat(colleague, uri, "criteria/2.1").expectStatus().isNoContent();

        JsonNode people = eager.get().uri(uri).exchange().expectStatus().isOk().expectBody(JsonNode.class)
                               .returnResult().getResponseBody().get("people");
        assertThat(people.findValuesAsText("section")).containsExactlyInAnyOrder("criteria/1.2", "criteria/2.1");
    }

    private static WebTestClient.ResponseSpec heartbeat(WebTestClient client, String uri, String section) {
        return client.put().uri(uri).contentType(MediaType.APPLICATION_JSON)
                     .bodyValue(Map.of("section", section, "activity", "editing", "clientId", "tab-1")).exchange();
    }
}
