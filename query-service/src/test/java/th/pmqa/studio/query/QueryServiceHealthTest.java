package th.pmqa.studio.query;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.DevelopmentTokens;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryServiceHealthTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("query")));
    }

    @Autowired
    WebTestClient client;

    @Test
    void healthIsUpWhileMongoDbAnswersAndNeedsNoTokenButShowsNoDetailsWithoutOne() {
        client.get().uri("/actuator/health").exchange()
              .expectStatus().isOk()
              .expectBody().jsonPath("$.status").isEqualTo("UP")
              .jsonPath("$.components").doesNotExist()
              .jsonPath("$.details").doesNotExist();
    }

    @Test
    void healthDetailsLikeTheDataFolderAndTheProjectionAreForAdminsOnly() {
        String facilitator = token(List.of("FACILITATOR"));
        String body = client.get().uri("/actuator/health").header("Authorization", "Bearer " + facilitator).exchange()
                            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("components").doesNotContain("diskSpace").doesNotContain("path");

        client.get().uri("/actuator/health").header("Authorization", "Bearer " + token(List.of("ADMIN"))).exchange()
              .expectStatus().isOk()
              .expectBody().jsonPath("$.components.mongo.status").isEqualTo("UP")
              .jsonPath("$.components.projection.details.segments").exists()
              .jsonPath("$.components.diskSpace.details.free").exists();
    }

    @Test
    void aRebuildOfAStoreWithNoEventsYetIsAcceptedNotA500() {
        // Axon stored a null start token for segments that never projected anything, which the Mongo token store
        // cannot store: the first rebuild of a fresh installation answered 500
        client.post().uri("/api/admin/projections/rebuild").header("Authorization", "Bearer " + token(List.of("ADMIN")))
              .exchange()
              .expectStatus().isAccepted()
              .expectBody().jsonPath("$.lastRebuild.total").isEqualTo(0);
    }

    private static String token(List<String> roles) {
        return DevelopmentTokens.mint("u-ops", "ผู้ดูแลระบบ", "OPS", roles, Duration.ofMinutes(5));
    }

    @Test
    void apiRequestsWithoutATokenGetAProblemDetail401() {
        client.get().uri("/api/assessments").exchange()
              .expectStatus().isUnauthorized()
              .expectHeader().contentType("application/problem+json")
              .expectBody().jsonPath("$.status").isEqualTo(401);
    }
}
