package th.pmqa.studio.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.infra.testing.OpenApiDescriptions;

import static org.assertj.core.api.Assertions.assertThat;

@th.pmqa.studio.infra.testing.ServerIndependent
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDescriptionTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("openapi")));
    }

    @Autowired
    WebTestClient client;

    @Test
    void theDescriptionNamesItsServerAsConfiguredNotAsTheRequestsHostHeaderSaysIt() {
        String body = OpenApiDescriptions.describedForAForgedHost(patient());
        assertThat(body).doesNotContain("attacker.example");
        assertThat(body).contains("\"servers\":[{\"url\":\"/\"}]");
    }

    @Test
    void theDescriptionIsPublicAndNamesTheBearerSchemeRequestBodiesAndProblemAnswers() {
        patient().get().uri("/v3/api-docs").exchange()
              .expectStatus().isOk()
              .expectBody()
              .jsonPath("$.components.securitySchemes.bearer-jwt.scheme").isEqualTo("bearer")
              .jsonPath("$.paths['/api/assessments/{id}/criteria/{criterionId}/levels/{level}/{part}'].put.requestBody").exists()
              .jsonPath("$.paths['/api/assessments/{id}/criteria/{criterionId}/levels/{level}/{part}'].put.responses['409'].content['application/problem+json']").exists()
              .jsonPath("$.paths['/api/assessments'].post.requestBody").exists();
    }

    @Test
    void everySchemaTheDescriptionRefersToIsInIt() {
        JsonNode api = description();
        assertThat(api.at("/components/schemas/Problem/properties/field").isObject()).isTrue();
        assertThat(OpenApiDescriptions.unresolvedReferences(api)).isEmpty();
    }

    @Test
    void requestBodiesSayWhichFieldsAreRequiredAndWhatValuesAreAccepted() {
        JsonNode schemas = description().path("components").path("schemas");
        assertThat(schemas.at("/TextEdit/required").toString()).contains("text", "baseRevision");
        assertThat(schemas.at("/TextEdit/properties/baseRevision/minimum").asInt()).isZero();
        assertThat(schemas.at("/RatingRequest/properties/level/enum").toString())
                .contains("basic", "advance", "significance");
        assertThat(schemas.at("/OpenRequest/properties/fiscalYear/minimum").asInt()).isEqualTo(2500);
    }

    /**
     * Every number a request carries states its bounds, and they are the ones the service applies (BadInputBatteryTest
     * tries each just beyond them); the fuzzer in .ci/run generates values from them.
     */
    @Test
    void everyNumberInARequestStatesTheBoundsTheServiceApplies() {
        JsonNode schemas = description().path("components").path("schemas");
        assertThat(schemas.at("/TextEdit/properties/baseRevision/maximum").asLong()).isEqualTo(9_007_199_254_740_991L);
        assertThat(schemas.at("/OpenRequest/properties/fiscalYear/maximum").asInt()).isEqualTo(2700);
        assertThat(schemas.at("/RatingRequest/properties/score/minimum").asInt()).isEqualTo(300);
        assertThat(schemas.at("/RatingRequest/properties/score/maximum").asInt()).isEqualTo(500);
        assertThat(schemas.at("/LinksRequest/properties/profileItems/items/minimum").asInt()).isEqualTo(1);
        assertThat(schemas.at("/LinksRequest/properties/profileItems/items/maximum").asInt()).isEqualTo(29);
        java.math.BigDecimal largest = new java.math.BigDecimal("999999999999999");
        JsonNode target = schemas.at("/AttachRequest/properties/target");
        assertThat(target.path("maximum").decimalValue()).isEqualByComparingTo(largest);
        assertThat(target.path("minimum").decimalValue()).isEqualByComparingTo(largest.negate());
        JsonNode value = schemas.at("/AttachRequest/properties/values/additionalProperties");
        if (value.has("$ref")) {
            value = schemas.path(value.path("$ref").asText().substring("#/components/schemas/".length()));
        }
        assertThat(value.path("type").asText()).isEqualTo("number");
        assertThat(value.path("maximum").decimalValue()).isEqualByComparingTo(largest);
        assertThat(value.path("minimum").decimalValue()).isEqualByComparingTo(largest.negate());
        java.util.regex.Pattern code = java.util.regex.Pattern.compile(
                schemas.at("/OpenRequest/properties/organizationCode/pattern").asText());
        assertThat(code.matcher("KKN").find()).isTrue();
        assertThat(code.matcher("nullx").find()).isTrue();
        assertThat(code.matcher("null").find()).isFalse();
        assertThat(code.matcher("NULL").find()).isFalse();
    }

    @Test
    void anEditConflictNamesWhoSavedTheirsAsAnAuthorOrNull() {
        JsonNode api = description();
        JsonNode lastAuthor = api.at("/components/schemas/EditConflict/properties/lastAuthor");
        assertThat(lastAuthor.path("oneOf").findValuesAsText("$ref")).containsExactly("#/components/schemas/Author");
        assertThat(lastAuthor.path("oneOf").findValues("type").toString()).contains("null");
        assertThat(api.at("/components/schemas/Author/properties").fieldNames())
                .toIterable().contains("userId", "name");
    }

    @Test
    void eachTextEditAnswersWithItsRevisionOrAnEditConflict() {
        JsonNode paths = description().path("paths");
        for (String path : new String[] {"/api/assessments/{id}/profile/{item}",
                                         "/api/assessments/{id}/criteria/{criterionId}/levels/{level}/{part}",
                                         "/api/assessments/{id}/criteria/{criterionId}/summary",
                                         "/api/assessments/{id}/profile/questions/{question}",
                                         "/api/assessments/{id}/criteria/{criterionId}/analysis"}) {
            JsonNode responses = paths.path(path).path("put").path("responses");
            assertThat(responses.at("/200/content/application~1json/schema/$ref").asText()).as(path)
                    .endsWith("/Revision");
            assertThat(responses.at("/409/content/application~1problem+json/schema/$ref").asText()).as(path)
                    .endsWith("/EditConflict");
        }
    }

    @Test
    void anOpQuestionIsAWholeNumberFrom1To13AndItsAnswerAndTheAnalysisAreTextEdits() {
        JsonNode paths = description().path("paths");
        JsonNode question = paths.at("/~1api~1assessments~1{id}~1profile~1questions~1{question}/put/parameters")
                                 .findParents("name").stream()
                                 .filter(p -> p.path("name").asText().equals("question")).findFirst().orElseThrow();
        assertThat(question.path("in").asText()).isEqualTo("path");
        assertThat(question.path("required").asBoolean()).isTrue();
        assertThat(question.at("/schema/type").asText()).isEqualTo("integer");
        assertThat(question.at("/schema/minimum").asInt()).isEqualTo(1);
        assertThat(question.at("/schema/maximum").asInt()).isEqualTo(13);
        for (String path : new String[] {"/api/assessments/{id}/profile/questions/{question}",
                                         "/api/assessments/{id}/criteria/{criterionId}/analysis"}) {
            assertThat(paths.path(path).at("/put/requestBody/content/application~1json/schema/$ref").asText())
                    .as(path).endsWith("/TextEdit");
        }
    }

    @Test
    void everyOperationDocumentsItsSuccessAnswer() {
        assertThat(OpenApiDescriptions.operationsWithoutSuccessAnswer(description())).isEmpty();
    }

    /** Issue 12: the bounds BadInputBatteryTest tries beyond, and the two directions, as the service applies them. */
    @Test
    void aResultsComparisonAndDirectionAreDescribedWithTheirBoundsAndValues() {
        JsonNode api = description();
        JsonNode schemas = api.path("components").path("schemas");
        JsonNode attach = schemas.at("/AttachRequest/properties");
        assertThat(attach.at("/direction/enum").toString()).isEqualTo("[\"higher\",\"lower\"]");
        assertThat(attach.at("/comparison/$ref").asText() + attach.at("/comparison/oneOf").toString())
                .contains("#/components/schemas/Comparison");
        java.math.BigDecimal largest = new java.math.BigDecimal("999999999999999");
        JsonNode comparison = schemas.path("Comparison");
        assertThat(comparison.at("/required").toString()).contains("value", "source");
        assertThat(comparison.at("/properties/value/maximum").decimalValue()).isEqualByComparingTo(largest);
        assertThat(comparison.at("/properties/value/minimum").decimalValue()).isEqualByComparingTo(largest.negate());
        assertThat(comparison.at("/properties/source/minLength").asInt()).isEqualTo(1);
        assertThat(comparison.at("/properties/source/maxLength").asInt()).isEqualTo(500);
        JsonNode revise = api.at("/paths/~1api~1assessments~1{id}~1criteria~1{criterionId}~1levels~1{level}~1results~1{resultId}/put");
        assertThat(revise.at("/requestBody/content/application~1json/schema/$ref").asText()).endsWith("/AttachRequest");
        assertThat(revise.at("/responses/200/content/application~1json/schema/$ref").asText()).endsWith("/Revised");
        assertThat(schemas.at("/Revised/required").toString()).contains("resultId", "stored");
    }

    /**
     * springdoc builds the description on the first request: seconds on a busy 2-core machine, more than the test
     * client's default 5 s wait.
     */
    private WebTestClient patient() {
        return client.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
    }

    private JsonNode description() {
        return patient().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                     .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void theWorksheetEndpointsDescribeTheirFieldsAndAnswersAndARowConflictCarriesTheCurrentRow() {
        JsonNode api = description();
        JsonNode schemas = api.path("components").path("schemas");
        assertThat(schemas.at("/CidRowRequest/required").toString()).contains("kind", "data");
        assertThat(schemas.at("/CidRowRequest/properties/kind/enum").toString()).isEqualTo("[\"C\",\"I\",\"D\"]");
        assertThat(schemas.at("/CidRowEdit/required").toString()).contains("kind", "data", "baseRevision");
        assertThat(schemas.at("/CidRowEdit/properties/baseRevision/minimum").asInt()).isZero();
        assertThat(schemas.at("/CidRowEdit/properties/baseRevision/maximum").asLong()).isEqualTo(9_007_199_254_740_991L);
        assertThat(schemas.at("/KeyProcessRequest/required").toString()).contains("name", "stage");
        assertThat(schemas.at("/KeyProcessRequest/properties/stage/enum").toString())
                .isEqualTo("[\"upstream\",\"midstream\",\"downstream\"]");
        assertThat(schemas.at("/KeyProcessEdit/properties/baseRevision/maximum").asLong()).isEqualTo(9_007_199_254_740_991L);
        assertThat(schemas.at("/LinksRequest/properties/keyProcesses/type").asText()).isEqualTo("array");
        assertThat(schemas.at("/RowEditConflict/properties").fieldNames()).toIterable()
                .contains("current", "yours", "currentRevision", "conflictingFields", "lastAuthor");
        JsonNode paths = api.path("paths");
        for (String[] endpoint : new String[][] {
                {"/api/assessments/{id}/criteria/{criterionId}/cid", "/{rowId}", "CidRowAdded", "CidRowSaved"},
                {"/api/assessments/{id}/key-processes", "/{processId}", "KeyProcessAdded", "KeyProcessSaved"}}) {
            JsonNode post = paths.path(endpoint[0]).path("post").path("responses");
            assertThat(post.at("/201/content/application~1json/schema/$ref").asText()).endsWith("/" + endpoint[2]);
            assertThat(post.has("200")).as(endpoint[0]).isFalse();
            JsonNode put = paths.path(endpoint[0] + endpoint[1]).path("put").path("responses");
            assertThat(put.at("/200/content/application~1json/schema/$ref").asText()).endsWith("/" + endpoint[3]);
            assertThat(put.at("/409/content/application~1problem+json/schema/$ref").asText()).endsWith("/RowEditConflict");
            assertThat(paths.path(endpoint[0] + endpoint[1]).path("delete").path("responses").has("204")).isTrue();
        }
    }
}
