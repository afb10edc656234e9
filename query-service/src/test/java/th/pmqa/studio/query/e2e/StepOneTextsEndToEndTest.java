package th.pmqa.studio.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.store.DashboardStore;
import th.pmqa.studio.query.store.ChangeLogStore;
import th.pmqa.studio.query.store.ReportViewStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static th.pmqa.studio.infra.testing.Personas.SOMSRI;

/**
 * The two Step-1 texts the workshop forms ask for, through both services over HTTP: the answer to an OP question
 * (question (6) โครงสร้างองค์การ has no item of the 29 to be written in) and the analysis of a sub-criterion
 * ("วิเคราะห์เกณฑ์และคำถาม"). Revisions and merges, the report in JSON and HTML, the history with word diffs, the change
 * feed, the report stream, time travel, comments, presence and a rebuild. A database and a command service of this
 * class's own: a query node of another class on the same database would keep the rebuild from running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"studio.eventstore.fetch-delay=50ms", "studio.live.poll-interval=20ms",
                              "studio.comments.poll-interval=100ms"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StepOneTextsEndToEndTest {

    private static final String MONGODB_URI = MongoTestServer.uri(MongoTestServer.freshDatabaseName("step_one"));
    private static final AtomicInteger ORGANIZATIONS = new AtomicInteger();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final String STRUCTURE = "โครงสร้างองค์การแบ่งเป็น ๓ กลุ่มงาน";
    private static final String STRUCTURE_2 = STRUCTURE + " และ ๒๖ อำเภอ";
    private static final String STRUCTURE_STALE = "แผนผัง: " + STRUCTURE;
    private static final String STRUCTURE_MERGED = "แผนผัง: " + STRUCTURE_2;
    private static final String ANALYSIS = "เกณฑ์ถามถึงการกำหนดทิศทางของผู้บริหาร 👩‍💼";
    private static final String ANALYSIS_2 = "เกณฑ์ถามถึงการกำหนดทิศทางและการสื่อสารของผู้บริหาร 👩‍💼";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MONGODB_URI);
    }

    /** A command service on this class's own database (BothServices keeps it until the JVM ends). */
    private static int commandPort() {
        return BothServices.commandPort(MONGODB_URI);
    }


    @LocalServerPort
    int queryPort;
    @Autowired
    MongoDatabase database;

    WebTestClient commands;
    WebTestClient queries;
    String code;

    @BeforeEach
    void clients() {
        code = "STEP" + ORGANIZATIONS.incrementAndGet() + "X" + System.nanoTime() % 100000;
        String token = BothServices.token(SOMSRI, code);
        commands = BothServices.client(commandPort(), token);
        queries = BothServices.client(queryPort, token);
    }

    @Test
    void anOpQuestionIsAnsweredRevisionedAndMergedAndTheReportShowsQuestionSixWithItsAnswer() {
        String id = open();
        String path = "/profile/questions/6";
        assertThat(edit(id, path, STRUCTURE, 0).get("revision").asLong()).isEqualTo(1);
        assertThat(edit(id, path, STRUCTURE_2, 1).get("revision").asLong()).isEqualTo(2);
        // a second tab still on revision 1 adds a heading: merged with the words added since
        JsonNode merged = edit(id, path, STRUCTURE_STALE, 1);
        assertThat(merged.get("merged").asBoolean()).isTrue();
        assertThat(merged.get("revision").asLong()).isEqualTo(3);
        assertThat(merged.get("text").asText()).isEqualTo(STRUCTURE_MERGED);

        JsonNode report = awaitReport(id, r -> question(r, 6).path("answer").path("revision").asLong() == 3);
        JsonNode six = question(report, 6);
        assertThat(six.get("text").asText()).isEqualTo("โครงสร้างองค์การ");
        assertThat(six.get("section").asText()).isEqualTo("profile/questions/6");
        assertThat(six.get("items")).isEmpty();
        assertThat(six.at("/answer/text").asText()).isEqualTo(STRUCTURE_MERGED);
        assertThat(six.get("answerEmpty").asBoolean()).isFalse();
        assertThat(question(report, 5).get("answer").isNull()).isTrue();
        assertThat(question(report, 5).get("answerEmpty").asBoolean()).isTrue();
        assertThat(html(id, "")).containsSubsequence("<h3>(6) โครงสร้างองค์การ</h3>",
                                                     "<p class=\"text\">" + STRUCTURE_MERGED + "</p>", "<h3>(7) ");

        JsonNode history = get("/api/assessments/" + id + "/profile/questions/6/history");
        assertThat(history.get("total").asInt()).isEqualTo(3);
        JsonNode second = history.get("items").get(1);
        assertThat(second.get("kind").asText()).isEqualTo("PROFILE_QUESTION");
        assertThat(second.get("section").asText()).isEqualTo("profile/questions/6");
        assertThat(second.get("before").asText()).isEqualTo(STRUCTURE);
        assertThat(inserted(second)).isEqualTo(" และ ๒๖ อำเภอ");
        JsonNode third = history.get("items").get(2);
        assertThat(third.get("revision").asLong()).isEqualTo(3);
        assertThat(third.at("/merge/baseRevision").asLong()).isEqualTo(1);
        assertThat(third.at("/merge/theirsRevision").asLong()).isEqualTo(2);
        assertThat(get("/api/assessments/" + id + "/changes").get("items").findValuesAsText("section"))
                .containsExactly("assessment", "profile/questions/6", "profile/questions/6", "profile/questions/6");

        for (String unknown : List.of("14", "0", "หก")) {
            commands.put().uri("/api/assessments/" + id + "/profile/questions/" + unknown)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "ข้อความ", "baseRevision", 0))
                    .exchange().expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.field").isEqualTo("question");
            queries.get().uri("/api/assessments/" + id + "/profile/questions/" + unknown + "/history").exchange()
                   .expectStatus().isNotFound().expectBody().jsonPath("$.field").isEqualTo("question");
        }
        assertThat(get("/api/assessments/" + id + "/changes").get("total").asInt()).as("nothing stored").isEqualTo(4);
    }

    @Test
    void theStepOneAnalysisOfASubCriterionIsRevisionedAndShownAtTheStartOfItsSection() {
        String id = open();
        long first = edit(id, "/criteria/1.1/analysis", ANALYSIS, 0).get("revision").asLong();
        assertThat(edit(id, "/criteria/1.1/analysis", ANALYSIS_2, first).get("revision").asLong()).isEqualTo(2);

        JsonNode report = awaitReport(id, r -> criterion(r, "1.1").path("analysis").path("revision").asLong() == 2);
        JsonNode c11 = criterion(report, "1.1");
        assertThat(c11.at("/analysis/text").asText()).isEqualTo(ANALYSIS_2);
        assertThat(c11.at("/analysis/author/name").asText()).isEqualTo(SOMSRI.name());
        List<String> fields = new ArrayList<>();
        c11.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsSubsequence("title", "analysis", "profileItems", "levels", "summary");
        assertThat(criterion(report, "1.2").get("analysis").isNull()).isTrue();
        // written: the text at the start of 1.1; empty: the workshop's Step-1 line as a hint, never as text
        assertThat(html(id, "")).containsSubsequence("<h3>1.1 ", "<p class=\"text\">" + ANALYSIS_2 + "</p>", "<h4>",
                                                     "<h3>1.2 ", "<p class=\"hint\">คำแนะนำ: วิเคราะห์เกณฑ์และคำถาม</p>",
                                                     "<h4>");

        JsonNode history = get("/api/assessments/" + id + "/criteria/1.1/history");
        assertThat(history.get("items").findValuesAsText("what")).containsExactly("analysis", "analysis");
        JsonNode second = history.get("items").get(1);
        assertThat(second.get("kind").asText()).isEqualTo("ANALYSIS");
        assertThat(second.get("revision").asLong()).isEqualTo(2);
        assertThat(inserted(second)).isEqualTo("และการสื่อสาร");

        commands.put().uri("/api/assessments/" + id + "/criteria/9.9/analysis").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "ข้อความ", "baseRevision", 0)).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.field").isEqualTo("criterionId");
    }

    @Test
    void bothTextsArriveOnTheReportStreamAsTheSectionsTheyChange() {
        String id = open();
        awaitReport(id, r -> true);
        Flux<ServerSentEvent<JsonNode>> stream = queries.get().uri("/api/assessments/" + id + "/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody();

        StepVerifier.create(stream)
                    .assertNext(e -> assertThat(e.event()).isEqualTo("report"))
                    .then(() -> edit(id, "/profile/questions/6", STRUCTURE, 0))
                    .assertNext(e -> {
                        assertThat(e.data().get("section").asText()).isEqualTo("profile/questions/6");
                        assertThat(e.data().at("/content/answer/text").asText()).isEqualTo(STRUCTURE);
                        assertThat(e.data().at("/content/number").asInt()).isEqualTo(6);
                    })
                    .then(() -> edit(id, "/criteria/2.1/analysis", ANALYSIS, 0))
                    .assertNext(e -> {
                        assertThat(e.data().get("section").asText()).isEqualTo("criteria/2.1");
                        assertThat(e.data().at("/content/analysis/text").asText()).isEqualTo(ANALYSIS);
                    })
                    .thenCancel()
                    .verify(PATIENCE);
    }

    @Test
    void timeTravelAndTheReportDiffShowEachRevisionOfBothTexts() {
        String id = open();
        edit(id, "/profile/questions/6", STRUCTURE, 0);
        edit(id, "/criteria/1.1/analysis", ANALYSIS, 0);
        edit(id, "/profile/questions/6", STRUCTURE_2, 1);
        edit(id, "/criteria/1.1/analysis", ANALYSIS_2, 1);
        awaitReport(id, r -> criterion(r, "1.1").path("analysis").path("revision").asLong() == 2);
        List<Long> positions = new ArrayList<>();
        get("/api/assessments/" + id + "/changes").get("items").forEach(c -> positions.add(c.get("position").asLong()));
        assertThat(positions).hasSize(5);

        JsonNode early = get("/api/assessments/" + id + "/report?position=" + positions.get(2));
        assertThat(question(early, 6).at("/answer/text").asText()).isEqualTo(STRUCTURE);
        assertThat(criterion(early, "1.1").at("/analysis/text").asText()).isEqualTo(ANALYSIS);
        assertThat(html(id, "?position=" + positions.get(1))).contains("<p class=\"text\">" + STRUCTURE + "</p>")
                .doesNotContain(ANALYSIS);
        JsonNode diff = get("/api/assessments/" + id + "/report/diff?from=" + positions.get(2) + "&to=" + positions.get(4));
        assertThat(diff.get("changedSections").toString()).contains("profile/questions/6", "criteria/1.1");
        List<String> changed = new ArrayList<>();
        diff.get("changes").forEach(c -> changed.add(c.get("section").asText() + " " + c.get("what").asText()));
        assertThat(changed).containsExactly("profile/questions/6 text", "criteria/1.1 analysis");
    }

    @Test
    void aCommentOnAnAnswerOrAnAnalysisIsInTheHistoryOfItsSectionAndPresenceNamesBoth() {
        String id = open();
        edit(id, "/profile/questions/6", STRUCTURE, 0);
        for (String section : List.of("profile/questions/6", "criteria/1.1/analysis")) {
            commands.post().uri("/api/assessments/" + id + "/comments").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("section", section, "text", "ควรเพิ่มแผนผัง @u-2")).exchange()
                    .expectStatus().isCreated();
        }
        for (String section : List.of("profile/questions/14", "criteria/9.9/analysis", "profile/questions/x")) {
            commands.post().uri("/api/assessments/" + id + "/comments").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("section", section, "text", "ความเห็น")).exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("section");
        }
        await().atMost(PATIENCE).until(() -> get("/api/assessments/" + id + "/comments").get("threads").size() == 2);
        await().atMost(PATIENCE).until(() -> get("/api/assessments/" + id + "/profile/questions/6/history")
                .get("total").asInt() == 2);
        assertThat(get("/api/assessments/" + id + "/profile/questions/6/history").get("items").findValuesAsText("kind"))
                .containsExactly("PROFILE_QUESTION", "COMMENT");
        JsonNode criterionHistory = get("/api/assessments/" + id + "/criteria/1.1/history");
        assertThat(criterionHistory.get("items").findValuesAsText("kind")).containsExactly("COMMENT");
        assertThat(criterionHistory.get("items").findValuesAsText("what")).containsExactly("analysis");

        queries.put().uri("/api/assessments/" + id + "/presence").contentType(MediaType.APPLICATION_JSON)
               .bodyValue(Map.of("section", "profile/questions/6", "activity", "editing", "clientId", "tab-1"))
               .exchange().expectStatus().isNoContent();
        queries.put().uri("/api/assessments/" + id + "/presence").contentType(MediaType.APPLICATION_JSON)
               .bodyValue(Map.of("section", "profile/questions/14", "activity", "editing", "clientId", "tab-1"))
               .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("section");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void droppingAndRebuildingTheReadModelsGivesTheSameDocuments() {
        String id = open();
        edit(id, "/profile/questions/6", STRUCTURE, 0);
        edit(id, "/profile/questions/6", STRUCTURE_2, 1);
        edit(id, "/profile/questions/6", STRUCTURE_STALE, 1);
        edit(id, "/criteria/3.1/analysis", ANALYSIS, 0);
        WebTestClient admin = BothServices.client(queryPort, BothServices.token("u-admin", "ผู้ดูแลระบบ", "OPS",
                                                                                List.of("ADMIN")));
        await().atMost(PATIENCE).until(() -> admin.get().uri("/api/admin/projections").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("lag").asLong() == 0
                                             && get("/api/assessments/" + id + "/changes").get("total").asInt() == 5);
        Map<String, List<Document>> before = readModels();

        admin.post().uri("/api/admin/projections/rebuild").exchange().expectStatus().isAccepted();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
               .until(() -> admin.get().uri("/api/admin/projections").exchange().expectBody(JsonNode.class)
                                 .returnResult().getResponseBody().path("lastRebuild").path("done").asBoolean());

        assertThat(readModels()).isEqualTo(before);
        assertThat(before.get(ChangeLogStore.COLLECTION).toString()).contains(STRUCTURE_MERGED, ANALYSIS);
    }

    private Map<String, List<Document>> readModels() {
        Map<String, List<Document>> models = new LinkedHashMap<>();
        for (String name : List.of(ReportViewStore.COLLECTION, ChangeLogStore.COLLECTION, DashboardStore.COLLECTION,
                                   th.pmqa.studio.query.comment.CommentThreadStore.COLLECTION,
                                   th.pmqa.studio.query.store.CommentLogStore.COLLECTION)) {
            models.put(name, database.getCollection(name).find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return models;
    }

    private String open() {
        return commands.post().uri("/api/assessments").contentType(MediaType.APPLICATION_JSON)
                       .bodyValue(Map.of("organizationCode", code, "organizationName", "จังหวัดทดสอบ",
                                         "organizationType", "PROVINCE", "fiscalYear", 2567,
                                         "catalogVersion", "pmqa-4.0/2567"))
                       .exchange().expectStatus().isCreated()
                       .expectBody(JsonNode.class).returnResult().getResponseBody().get("assessmentId").asText();
    }

    private JsonNode edit(String id, String path, String text, long baseRevision) {
        return commands.put().uri("/api/assessments/" + id + path).contentType(MediaType.APPLICATION_JSON)
                       .bodyValue(Map.of("text", text, "baseRevision", baseRevision))
                       .exchange().expectStatus().isOk()
                       .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode get(String uri) {
        return queries.get().uri(uri).exchange().expectStatus().isOk()
                      .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String html(String id, String query) {
        return queries.get().uri("/api/assessments/" + id + "/report.html" + query).exchange().expectStatus().isOk()
                      .expectBody(String.class).returnResult().getResponseBody();
    }

    private JsonNode awaitReport(String id, java.util.function.Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
            var result = queries.get().uri("/api/assessments/" + id + "/report").exchange().returnResult(JsonNode.class);
            if (!result.getStatus().is2xxSuccessful()) {
                return false;
            }
            last[0] = result.getResponseBody().blockFirst();
            return until.test(last[0]);
        });
        return last[0];
    }

    /** The words a change inserted, joined; "" when it only deleted. */
    private static String inserted(JsonNode change) {
        StringBuilder inserted = new StringBuilder();
        change.get("diff").forEach(c -> {
            if (c.get("op").asText().equals("INSERT")) {
                inserted.append(c.get("text").asText());
            }
        });
        assertThat(change.get("diff").findValuesAsText("op")).doesNotContain("DELETE");
        return inserted.toString();
    }

    private static JsonNode question(JsonNode report, int number) {
        for (JsonNode question : report.at("/profile/questions")) {
            if (question.get("number").asInt() == number) {
                return question;
            }
        }
        throw new AssertionError("no question " + number);
    }

    private static JsonNode criterion(JsonNode report, String id) {
        for (JsonNode category : report.get("categories")) {
            for (JsonNode c : category.get("criteria")) {
                if (c.get("id").asText().equals(id)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no criterion " + id);
    }
}
