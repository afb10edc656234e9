package th.pmqa.studio.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.infra.testing.PrometheusScrape;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

// tests export no metrics unless asked to
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class CommandMetricsTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("metrics")));
    }

    private static final String COUNT = "studio_commands_seconds_count";

    @Autowired
    ApplicationContext context;

    private WebTestClient as(String role) {
        WebTestClient client = WebTestClient.bindToApplicationContext(context).apply(springSecurity())
                                            .configureClient().responseTimeout(Duration.ofSeconds(20)).build();
        return role == null ? client : client.mutateWith(mockJwt().jwt(jwt -> jwt.subject("u-" + role)
                .claim("name", "ผู้ทดสอบ").claim("org", "MET").claim("roles", List.of(role))));
    }

    private String scrape() {
        return as("ADMIN").get().uri("/actuator/prometheus").exchange()
                          .expectStatus().isOk()
                          .expectBody(String.class).returnResult().getResponseBody();
    }

    private static double commands(String scrape, String command, String outcome) {
        return PrometheusScrape.value(scrape, COUNT, Map.of("command", command, "outcome", outcome));
    }

    @Test
    void eachCommandMovesTheCounterOfItsTypeAndOutcome() {
        String before = scrape();
        Map<String, Object> open = Map.of("organizationCode", "MET", "organizationName", "จังหวัด",
                                          "organizationType", "PROVINCE", "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567");
        as("LEAD").post().uri("/api/assessments").bodyValue(open).exchange().expectStatus().isCreated();
        // the same assessment again: refused as a conflict
        as("LEAD").post().uri("/api/assessments").bodyValue(open).exchange().expectStatus().isEqualTo(409);

        String text = "/api/assessments/MET-2567/profile/1";
        as("EDITOR").put().uri(text).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("text", "บรรทัดหนึ่ง\n\nบรรทัดสอง\n", "baseRevision", 0)).exchange().expectStatus().isOk();
        as("EDITOR").put().uri(text).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("text", "บรรทัดหนึ่ง แก้\n\nบรรทัดสอง\n", "baseRevision", 1)).exchange().expectStatus().isOk();
        // from revision 1 again, another line: merged with the edit above
        as("EDITOR").put().uri(text).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("text", "บรรทัดหนึ่ง\n\nบรรทัดสอง แก้\n", "baseRevision", 1)).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.merged").isEqualTo(true);
        // a question number the catalog does not have: refused
        as("EDITOR").put().uri("/api/assessments/MET-2567/criteria/9.9/summary").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("text", "ก", "baseRevision", 0)).exchange().expectStatus().is4xxClientError();

        String after = scrape();
        assertThat(commands(after, "OpenAssessmentCommand", "accepted") - commands(before, "OpenAssessmentCommand", "accepted"))
                .isEqualTo(1);
        assertThat(commands(after, "OpenAssessmentCommand", "conflict") - commands(before, "OpenAssessmentCommand", "conflict"))
                .isEqualTo(1);
        assertThat(commands(after, "DraftProfileItemCommand", "accepted") - commands(before, "DraftProfileItemCommand", "accepted"))
                .isEqualTo(2);
        assertThat(commands(after, "DraftProfileItemCommand", "merged") - commands(before, "DraftProfileItemCommand", "merged"))
                .isEqualTo(1);
        assertThat(commands(after, "WriteCriterionSummaryCommand", "refused")).isEqualTo(1);
        assertThat(after).contains("studio_commands_seconds_sum{");
        // the few fixed buckets the dashboard's p95 is computed from, and the service's name on every series
        assertThat(after).contains("studio_commands_seconds_bucket{").contains("application=\"command-service\"");
        // open, two edits and the merge wrote a commit each
        Map<String, String> stored = Map.of("outcome", "stored");
        assertThat(PrometheusScrape.value(after, "studio_eventstore_append_seconds_count", stored)
                   - PrometheusScrape.value(before, "studio_eventstore_append_seconds_count", stored)).isEqualTo(4);
    }

    @Test
    void metricsAreForAdminsOnly() {
        as(null).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://pmqa-studio.example/problems/unauthenticated");
        for (String role : List.of("EDITOR", "LEAD", "FACILITATOR")) {
            as(role).get().uri("/actuator/prometheus").exchange()
                    .expectStatus().isForbidden()
                    .expectBody().jsonPath("$.type").isEqualTo("https://pmqa-studio.example/problems/forbidden");
        }
    }
}
