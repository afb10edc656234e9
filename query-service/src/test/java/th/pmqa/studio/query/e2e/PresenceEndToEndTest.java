package th.pmqa.studio.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.view.DashboardRow;
import th.pmqa.studio.query.store.DashboardStore;
import th.pmqa.studio.query.presence.PresenceStore;
import th.pmqa.studio.query.model.ReportFold;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.store.ReportViewStore;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.AssessmentOpenedEvent;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.OrganizationType;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Presence over HTTP on a running query service. Presence never involves commands or events, so the assessments it
 * is about are put straight into the read models (a database of this class's own: a second query service on the
 * database of {@link QuerySideEndToEndTest} would keep its rebuild from running).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"studio.presence.poll-interval=100ms"})
class PresenceEndToEndTest {

    private static final AtomicInteger ORGANIZATIONS = new AtomicInteger();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("presence_e2e")));
    }

    @LocalServerPort
    int port;
    @Autowired
    ReportViewStore views;
    @Autowired
    DashboardStore rows;
    @Autowired
    MongoDatabase database;
    @Autowired
    MongoEventStorageEngine events;

    String code;
    String id;
    /** An editor of the organization, a lead of it, a facilitator, and a lead of another organization. */
    WebTestClient editor;
    WebTestClient lead;
    WebTestClient facilitator;
    WebTestClient stranger;

    @BeforeEach
    void assessmentAndPeople() {
        code = "PRS" + ORGANIZATIONS.incrementAndGet() + "X" + System.nanoTime() % 100000;
        id = open(code);
        editor = BothServices.client(port, BothServices.token("u-edit", "สมศรี บรรณาธิการ", code, List.of("EDITOR")));
        lead = BothServices.client(port, BothServices.token("u-lead", "สมชาย หัวหน้า", code));
        facilitator = BothServices.client(port, BothServices.token("u-fac", "พี่เลี้ยง", "OPDC", List.of("FACILITATOR")));
        stranger = BothServices.client(port, BothServices.token("u-other", "คนอื่น", code + "B"));
    }

    private String open(String organization) {
        return openInReadModels(views, rows, organization);
    }

    /** An assessment opened straight into the read models: presence needs nothing else. */
    static String openInReadModels(ReportViewStore views, DashboardStore rows, String organization) {
        AssessmentId assessment = AssessmentId.of(organization, 2567);
        ReportState state = ReportFold.replay(List.of(new AssessmentOpenedEvent(assessment, organization, "จังหวัดทดสอบ",
                OrganizationType.PROVINCE, 2567, Catalogs.CURRENT_VERSION, new Author("u-admin", "ผู้ดูแล"), Instant.now())));
        views.saveAll(List.of(state));
        rows.saveAll(List.of(DashboardRow.of(state)));
        return assessment.value();
    }

    private static Map<String, Object> heartbeat(String section, String activity, String clientId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("section", section);
        body.put("activity", activity);
        body.put("clientId", clientId);
        return body;
    }

    private WebTestClient.ResponseSpec put(WebTestClient client, String assessment, Object body) {
        return client.put().uri("/api/assessments/" + assessment + "/presence").contentType(MediaType.APPLICATION_JSON)
                     .bodyValue(body).exchange();
    }

    private static Flux<ServerSentEvent<JsonNode>> events(WebTestClient client, String uri) {
        return client.get().uri(uri).accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                     .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                     }).getResponseBody()
                     .filter(e -> e.event() != null); // not the keep-alive comments
    }

    private JsonNode row(WebTestClient client, String assessment) {
        JsonNode dashboard = client.get().uri("/api/assessments").exchange().expectStatus().isOk()
                                   .expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode row : dashboard.get("assessments")) {
            if (row.get("assessmentId").asText().equals(assessment)) {
                return row;
            }
        }
        throw new AssertionError("no row " + assessment + " in " + dashboard);
    }

    @Test
    void anEditorsHeartbeatReachesAnotherPersonsPresenceStreamAndTheDashboardCountsThemWithoutAnyEvent() {
        long head = events.headPosition();
        long stored = database.getCollection("events").countDocuments();

        StepVerifier.create(events(lead, "/api/assessments/" + id + "/presence/stream"))
                    .assertNext(first -> {
                        assertThat(first.event()).isEqualTo("presence");
                        assertThat(first.data().get("assessmentId").asText()).isEqualTo(id);
                        assertThat(first.data().get("people")).isEmpty();
                    })
                    .then(() -> put(editor, id, heartbeat("criteria/1.1", "editing", "tab-1")).expectStatus().isNoContent())
                    .assertNext(e -> {
                        JsonNode person = e.data().get("people").get(0);
                        assertThat(e.data().get("people")).hasSize(1);
                        assertThat(person.get("userId").asText()).isEqualTo("u-edit");
                        assertThat(person.get("name").asText()).isEqualTo("สมศรี บรรณาธิการ");
                        assertThat(person.get("section").asText()).isEqualTo("criteria/1.1");
                        assertThat(person.get("activity").asText()).isEqualTo("editing");
                        assertThat(person.hasNonNull("since")).isTrue();
                        assertThat(person.hasNonNull("seenAt")).isTrue();
                        assertThat(person.has("clientId")).isFalse();
                    })
                    .then(() -> editor.delete().uri("/api/assessments/" + id + "/presence?clientId=tab-1").exchange()
                                      .expectStatus().isNoContent())
                    .assertNext(e -> assertThat(e.data().get("people")).isEmpty())
                    .thenCancel()
                    .verify(PATIENCE);

        put(editor, id, heartbeat("criteria/1.1", "editing", "tab-1")).expectStatus().isNoContent();
        put(editor, id, heartbeat("profile/3", "editing", "tab-2")).expectStatus().isNoContent(); // a second tab
        put(lead, id, heartbeat("assessment", "viewing", "tab-7")).expectStatus().isNoContent();
        assertThat(row(facilitator, id).get("activeEditors").asInt()).isEqualTo(1);
        assertThat(row(lead, id).get("activeEditors").asInt()).isEqualTo(1);
        JsonNode list = lead.get().uri("/api/assessments/" + id + "/presence").exchange().expectStatus().isOk()
                            .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(list.get("people").findValuesAsText("userId")).containsExactly("u-edit", "u-edit", "u-lead");

        assertThat(events.headPosition()).isEqualTo(head);
        assertThat(database.getCollection("events").countDocuments()).isEqualTo(stored);
        assertThat(database.getCollection(PresenceStore.COLLECTION).countDocuments(new org.bson.Document("assessmentId", id)))
                .isEqualTo(3);
    }

    @Test
    void aLeadOfAnotherOrganizationMayNeitherSeeNorJoinThePresence() {
        stranger.get().uri("/api/assessments/" + id + "/presence").exchange().expectStatus().isForbidden();
        stranger.get().uri("/api/assessments/" + id + "/presence/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isForbidden();
        put(stranger, id, heartbeat("criteria/1.1", "viewing", "tab-1")).expectStatus().isForbidden();
        put(stranger, id, heartbeat("criteria/1.1", "editing", "tab-1")).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        stranger.delete().uri("/api/assessments/" + id + "/presence?clientId=tab-1").exchange().expectStatus().isForbidden();

        assertThat(database.getCollection(PresenceStore.COLLECTION).countDocuments(new org.bson.Document("assessmentId", id)))
                .isZero();
    }

    @Test
    void aFacilitatorMayBeSeenViewingButMayNotSayTheyAreEditing() {
        put(facilitator, id, heartbeat("criteria/2.1", "editing", "tab-f")).expectStatus().isForbidden()
                .expectBody().jsonPath("$.action").isEqualTo("EDIT_DRAFT");
        put(facilitator, id, heartbeat("criteria/2.1", "viewing", "tab-f")).expectStatus().isNoContent();

        JsonNode list = editor.get().uri("/api/assessments/" + id + "/presence").exchange().expectStatus().isOk()
                              .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(list.get("people")).singleElement().satisfies(p -> {
            assertThat(p.get("userId").asText()).isEqualTo("u-fac");
            assertThat(p.get("activity").asText()).isEqualTo("viewing");
        });
        assertThat(row(facilitator, id).get("activeEditors").asInt()).isZero();
    }

    @Test
    void theDashboardStreamTellsWhoIsEditingButALeadHearsOnlyOfTheirOwnOrganization() {
        String theirs = open(code + "B");
        WebTestClient theirEditor = BothServices.client(port, BothServices.token("u-their", "คนแก้", code + "B",
                                                                                 List.of("EDITOR")));

        StepVerifier.create(events(facilitator, "/api/dashboard/stream"))
                    .assertNext(first -> assertThat(first.event()).isEqualTo("dashboard"))
                    .then(() -> put(editor, id, heartbeat("criteria/4.1", "editing", "tab-1")).expectStatus().isNoContent())
                    .thenConsumeWhile(e -> !(e.event().equals("presence") && e.data().get("assessmentId").asText().equals(id)))
                    .assertNext(e -> {
                        assertThat(e.data().get("activeEditors").asInt()).isEqualTo(1);
                        assertThat(e.data().get("editors")).singleElement().satisfies(who -> {
                            assertThat(who.get("userId").asText()).isEqualTo("u-edit");
                            assertThat(who.get("section").asText()).isEqualTo("criteria/4.1");
                        });
                    })
                    .thenCancel()
                    .verify(PATIENCE);

        // The other organization's editor starts first, so had their event passed the filter it would come first.
        StepVerifier.create(events(stranger, "/api/dashboard/stream"))
                    .assertNext(first -> assertThat(first.data().get("assessments").findValuesAsText("organizationCode"))
                            .containsOnly(code + "B"))
                    .then(() -> {
                        put(editor, id, heartbeat("criteria/5.1", "editing", "tab-1")).expectStatus().isNoContent();
                        put(theirEditor, theirs, heartbeat("profile/1", "editing", "tab-3")).expectStatus().isNoContent();
                    })
                    .thenConsumeWhile(e -> !e.event().equals("presence"),
                                      e -> assertThat(e.data().toString()).doesNotContain(id))
                    .assertNext(e -> {
                        assertThat(e.data().get("assessmentId").asText()).isEqualTo(theirs);
                        assertThat(e.data().get("activeEditors").asInt()).isEqualTo(1);
                    })
                    .thenCancel()
                    .verify(PATIENCE);
    }

    @Test
    void anEntryWithoutHeartbeatDisappearsFromTheListAfterTheExpiry() {
        // the expiry itself is tested with a clock moved by hand (PresenceBoardTest); here only that the list and
        // stream of a running service follow the board
        put(editor, id, heartbeat(null, "viewing", "tab-1")).expectStatus().isNoContent();
        await().atMost(PATIENCE).until(() -> editor.get().uri("/api/assessments/" + id + "/presence").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("people").size() == 1);
        JsonNode person = editor.get().uri("/api/assessments/" + id + "/presence").exchange()
                                .expectBody(JsonNode.class).returnResult().getResponseBody().get("people").get(0);
        assertThat(person.get("section").isNull()).isTrue();
    }

    @Test
    void badHeartbeatsGet400NamingTheFieldAndAnUnknownAssessment404() {
        Map<Object, String> fieldOf = new LinkedHashMap<>();
        fieldOf.put(heartbeat("criteria/9.9", "viewing", "tab-1"), "section");
        fieldOf.put(heartbeat("profile/999", "viewing", "tab-1"), "section");
        fieldOf.put(heartbeat("report", "viewing", "tab-1"), "section");
        fieldOf.put(Map.of("section", 11, "activity", "viewing", "clientId", "tab-1"), "section");
        fieldOf.put(heartbeat("criteria/1.1", "typing", "tab-1"), "activity");
        fieldOf.put(heartbeat("criteria/1.1", null, "tab-1"), "activity");
        fieldOf.put(Map.of("section", "criteria/1.1", "activity", true, "clientId", "tab-1"), "activity");
        fieldOf.put(heartbeat("criteria/1.1", "viewing", null), "clientId");
        fieldOf.put(heartbeat("criteria/1.1", "viewing", ""), "clientId");
        fieldOf.put(heartbeat("criteria/1.1", "viewing", "x".repeat(65)), "clientId");
        fieldOf.put(heartbeat("criteria/1.1", "viewing", "แท็บ"), "clientId");
        fieldOf.put(Map.of("section", "criteria/1.1", "activity", "viewing", "clientId", 42), "clientId");
        fieldOf.put(List.of("criteria/1.1"), "body");
        fieldOf.put("{\"section\": ", "body");
        fieldOf.forEach((body, field) -> put(editor, id, body).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo(field));

        editor.put().uri("/api/assessments/" + id + "/presence").contentType(MediaType.APPLICATION_JSON).exchange()
              .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("body");
        editor.delete().uri("/api/assessments/" + id + "/presence").exchange()
              .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("clientId");
        put(editor, code + "-2690", heartbeat("criteria/1.1", "viewing", "tab-1")).expectStatus().isNotFound()
                .expectBody().jsonPath("$.field").isEqualTo("id");
        editor.get().uri("/api/assessments/" + code + "-2690/presence").exchange().expectStatus().isNotFound();
        editor.get().uri("/api/assessments/" + code + "-2690/presence/stream").accept(MediaType.TEXT_EVENT_STREAM)
              .exchange().expectStatus().isNotFound();
        assertThat(database.getCollection(PresenceStore.COLLECTION).countDocuments(new org.bson.Document("assessmentId", id)))
                .isZero();
    }
}
