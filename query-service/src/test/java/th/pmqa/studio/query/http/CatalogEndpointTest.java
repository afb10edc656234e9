package th.pmqa.studio.query.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/catalog} carries the worksheet aids of the catalog data, Thai byte-exact, and describes them. */
@th.pmqa.studio.infra.testing.ServerIndependent
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogEndpointTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("catalog")));
    }

    @Autowired
    WebTestClient client;

    @Test
    void theCatalogAnswersWithPromptsSuggestedLinksCountGuidanceWorkshopStepsAndScoringWithoutAToken() {
        byte[] body = client.get().uri("/api/catalog").exchange().expectStatus().isOk()
                            .expectBody().returnResult().getResponseBody();
        String json = new String(body, StandardCharsets.UTF_8);
        // Thai as written in the data file, not \\u escapes and not normalized
        assertThat(json).contains("\"text\":\"อธิบายผลการดำเนินการ: เช่น ตัวชี้วัดด้าน\"")
                        .contains("\"text\":\"ผู้บริหารฯ มีการดำเนินการ\"")
                        .contains("\"indicatorCount\":{\"min\":2,\"max\":3,\"text\":\"ไม่น้อยกว่า 2 ตัว ไม่เกิน 3 ตัว\"}")
                        .contains("\"weightsSource\":\"tool\"")
                        .contains("การบรรลุผลของตัววัดร่วม")
                        .doesNotContain("ตอบโต้ภัย");
        JsonNode catalog = client.get().uri("/api/catalog").exchange().expectBody(JsonNode.class)
                                 .returnResult().getResponseBody();
        JsonNode first = catalog.at("/criteria/0");
        assertThat(first.at("/suggestedLinks/indicatorGroups/0").asText()).isEqualTo("7.1.1");
        assertThat(first.at("/prompts/0").has("level")).isFalse(); // the summary prompt names no level
        assertThat(catalog.at("/indicatorGroups/1").has("indicatorCount")).isFalse();
        assertThat(catalog.at("/workshopSteps/stepOne/0").asText()).isEqualTo("วิเคราะห์เกณฑ์และคำถาม");
    }

    @Test
    void theDescriptionOfTheCatalogNamesTheNewShapes() {
        JsonNode schemas = client.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                                 .get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                                 .expectBody(JsonNode.class).returnResult().getResponseBody().path("components").path("schemas");
        assertThat(schemas.at("/Catalog/properties").fieldNames()).toIterable().contains("workshopSteps", "scoring");
        assertThat(schemas.at("/Criterion/properties").fieldNames()).toIterable().contains("prompts", "suggestedLinks");
        assertThat(schemas.at("/IndicatorGroup/properties").fieldNames()).toIterable().contains("indicatorCount");
        assertThat(schemas.at("/WritingPrompt/properties").fieldNames()).toIterable().contains("level", "part", "text");
        // a summary prompt has no level and no part, so neither may be required
        assertThat(schemas.at("/WritingPrompt/required").toString()).doesNotContain("level", "part");
        assertThat(schemas.at("/IndicatorGroup/required").toString()).doesNotContain("indicatorCount");
    }
}
