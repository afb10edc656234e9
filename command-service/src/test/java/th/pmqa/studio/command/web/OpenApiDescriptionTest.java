package th.pmqa.studio.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.MongoTestServer;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDescriptionTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("openapi")));
    }

    @Autowired
    WebTestClient client;

    @Test
    void theDescriptionIsPublicAndNamesTheBearerSchemeRequestBodiesAndProblemAnswers() {
        client.get().uri("/v3/api-docs").exchange()
              .expectStatus().isOk()
              .expectBody()
              .jsonPath("$.components.securitySchemes.bearer-jwt.scheme").isEqualTo("bearer")
              .jsonPath("$.paths['/api/assessments/{id}/criteria/{criterionId}/levels/{level}/{part}'].put.requestBody").exists()
              .jsonPath("$.paths['/api/assessments/{id}/criteria/{criterionId}/levels/{level}/{part}'].put.responses['409'].content['application/problem+json']").exists()
              .jsonPath("$.paths['/api/assessments'].post.requestBody").exists();
    }
}
