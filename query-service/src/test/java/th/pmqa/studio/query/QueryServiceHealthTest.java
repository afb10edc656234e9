package th.pmqa.studio.query;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.MongoTestServer;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryServiceHealthTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("query")));
    }

    @Autowired
    WebTestClient client;

    @Test
    void healthIsUpWhileMongoDbAnswersAndNeedsNoToken() {
        client.get().uri("/actuator/health").exchange()
              .expectStatus().isOk()
              .expectBody().jsonPath("$.status").isEqualTo("UP")
              .jsonPath("$.components.mongo.status").isEqualTo("UP");
    }

    @Test
    void apiRequestsWithoutATokenGetAProblemDetail401() {
        client.get().uri("/api/assessments").exchange()
              .expectStatus().isUnauthorized()
              .expectHeader().contentType("application/problem+json")
              .expectBody().jsonPath("$.status").isEqualTo(401);
    }
}
