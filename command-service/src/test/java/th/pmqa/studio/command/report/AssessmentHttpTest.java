package th.pmqa.studio.command.report;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.MongoTestServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.pmqa.studio.command.web.ProblemDetailsAdvice;
import th.pmqa.studio.report.ApproachDraftedEvent;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CriterionSummaryWrittenEvent;
import th.pmqa.studio.report.DeploymentDraftedEvent;
import th.pmqa.studio.report.LevelRatedEvent;
import th.pmqa.studio.report.ProfileItemDraftedEvent;
import th.pmqa.studio.report.ProfileItemsLinkedEvent;
import th.pmqa.studio.report.ResultAttachedEvent;
import th.pmqa.studio.report.ResultDetachedEvent;
import th.pmqa.studio.report.ResultDraftedEvent;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;
import static th.pmqa.studio.infra.testing.Personas.SOMSRI;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "studio.snapshot.threshold=5")
class AssessmentHttpTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("command")));
    }

    static final String THAI = "การนำองค์การ ๑๒๓ 👩‍💼 ผู้นำ่ (ไม้เอกซ้อน)";
    static final String PROBLEMS = ProblemDetailsAdvice.TYPE_BASE;
    static final AtomicInteger ORGANIZATIONS = new AtomicInteger();

    @Autowired
    ApplicationContext context;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    Serializer serializer;
    @LocalServerPort
    int port;

    WebTestClient client;
    /** The organization Somsri leads in this test; each test has its own. */
    String code;
    int fiscalYear = 2567;

    @BeforeEach
    void signedInAsSomsri() {
        code = "T" + ORGANIZATIONS.incrementAndGet();
        client = as(code);
    }

    /** Somsri as lead of {@code organization}, and an admin, who may open assessments for any organization. */
    WebTestClient as(String organization) {
        return WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .build()
                .mutateWith(mockJwt().jwt(jwt -> jwt.subject(SOMSRI.userId()).claim("name", SOMSRI.name())
                                                   .claim("org", organization).claim("roles", List.of("LEAD", "ADMIN"))));
    }

    String openAssessment() {
        int year = fiscalYear++;
        client.post().uri("/api/assessments")
                .bodyValue(Map.of("organizationCode", code, "organizationName", "จังหวัดทดสอบ",
                        "organizationType", "PROVINCE", "fiscalYear", year, "catalogVersion", "pmqa-4.0/2567"))
                .exchange()
                .expectStatus().isCreated();
        return code + "-" + year;
    }

    List<Object> payloads(String id) {
        // From sequence 0 so a snapshot does not stand in for the events it summarizes.
        DomainEventStream stream = eventStore.readEvents(id, 0);
        return stream.asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    WebTestClient.ResponseSpec put(String uri, Object body) {
        return client.put().uri(uri).bodyValue(body).exchange();
    }

    WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, HttpStatus status, String type,
                                                String field) {
        WebTestClient.BodyContentSpec body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + type)
                .jsonPath("$.status").isEqualTo(status.value())
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty();
        return field == null ? body.jsonPath("$.field").doesNotExist() : body.jsonPath("$.field").isEqualTo(field);
    }

    @Test
    void openingAnswers201WithTheIdAndLocationAndASecondOpenIsAConflict() {
        Map<String, Object> body = Map.of("organizationCode", "KKN", "organizationName", "จังหวัดขอนแก่น",
                "organizationType", "PROVINCE", "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567");
        client.post().uri("/api/assessments").bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/assessments/KKN-2567")
                .expectBody().jsonPath("$.assessmentId").isEqualTo("KKN-2567");
        expectProblem(client.post().uri("/api/assessments").bodyValue(body).exchange(), HttpStatus.CONFLICT,
                "assessment-exists", "assessmentId");
        assertThat(payloads("KKN-2567")).hasSize(1);
    }

    @Test
    void openingWithBadFieldsNamesTheFieldAndStoresNothing() {
        Map<String, Object> valid = Map.of("organizationCode", "BAD", "organizationName", "จังหวัด",
                "organizationType", "AGENCY", "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567");
        record Case(String field, Object value, String type) {
        }
        for (Case c : List.of(new Case("organizationCode", "BA-D", "invalid-input"),
                new Case("organizationName", " ", "invalid-input"),
                new Case("fiscalYear", 2024, "invalid-input"),
                new Case("catalogVersion", "pmqa-4.0/2599", "invalid-input"),
                new Case("organizationType", "DISTRICT", "malformed-request"),
                new Case("fiscalYear", "ปีนี้", "malformed-request"))) {
            Map<String, Object> body = new java.util.HashMap<>(valid);
            body.put(c.field(), c.value());
            expectProblem(client.post().uri("/api/assessments").bodyValue(body).exchange(), HttpStatus.BAD_REQUEST,
                    c.type(), c.field());
        }
        for (String missing : List.of("organizationCode", "fiscalYear", "organizationType", "catalogVersion")) {
            Map<String, Object> body = new java.util.HashMap<>(valid);
            body.remove(missing);
            expectProblem(client.post().uri("/api/assessments").bodyValue(body).exchange(), HttpStatus.BAD_REQUEST,
                    "invalid-input", missing);
        }
        assertThat(payloads("BAD-2567")).isEmpty();
    }

    @Test
    void malformedJsonAndAMissingBodyAreProblemDetails() {
        String id = openAssessment();
        expectProblem(client.put().uri("/api/assessments/{id}/profile/1", id)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\": \"ก\", ").exchange(),
                HttpStatus.BAD_REQUEST, "malformed-request", null);
        expectProblem(client.put().uri("/api/assessments/{id}/profile/1", id)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\": [1], \"baseRevision\": 0}").exchange(),
                HttpStatus.BAD_REQUEST, "malformed-request", "text");
        expectProblem(client.put().uri("/api/assessments/{id}/profile/1", id)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\": \"ก\", \"baseRevision\": \"x\"}")
                .exchange(), HttpStatus.BAD_REQUEST, "malformed-request", "baseRevision");
        expectProblem(client.put().uri("/api/assessments/{id}/profile/1", id)
                .contentType(MediaType.APPLICATION_JSON).exchange(), HttpStatus.BAD_REQUEST, "malformed-request", null);
        assertThat(payloads(id)).hasSize(1);
    }

    @Test
    void aProfileItemEditReturnsTheNewRevisionAndAStaleOneGetsTheCurrentState() {
        String id = openAssessment();
        put("/api/assessments/" + id + "/profile/3", Map.of("text", "พันธกิจ", "baseRevision", 0))
                .expectStatus().isOk().expectBody().jsonPath("$.revision").isEqualTo(1);
        put("/api/assessments/" + id + "/profile/3", Map.of("text", "พันธกิจ ๒", "baseRevision", 1))
                .expectStatus().isOk().expectBody().jsonPath("$.revision").isEqualTo(2);
        put("/api/assessments/" + id + "/profile/3", Map.of("text", "พันธกิจ ๒", "baseRevision", 1))
                .expectStatus().isOk().expectBody().jsonPath("$.revision").isEqualTo(2);
        // the same place changed differently since revision 1: the three versions come back, nothing is stored
        expectProblem(put("/api/assessments/" + id + "/profile/3", Map.of("text", "พันธกิจ ๓", "baseRevision", 1)),
                HttpStatus.CONFLICT, "edit-conflict", "text")
                .jsonPath("$.base").isEqualTo("พันธกิจ")
                .jsonPath("$.theirs").isEqualTo("พันธกิจ ๒")
                .jsonPath("$.yours").isEqualTo("พันธกิจ ๓")
                .jsonPath("$.baseRevision").isEqualTo(1)
                .jsonPath("$.currentRevision").isEqualTo(2)
                .jsonPath("$.conflicts[0].theirs").isEqualTo(" ๒")
                .jsonPath("$.conflicts[0].yours").isEqualTo(" ๓")
                .jsonPath("$.lastAuthor.userId").isEqualTo(SOMSRI.userId())
                .jsonPath("$.lastAuthor.name").isEqualTo(SOMSRI.name())
                .jsonPath("$.textField").isEqualTo("profile/3");
        assertThat(payloads(id)).hasSize(3);
        // another place changed since revision 1: merged, and the answer carries the merged text
        put("/api/assessments/" + id + "/profile/3", Map.of("text", "๑. พันธกิจ", "baseRevision", 1))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.revision").isEqualTo(3)
                .jsonPath("$.merged").isEqualTo(true)
                .jsonPath("$.text").isEqualTo("๑. พันธกิจ ๒")
                .jsonPath("$.baseRevision").isEqualTo(1)
                .jsonPath("$.mergedWithRevision").isEqualTo(2);
        assertThat(payloads(id).get(3)).isInstanceOfSatisfying(ProfileItemDraftedEvent.class,
                event -> assertThat(event.merge()).isEqualTo(new th.pmqa.studio.report.Merge(1, 2)));
        assertThat(payloads(id).get(1)).isInstanceOfSatisfying(ProfileItemDraftedEvent.class,
                event -> assertThat(event.author()).isEqualTo(SOMSRI));
    }

    /**
     * Issue 11: a 50,000-character text saved as "x" and then, from a stale tab, as "y" over the first revision. The
     * merge ran ~43 s and answered a 500 that was no problem document. The response timeout is generous only so
     * that the old code's answer could be seen at all.
     */
    @Test
    void aStaleEditOfALongTextRewrittenSinceIsA409ProblemWithTheThreeVersionsAndNothingIsStored() {
        String id = openAssessment();
        String uri = "/api/assessments/" + id + "/profile/1";
        String longText = "a ".repeat(25_000);
        put(uri, Map.of("text", longText, "baseRevision", 0)).expectStatus().isOk();
        put(uri, Map.of("text", "x", "baseRevision", 1)).expectStatus().isOk();
        client = client.mutate().responseTimeout(java.time.Duration.ofMinutes(2)).build();

        expectProblem(put(uri, Map.of("text", "y", "baseRevision", 1)), HttpStatus.CONFLICT, "edit-conflict", "text")
                .jsonPath("$.base").isEqualTo(longText)
                .jsonPath("$.theirs").isEqualTo("x")
                .jsonPath("$.yours").isEqualTo("y")
                .jsonPath("$.currentRevision").isEqualTo(2)
                .jsonPath("$.conflicts.length()").isEqualTo(1)
                .jsonPath("$.conflicts[0].base").isEqualTo(longText)
                .jsonPath("$.conflicts[0].theirs").isEqualTo("x")
                .jsonPath("$.conflicts[0].yours").isEqualTo("y");
        assertThat(payloads(id)).hasSize(3);
        // the assessment is not held up: another section takes a write at once
        put("/api/assessments/" + id + "/profile/2", Map.of("text", "ต่อได้", "baseRevision", 0))
                .expectStatus().isOk().expectBody().jsonPath("$.revision").isEqualTo(1);
    }

    @Test
    void unknownOpItemsAndAssessmentsAreNotFound() {
        String id = openAssessment();
        Map<String, Object> edit = Map.of("text", "ก", "baseRevision", 0);
        expectProblem(put("/api/assessments/" + id + "/profile/30", edit), HttpStatus.NOT_FOUND, "not-found", "item");
        expectProblem(put("/api/assessments/" + id + "/profile/abc", edit), HttpStatus.NOT_FOUND, "not-found", "item");
        String never = code + "-2690"; // an assessment of Somsri's own organization that was never opened
        expectProblem(put("/api/assessments/" + never + "/profile/1", edit), HttpStatus.NOT_FOUND,
                "assessment-not-found", "assessmentId");
        expectProblem(client.post().uri("/api/assessments/" + never + "/submit").exchange(), HttpStatus.NOT_FOUND,
                "assessment-not-found", "assessmentId");
        assertThat(payloads(id)).hasSize(1);
        assertThat(payloads(never)).isEmpty();
    }

    @Test
    void missingTextOrBaseRevisionIsRefusedNamingTheField() {
        String id = openAssessment();
        expectProblem(put("/api/assessments/" + id + "/profile/1", Map.of("baseRevision", 0)),
                HttpStatus.BAD_REQUEST, "invalid-input", "text");
        expectProblem(put("/api/assessments/" + id + "/profile/1", Map.of("text", "ก")),
                HttpStatus.BAD_REQUEST, "invalid-input", "baseRevision");
        assertThat(payloads(id)).hasSize(1);
    }

    @Test
    void approachDeployAndResultAreWrittenPerLevelAndBadPathsAreNotFound() {
        String id = openAssessment();
        String base = "/api/assessments/" + id + "/criteria/1.1/levels/";
        Map<String, Object> edit = Map.of("text", "ข้อความ", "baseRevision", 0);
        put(base + "basic/approach", edit).expectStatus().isOk().expectBody().jsonPath("$.revision").isEqualTo(1);
        put(base + "basic/deploy", edit).expectStatus().isOk().expectBody().jsonPath("$.revision").isEqualTo(1);
        put(base + "significance/result", edit).expectStatus().isOk()
                .expectBody().jsonPath("$.revision").isEqualTo(1);
        expectProblem(put(base + "expert/approach", edit), HttpStatus.NOT_FOUND, "not-found", "level");
        expectProblem(put(base + "basic/plan", edit), HttpStatus.NOT_FOUND, "not-found", "part");
        expectProblem(put("/api/assessments/" + id + "/criteria/7.1/levels/basic/approach", edit),
                HttpStatus.NOT_FOUND, "not-found", "criterionId");
        assertThat(payloads(id)).extracting(Object::getClass).containsExactly(
                th.pmqa.studio.report.AssessmentOpenedEvent.class, ApproachDraftedEvent.class,
                DeploymentDraftedEvent.class, ResultDraftedEvent.class);
    }

    @Test
    void textOverTheLimitInCodePointsIsTooLargeAndEmojiCountOnce() {
        String id = openAssessment();
        String uri = "/api/assessments/" + id + "/criteria/1.1/summary";
        // 50,000 emoji are 100,000 UTF-16 chars but 50,000 characters as a writer counts them.
        String atLimit = "😀".repeat(50_000);
        // Jackson sends each as a 12-byte escape pair, so this also checks the decoder's buffer fits the limit.
        put(uri, Map.of("text", atLimit, "baseRevision", 0)).expectStatus().isOk();
        expectProblem(put(uri, Map.of("text", "ก".repeat(50_001), "baseRevision", 1)),
                HttpStatus.PAYLOAD_TOO_LARGE, "text-too-long", "text");
        assertThat(payloads(id)).hasSize(2);
        expectProblem(client.put().uri(uri).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"baseRevision\":1,\"text\":\"" + "x".repeat(1_100_000) + "\"}").exchange(),
                HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large", null);
        assertThat(payloads(id)).hasSize(2);
    }

    @Test
    void linksAreStoredTogetherAndABadSecondListStoresNeither() {
        String id = openAssessment();
        String uri = "/api/assessments/" + id + "/criteria/1.1/links";
        put(uri, Map.of("profileItems", List.of(1, 2, 29), "indicatorGroups", List.of("7.1.1", "7.6.4")))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.profileItems").isEqualTo(List.of(1, 2, 29))
                .jsonPath("$.indicatorGroups").isEqualTo(List.of("7.1.1", "7.6.4"));
        expectProblem(put(uri, Map.of("profileItems", List.of(5), "indicatorGroups", List.of("7.1.1", "7.9.9"))),
                HttpStatus.BAD_REQUEST, "invalid-input", "indicatorGroups[1]");
        expectProblem(put(uri, Map.of("profileItems", List.of(1, 2, 99))),
                HttpStatus.BAD_REQUEST, "invalid-input", "profileItems[2]");
        put(uri, Map.of("profileItems", List.of(4))).expectStatus().isOk().expectBody()
                .jsonPath("$.profileItems").isEqualTo(List.of(4))
                .jsonPath("$.indicatorGroups").isEqualTo(List.of("7.1.1", "7.6.4"));
        expectProblem(put(uri, Map.of("profileItems", List.of("หนึ่ง"))),
                HttpStatus.BAD_REQUEST, "malformed-request", "profileItems[0]");
        expectProblem(put("/api/assessments/" + id + "/criteria/6.4/links", Map.of("profileItems", List.of(1))),
                HttpStatus.NOT_FOUND, "not-found", "criterionId");
        assertThat(payloads(id)).hasSize(4);
        assertThat(payloads(id).get(3)).isInstanceOfSatisfying(ProfileItemsLinkedEvent.class,
                event -> assertThat(event.profileItems()).containsExactly(4));
    }

    @Test
    void aResultIsAttachedWith201AndDetachedWith204() {
        String id = openAssessment();
        String results = "/api/assessments/" + id + "/criteria/1.1/levels/basic/results";
        Map<String, Object> result = Map.of("indicatorGroup", "7.1.1", "name", "ร้อยละความพึงพอใจ",
                "unit", "ร้อยละ", "target", 80, "values", Map.of("2565", 72.5, "2566", 78),
                "evidence", List.of("รายงาน ๒๕๖๖"));
        String resultId = new String(client.post().uri(results).bodyValue(result).exchange()
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith(results + "/"))
                .expectBody().jsonPath("$.resultId").isNotEmpty()
                .returnResult().getResponseBodyContent(), StandardCharsets.UTF_8)
                .replaceAll(".*\"resultId\":\"([^\"]+)\".*", "$1");
        assertThat(payloads(id).get(1)).isInstanceOfSatisfying(ResultAttachedEvent.class, event -> {
            assertThat(event.resultId().value()).isEqualTo(resultId);
            assertThat(event.valuesByFiscalYear()).containsExactly(Map.entry(2565, new BigDecimal("72.5")),
                    Map.entry(2566, new BigDecimal("78")));
            assertThat(event.evidence()).containsExactly("รายงาน ๒๕๖๖");
        });

        expectProblem(client.post().uri(results).bodyValue(Map.of("indicatorGroup", "7.1.1", "name", " "))
                .exchange(), HttpStatus.BAD_REQUEST, "invalid-input", "name");
        expectProblem(client.post().uri(results).bodyValue(Map.of("indicatorGroup", "7.8.1", "name", "ก"))
                .exchange(), HttpStatus.BAD_REQUEST, "invalid-input", "indicatorGroup");
        expectProblem(client.post().uri(results).bodyValue(Map.of("indicatorGroup", "7.1.1", "name", "ก",
                "values", Map.of("2565", "มาก"))).exchange(), HttpStatus.BAD_REQUEST, "malformed-request",
                "values.2565");
        expectProblem(client.post().uri(results).bodyValue(Map.of("indicatorGroup", "7.1.1", "name", "ก",
                "values", Map.of("1999", 1))).exchange(), HttpStatus.BAD_REQUEST, "invalid-input", "values.1999");
        expectProblem(client.post().uri("/api/assessments/" + id + "/criteria/1.1/levels/top/results")
                .bodyValue(result).exchange(), HttpStatus.NOT_FOUND, "not-found", "level");

        expectProblem(client.delete().uri(results.replace("basic", "advance") + "/" + resultId).exchange(),
                HttpStatus.NOT_FOUND, "not-found", "resultId");
        client.delete().uri(results + "/" + resultId).exchange().expectStatus().isNoContent();
        expectProblem(client.delete().uri(results + "/" + resultId).exchange(),
                HttpStatus.NOT_FOUND, "not-found", "resultId");
        assertThat(payloads(id)).extracting(Object::getClass).containsExactly(
                th.pmqa.studio.report.AssessmentOpenedEvent.class, ResultAttachedEvent.class,
                ResultDetachedEvent.class);
    }

    @Test
    void summaryAndRatingAreWrittenAndAScoreOutsideTheBandIsRefused() {
        String id = openAssessment();
        String criterion = "/api/assessments/" + id + "/criteria/2.1";
        put(criterion + "/summary", Map.of("text", "สรุปผล", "baseRevision", 0))
                .expectStatus().isOk().expectBody().jsonPath("$.revision").isEqualTo(1);
        put(criterion + "/rating", Map.of("level", "basic", "score", 399, "rationale", "ครบตามข้อกำหนด"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.level").isEqualTo("basic").jsonPath("$.score").isEqualTo(399);
        expectProblem(put(criterion + "/rating", Map.of("level", "basic", "score", 400, "rationale", "ก")),
                HttpStatus.BAD_REQUEST, "invalid-input", "score");
        expectProblem(put(criterion + "/rating", Map.of("level", "expert", "score", 400, "rationale", "ก")),
                HttpStatus.BAD_REQUEST, "invalid-input", "level");
        expectProblem(put(criterion + "/rating", Map.of("level", "advance", "score", 400, "rationale", "")),
                HttpStatus.BAD_REQUEST, "invalid-input", "rationale");
        expectProblem(put(criterion + "/rating", Map.of("level", "advance", "rationale", "ก")),
                HttpStatus.BAD_REQUEST, "invalid-input", "score");
        assertThat(payloads(id)).extracting(Object::getClass).containsExactly(
                th.pmqa.studio.report.AssessmentOpenedEvent.class, CriterionSummaryWrittenEvent.class,
                LevelRatedEvent.class);
    }

    @Test
    void aSectionGoesFromDraftingToReadyToApprovedAndThenRefusesEditsUntilALeadReopensIt() {
        String id = openAssessment();
        String base = "/api/assessments/" + id;
        client.post().uri(base + "/workflow/1.1/ready").exchange().expectStatus().isOk().expectBody()
              .jsonPath("$.section").isEqualTo("criteria/1.1").jsonPath("$.status").isEqualTo("READY_FOR_REVIEW");
        client.post().uri(base + "/workflow/1.1/approve").exchange().expectStatus().isOk().expectBody()
              .jsonPath("$.status").isEqualTo("APPROVED");
        expectProblem(put(base + "/criteria/1.1/summary", Map.of("text", "สรุป", "baseRevision", 0)), HttpStatus.CONFLICT,
                "section-approved", "section");
        put(base + "/criteria/1.2/summary", Map.of("text", "สรุป ๑.๒", "baseRevision", 0)).expectStatus().isOk();
        expectProblem(client.post().uri(base + "/submit").exchange(), HttpStatus.CONFLICT, "sections-not-approved",
                "overrideReason").jsonPath("$.unapprovedSections.length()").isEqualTo(18)
                .jsonPath("$.unapprovedSections[0]").isEqualTo("profile");
        expectProblem(client.post().uri(base + "/workflow/1.1/reopen").bodyValue(Map.of("reason", "")).exchange(),
                HttpStatus.BAD_REQUEST, "invalid-input", "reason");
        client.post().uri(base + "/workflow/1.1/reopen").bodyValue(Map.of("reason", "ขอเพิ่มตัวอย่าง")).exchange()
              .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DRAFTING");
        put(base + "/criteria/1.1/summary", Map.of("text", "สรุป", "baseRevision", 0)).expectStatus().isOk();
        expectProblem(client.post().uri(base + "/workflow/9.9/ready").exchange(), HttpStatus.NOT_FOUND, "not-found",
                "section");
    }

    @Test
    void afterTheSubmissionWindowClosesEditsGetAClearConflictUntilItIsExtended() {
        String id = openAssessment();
        String base = "/api/assessments/" + id;
        java.time.Instant now = java.time.Instant.now();
        client.put().uri(base + "/submission-window")
              .bodyValue(Map.of("opensAt", now.minusSeconds(86_400).toString(), "closesAt", now.minusSeconds(1).toString()))
              .exchange().expectStatus().isOk();
        expectProblem(put(base + "/profile/1", Map.of("text", "ช้าไป", "baseRevision", 0)), HttpStatus.CONFLICT,
                "submission-window-closed", "submissionWindow")
                .jsonPath("$.closesAt").isEqualTo(now.minusSeconds(1).toString());
        expectProblem(client.put().uri(base + "/submission-window").bodyValue(Map.of("opensAt", "พรุ่งนี้", "closesAt",
                now.toString())).exchange(), HttpStatus.BAD_REQUEST, "invalid-input", "opensAt");
        client.post().uri(base + "/submission-window/extend")
              .bodyValue(Map.of("closesAt", now.plusSeconds(86_400).toString(), "reason", "น้ำท่วม ขยาย ๑ วัน"))
              .exchange().expectStatus().isOk().expectBody().jsonPath("$.closesAt").isEqualTo(now.plusSeconds(86_400).toString());
        put(base + "/profile/1", Map.of("text", "ทันเวลา", "baseRevision", 0)).expectStatus().isOk();
    }

    @Test
    void aSubmittedAssessmentRefusesEditsUntilItIsReopened() {
        String id = openAssessment();
        String base = "/api/assessments/" + id;
        client.post().uri(base + "/submit").bodyValue(Map.of("overrideReason", "ส่งทั้งที่ยังไม่อนุมัติครบ")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SUBMITTED");
        expectProblem(put(base + "/profile/1", Map.of("text", "ก", "baseRevision", 0)), HttpStatus.CONFLICT,
                "assessment-submitted", "assessmentId");
        expectProblem(put(base + "/criteria/1.1/links", Map.of("profileItems", List.of(1))), HttpStatus.CONFLICT,
                "assessment-submitted", "assessmentId");
        expectProblem(put(base + "/criteria/1.1/rating", Map.of("level", "basic", "score", 350, "rationale", "ก")),
                HttpStatus.CONFLICT, "assessment-submitted", "assessmentId");
        expectProblem(client.post().uri(base + "/submit").exchange(), HttpStatus.CONFLICT, "already-submitted",
                "assessmentId");
        expectProblem(client.post().uri(base + "/reopen").bodyValue(Map.of("reason", " ")).exchange(),
                HttpStatus.BAD_REQUEST, "invalid-input", "reason");
        client.post().uri(base + "/reopen").bodyValue(Map.of("reason", "แก้ไขตามข้อเสนอแนะ")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("OPEN");
        expectProblem(client.post().uri(base + "/reopen").bodyValue(Map.of("reason", "อีกครั้ง")).exchange(),
                HttpStatus.CONFLICT, "not-submitted", "assessmentId");
        put(base + "/profile/1", Map.of("text", "ก", "baseRevision", 0))
                .expectStatus().isOk().expectBody().jsonPath("$.revision").isEqualTo(1);
        assertThat(payloads(id)).hasSize(4);
    }

    @Test
    void thaiTextRoundTripsByteExactOverARealSocketIntoTheEventStore() {
        String id = openAssessment();
        WebTestClient overTheWire = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + th.pmqa.studio.infra.testing.DevelopmentTokens.mint(
                        "u-socket", "สมชาย ทดสอบ", code, List.of("EDITOR"), java.time.Duration.ofMinutes(10)))
                .build();
        overTheWire.put().uri("/api/assessments/{id}/criteria/1.1/levels/basic/approach", id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", THAI, "baseRevision", 0))
                .exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.revision").isEqualTo(1);

        Object stored = payloads(id).get(1);
        assertThat(stored).isInstanceOf(ApproachDraftedEvent.class);
        ApproachDraftedEvent event = (ApproachDraftedEvent) stored;
        assertThat(event.text().codePoints().toArray()).containsExactly(THAI.codePoints().toArray());
        assertThat(event.text().getBytes(StandardCharsets.UTF_8)).isEqualTo(THAI.getBytes(StandardCharsets.UTF_8));
        assertThat(event.author()).isEqualTo(new Author("u-socket", "สมชาย ทดสอบ"));

        // What the MongoDB engine stored is what the event serializer writes; it must read back unchanged.
        SerializedObject<String> json = eventSerializer.serialize(event, String.class);
        ApproachDraftedEvent restored = eventSerializer.deserialize(json);
        assertThat(restored).isEqualTo(event);
        assertThat(restored.text().getBytes(StandardCharsets.UTF_8)).isEqualTo(THAI.getBytes(StandardCharsets.UTF_8));
        assertThat(json.getType().getRevision()).isEqualTo("2");
        assertThat(json.getData()).contains("\"assessmentId\":\"" + id + "\"");
    }

    @Test
    void withoutATokenWritesAreUnauthorizedButHealthIsOpen() {
        WebTestClient anonymous = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        anonymous.put().uri("/api/assessments/X-2567/profile/1").bodyValue(Map.of("text", "ก", "baseRevision", 0))
                .exchange().expectStatus().isUnauthorized();
        anonymous.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void afterASnapshotTheAggregateStillKnowsEveryRevision() {
        String id = openAssessment();
        String uri = "/api/assessments/" + id + "/profile/7";
        for (int revision = 0; revision < 8; revision++) {
            put(uri, Map.of("text", "ฉบับที่ " + (revision + 1), "baseRevision", revision)).expectStatus().isOk();
        }
        put("/api/assessments/" + id + "/criteria/1.1/links", Map.of("profileItems", List.of(7)))
                .expectStatus().isOk();
        assertThat(storageEngine.readSnapshot(id)).isPresent();
        Object snapshot = storageEngine.readSnapshot(id).orElseThrow().getPayload();

        // The snapshot must survive Jackson, as it will once snapshots are stored in MongoDB.
        SerializedObject<String> json = serializer.serialize(snapshot, String.class);
        Assessment restored = serializer.deserialize(json);
        assertThat(restored.storedText(Assessment.profileKey(7)))
                .isEqualTo(((Assessment) snapshot).storedText(Assessment.profileKey(7)));
        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(json.getData());

        // revision 7's text came through the snapshot: the conflict can name it
        expectProblem(put(uri, Map.of("text", "เก่า", "baseRevision", 7)), HttpStatus.CONFLICT, "edit-conflict", "text")
                .jsonPath("$.currentRevision").isEqualTo(8).jsonPath("$.theirs").isEqualTo("ฉบับที่ 8")
                .jsonPath("$.base").isEqualTo("ฉบับที่ 7");
        put(uri, Map.of("text", "ฉบับที่ 9", "baseRevision", 8))
                .expectStatus().isOk().expectBody().jsonPath("$.revision").isEqualTo(9);
        put("/api/assessments/" + id + "/criteria/1.1/links", Map.of("indicatorGroups", List.of("7.1.1")))
                .expectStatus().isOk().expectBody().jsonPath("$.profileItems").isEqualTo(List.of(7));
        assertThat(payloads(id)).allSatisfy(payload -> assertThat(payload).isInstanceOf(AssessmentEvent.class));
    }

    @Test
    void eventIdsArePlainStringsInTheSerializedForm() {
        SerializedObject<String> json = eventSerializer.serialize(new AssessmentId("KKN-2567"), String.class);
        assertThat(json.getData()).isEqualTo("\"KKN-2567\"");
    }

    @Test
    void nulCharactersLoneSurrogatesAndInvalidUtf8AreRefusedWith400AndNothingIsStored() {
        String id = openAssessment();
        String uri = "/api/assessments/" + id + "/criteria/1.1/levels/basic/approach";
        for (String json : List.of("{\"text\":\"ผู้นำ\\u0000ลับ\",\"baseRevision\":0}",
                                   "{\"text\":\"ครึ่ง\\ud83d\",\"baseRevision\":0}",
                                   "{\"text\":\"\\udc00กลับด้าน\",\"baseRevision\":0}")) {
            expectProblem(client.put().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange(),
                          HttpStatus.BAD_REQUEST, "invalid-input", "text");
        }
        byte[] invalidUtf8 = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xE0, (byte) 0xB8, '"', ',', '"', 'b',
                              'a', 's', 'e', 'R', 'e', 'v', 'i', 's', 'i', 'o', 'n', '"', ':', '0', '}'};
        client.put().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(invalidUtf8).exchange()
              .expectStatus().isBadRequest()
              .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // a whole emoji (a surrogate pair) is of course fine
        client.put().uri(uri).contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{\"text\":\"ครบคู่ \\ud83d\\ude00\",\"baseRevision\":0}").exchange()
              .expectStatus().isOk();
        assertThat(payloads(id)).hasSize(2);
    }

    @Test
    void aBodyNestedAHundredLevelsDeepIsRefusedWith400AndNothingIsStored() {
        String id = openAssessment();
        // well within Jackson's own default (1,000), so only our limit refuses it; the unknown field would be ignored
        String deep = "[".repeat(100) + "]".repeat(100);
        client.put().uri("/api/assessments/" + id + "/criteria/1.1/links").contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{\"profileItems\":[1],\"extra\":" + deep + "}").exchange()
              .expectStatus().isBadRequest()
              .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(payloads(id)).hasSize(1);
    }

    /**
     * A comment thread's event stream is named by its UUID. Before ids were checked, a person whose organization code
     * read like the first four groups of that UUID could send assessment commands to it, and the assessment
     * aggregate would have been loaded from the thread's events.
     */
    @Test
    void anIdThatIsNoAssessmentIdIsNotFoundAndNothingIsStoredUnderIt() {
        String id = openAssessment();
        String threadId = client.post().uri("/api/assessments/" + id + "/comments")
                                .bodyValue(Map.of("section", "profile/1", "text", "ช่วยดูด้วย"))
                                .exchange().expectStatus().isCreated()
                                .expectBody(Map.class).returnResult().getResponseBody().get("threadId").toString();
        WebTestClient lookalike = as(threadId.substring(0, threadId.lastIndexOf('-')));
        long threadEvents = payloads(threadId).size();

        for (String badId : List.of(threadId, "KKN-25670", "KKN", "-2567", "K-2567", "ขอนแก่น-2567")) {
            expectProblem(lookalike.put().uri("/api/assessments/" + badId + "/profile/1")
                                   .contentType(MediaType.APPLICATION_JSON)
                                   .bodyValue(Map.of("text", "แทรก", "baseRevision", 0)).exchange(),
                          HttpStatus.NOT_FOUND, "assessment-not-found", "assessmentId");
        }
        expectProblem(lookalike.put().uri("/api/assessments/" + threadId + "/submission-window")
                               .contentType(MediaType.APPLICATION_JSON)
                               .bodyValue(Map.of("opensAt", "2024-01-01T00:00:00Z", "closesAt", "2030-01-01T00:00:00Z"))
                               .exchange(),
                      HttpStatus.NOT_FOUND, "assessment-not-found", "assessmentId");
        assertThat(payloads(threadId)).hasSize((int) threadEvents);
    }
}
