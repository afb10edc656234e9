package th.pmqa.studio.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.infra.testing.OpenApiDescriptions;

import java.util.List;

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
    void everySchemaTheDescriptionRefersToIsInIt() {
        assertThat(OpenApiDescriptions.unresolvedReferences(description())).isEmpty();
    }

    @Test
    void eachEventStreamIsDescribedAsTheEventsItSendsNotAsAJsonArray() {
        JsonNode api = description();
        // dashboard, report, change feed, presence and comments
        assertThat(OpenApiDescriptions.eventStreams(api)).isEqualTo(5);
        assertThat(OpenApiDescriptions.eventStreamsNotDescribedAsOneEvent(api)).isEmpty();
    }

    @Test
    void answersAreJsonWithTheirShapeNotAnyMediaTypeOrAnOpenMap() {
        JsonNode api = description();
        assertThat(api.toString()).doesNotContain("\"*/*\"");
        JsonNode paths = api.path("paths");
        assertThat(paths.at("/~1api~1assessments~1{id}~1report/get/responses/200/content/application~1json/schema/$ref")
                        .asText()).endsWith("/Report");
        assertThat(paths.at("/~1api~1assessments~1{id}~1changes/get/responses/200/content/application~1json/schema/$ref")
                        .asText()).endsWith("/ChangeFeed");
        assertThat(paths.at("/~1api~1assessments/get/responses/200/content/application~1json/schema/$ref")
                        .asText()).endsWith("/Dashboard");
    }

    @Test
    void presenceIsDescribedWithItsHeartbeatBodyItsListAndNoContentAnswers() {
        JsonNode presence = description().path("paths").path("/api/assessments/{id}/presence");
        assertThat(presence.at("/put/requestBody/content/application~1json/schema/$ref").asText()).endsWith("/PresenceHeartbeat");
        assertThat(presence.at("/put/responses").has("204")).isTrue();
        assertThat(presence.at("/put/responses").has("200")).isFalse();
        assertThat(presence.at("/delete/responses").has("204")).isTrue();
        assertThat(presence.at("/get/responses/200/content/application~1json/schema/$ref").asText()).endsWith("/Presence");
        assertThat(presence.at("/delete/parameters").findValuesAsText("name")).contains("clientId");
    }

    @Test
    void historyFiltersAreNamedParametersNotOneOpenObject() {
        JsonNode parameters = description().at("/paths/~1api~1assessments~1{id}~1criteria~1{criterionId}~1history/get/parameters");
        assertThat(parameters.findValuesAsText("name")).contains("page", "size", "author", "from", "to")
                                                       .doesNotContain("params");
    }

    /** The bounds the service applies to a time-travel position (StrictInputTest tries beyond them). */
    @Test
    void aTimeTravelPositionIsAWholeNumberFromZeroTo2To53Minus1() {
        JsonNode description = description();
        for (String report : java.util.List.of("report", "report.html")) {
            JsonNode position = description.at("/paths/~1api~1assessments~1{id}~1" + report + "/get/parameters")
                                           .findParents("name").stream()
                                           .filter(p -> p.path("name").asText().equals("position")).findFirst().orElseThrow();
            assertThat(position.at("/schema/type").asText()).isEqualTo("integer");
            assertThat(position.at("/schema/minimum").asLong()).isZero();
            assertThat(position.at("/schema/maximum").asLong()).isEqualTo(9_007_199_254_740_991L);
        }
    }

    @Test
    void aChangeThatWasNoMergeMayCarryANullMergeAndAMergeKeepsItsShape() {
        JsonNode description = description();
        for (String schema : new String[] {"ChangeEntry", "FeedItem"}) {
            JsonNode merge = description.at("/components/schemas/" + schema + "/properties/merge");
            assertThat(merge.path("oneOf").findValuesAsText("$ref")).as(schema).containsExactly("#/components/schemas/Merge");
            assertThat(merge.path("oneOf").findValues("type").toString()).as(schema).contains("null");
        }
        assertThat(description.at("/components/schemas/Merge/properties").fieldNames())
                .toIterable().containsExactlyInAnyOrder("baseRevision", "theirsRevision");
    }

    @Test
    void everyShapeOfAChangeDescribesWhetherItsDiffIsCoarse() {
        JsonNode description = description();
        for (String schema : new String[] {"ChangeEntry", "FeedItem", "ReportChange"}) {
            JsonNode coarse = description.at("/components/schemas/" + schema + "/properties/coarseDiff");
            assertThat(coarse.path("type").asText()).as(schema).isEqualTo("boolean");
            assertThat(coarse.path("description").asText()).as(schema).contains("coarse", "DELETE", "INSERT");
        }
    }

    /** Found by the fuzzer: a row of an assessment without a submission window answered a null the schema refused. */
    @Test
    void aDashboardRowMayHaveNoWindowAndARowStoredEarlierNoReviewProgress() {
        JsonNode row = description().at("/components/schemas/DashboardRow/properties");
        assertThat(row.at("/windowClosesAt/type").toString()).contains("string", "null");
        assertThat(row.at("/review/oneOf").findValuesAsText("$ref")).containsExactly("#/components/schemas/ReviewProgress");
        assertThat(row.at("/review/oneOf").findValues("type").toString()).contains("null");
    }

    /** Found by the fuzzer: a 10 KB query string got the web server's 414, which no operation listed. */
    @Test
    void anOverlongRequestLineGetsThe414EveryOperationDescribes() {
        client.get().uri("/api/assessments/KKN-2567/changes?after=" + "9".repeat(5000)).exchange()
              .expectStatus().isEqualTo(414);
        JsonNode paths = description().path("paths");
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            assertThat(operation.getValue().at("/responses/414/description").asText()).as(path.getKey()).isNotEmpty();
            assertThat(operation.getValue().at("/responses/414").has("content")).as(path.getKey()).isFalse();
        }));
    }

    @Test
    void theHistoryOfAnOpQuestionNamesItsNumberFrom1To13() {
        JsonNode description = description();
        JsonNode question = description.at("/paths/~1api~1assessments~1{id}~1profile~1questions~1{question}~1history/get/parameters")
                                       .findParents("name").stream()
                                       .filter(p -> p.path("name").asText().equals("question")).findFirst().orElseThrow();
        assertThat(question.at("/schema/type").asText()).isEqualTo("integer");
        assertThat(question.at("/schema/minimum").asInt()).isEqualTo(1);
        assertThat(question.at("/schema/maximum").asInt()).isEqualTo(13);
    }

    @Test
    void theReportNamesItsScoreAnEstimateWithItsRuleAndTheRatedLevelOfEachSubCriterion() {
        JsonNode description = description();
        JsonNode report = description.at("/components/schemas/Report/properties");
        assertThat(report.at("/estimatedScore/$ref").asText()).endsWith("/EstimatedScore");
        assertThat(report.at("/ratedLevels/items/$ref").asText()).endsWith("/RatedLevel");
        JsonNode estimate = description.at("/components/schemas/EstimatedScore/properties");
        assertThat(estimate.fieldNames()).toIterable().contains("value", "band", "weightsSource", "estimateRule",
                                                                "estimateRuleThai");
        // one of the three levels, or null while not rated
        assertThat(description.at("/components/schemas/RatedLevel/properties/level").findValues("type").toString())
                .contains("null");
        assertThat(description.at("/components/schemas/RatedLevel/properties/level").findValues("enum").toString())
                .contains("basic", "advance", "significance");
    }

    /**
     * A result without a direction reads its trend and gaps without judging them: those members are null, which the
     * description must allow (found validating the report's golden files against it).
     */
    @Test
    void aResultsReadingWithoutADirectionMayHaveNullJudgements() {
        JsonNode schemas = description().path("components").path("schemas");
        assertThat(schemas.at("/Trend/properties/judgement/type").toString()).contains("string", "null");
        assertThat(schemas.at("/TargetGap/properties/met/type").toString()).contains("boolean", "null");
        assertThat(schemas.at("/ComparisonGap/properties/judgement/type").toString()).contains("string", "null");
        assertThat(schemas.at("/ReportResult/properties/trend/oneOf").findValues("type").toString()).contains("null");
    }

    @Test
    void theReportSaysWhereItCarriesTheCidWorksheetAndTheKeyProcesses() {
        String report = description().at("/components/schemas/Report/description").asText();
        assertThat(report).contains("cid", "kind C|I|D", "keyProcesses", "linkedKeyProcesses", "stage");
    }

    @Test
    void everyOperationDocumentsItsSuccessAnswer() {
        assertThat(OpenApiDescriptions.operationsWithoutSuccessAnswer(description())).isEmpty();
    }

    /**
     * Issue 12: the suggested links answer with their shape, every field required, so the fuzzer checks them; the
     * catalog's own SuggestedLinks (OP item numbers and group codes) keeps its name and shape.
     */
    @Test
    void suggestedLinksAreDescribedAsTheItemsAndGroupsWithWhetherEachIsLinked() {
        JsonNode api = description();
        assertThat(api.at("/paths/~1api~1assessments~1{id}~1criteria~1{criterionId}~1links~1suggested/get/responses/200"
                          + "/content/application~1json/schema/$ref").asText()).endsWith("/CriterionSuggestedLinks");
        JsonNode schemas = api.path("components").path("schemas");
        assertThat(schemas.at("/SuggestedLinks/properties/profileItems/items/type").asText()).isEqualTo("integer");
        assertThat(schemas.at("/CriterionSuggestedLinks/required").toString())
                .contains("assessmentId", "criterionId", "catalogVersion", "profileItems", "indicatorGroups");
        assertThat(schemas.at("/SuggestedProfileItem/required").toString()).contains("number", "title", "linked");
        assertThat(schemas.at("/SuggestedIndicatorGroup/required").toString()).contains("id", "title", "linked");
        assertThat(schemas.at("/SuggestedIndicatorGroup/properties/linked/type").asText()).isEqualTo("boolean");
    }

    @Test
    void theExportsAreDescribedAsBinaryWordAndPdfWithTheirTimeTravelParametersAndThePdfs503() {
        JsonNode paths = description().path("paths");
        JsonNode docx = paths.at("/~1api~1assessments~1{id}~1export.docx/get");
        JsonNode pdf = paths.at("/~1api~1assessments~1{id}~1export.pdf/get");

        assertThat(docx.at("/responses/200/content").fieldNames()).toIterable()
                .containsExactly("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.at("/responses/200/content/application~1vnd.openxmlformats-officedocument"
                           + ".wordprocessingml.document/schema/format").asText()).isEqualTo("binary");
        assertThat(pdf.at("/responses/200/content").fieldNames()).toIterable().containsExactly("application/pdf");
        assertThat(pdf.at("/responses/200/content/application~1pdf/schema/format").asText()).isEqualTo("binary");
        assertThat(pdf.at("/responses/503/description").asText()).contains("LibreOffice");
        assertThat(pdf.at("/responses/503/content/application~1problem+json/schema/$ref").asText()).endsWith("/Problem");
        for (JsonNode operation : List.of(docx, pdf)) {
            assertThat(operation.path("parameters").findValuesAsText("name")).contains("id", "asOf", "position", "label");
        }
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
}
