package th.pmqa.studio.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "studio.rate-limit.writes-per-minute=3")
class WriteRateLimitTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("rate")));
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MongoEventStorageEngine events;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private WebTestClient as(String user) {
        return WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build()
                .mutateWith(mockJwt().jwt(jwt -> jwt.subject(user).claim("name", "ผู้ทดสอบ").claim("org", "RATE")
                                                    .claim("roles", List.of("LEAD"))));
    }

    @Test
    void writesBeyondAPersonsLimitGet429WithRetryAfterAndStoreNothingWhileOthersCarryOn() {
        WebTestClient eager = as("u-eager");
        eager.post().uri("/api/assessments").contentType(MediaType.APPLICATION_JSON)
             .bodyValue(Map.of("organizationCode", "RATE", "organizationName", "จังหวัด", "organizationType", "PROVINCE",
                               "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
             .exchange().expectStatus().isCreated();
        for (long revision = 0; revision < 2; revision++) {
            eager.put().uri("/api/assessments/RATE-2567/profile/1").contentType(MediaType.APPLICATION_JSON)
                 .bodyValue(Map.of("text", "ร่าง " + revision, "baseRevision", revision)).exchange().expectStatus().isOk();
        }
        long stored = events.headPosition();

        eager.put().uri("/api/assessments/RATE-2567/profile/1").contentType(MediaType.APPLICATION_JSON)
             .bodyValue(Map.of("text", "ร่างที่สี่", "baseRevision", 2)).exchange()
             .expectStatus().isEqualTo(429)
             .expectHeader().exists("Retry-After")
             .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
             .expectBody().jsonPath("$.type").isEqualTo(ProblemDetailsAdvice.TYPE_BASE + "rate-limited");

        assertThat(events.headPosition()).isEqualTo(stored);
        assertThat(meters.get(th.pmqa.studio.infra.metrics.MeterNames.RATE_LIMITED).counter().count())
                .as("the refusal is counted for the operator").isEqualTo(1);
        as("u-colleague").put().uri("/api/assessments/RATE-2567/profile/2").contentType(MediaType.APPLICATION_JSON)
                         .bodyValue(Map.of("text", "ของเพื่อนร่วมทีม", "baseRevision", 0)).exchange().expectStatus().isOk();
    }
}
