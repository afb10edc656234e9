package th.pmqa.studio.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
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

/** Commands over HTTP on the command service; what the query service makes of them, also over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"studio.eventstore.fetch-delay=50ms", "studio.live.poll-interval=20ms",
                              "studio.comments.poll-interval=100ms"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuerySideEndToEndTest {

    private static final AtomicInteger ORGANIZATIONS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> BothServices.MONGODB_URI);
    }

    @LocalServerPort
    int queryPort;
    @Autowired
    MongoDatabase database;

    WebTestClient commands;
    WebTestClient queries;
    String token;
    /** The organization Somsri leads in this test; each test has its own. */
    String code;
    int fiscalYear = 2567;

    @BeforeEach
    void clients() {
        code = "E2E" + ORGANIZATIONS.incrementAndGet() + "X" + System.nanoTime() % 100000;
        token = BothServices.token(SOMSRI, code);
        commands = BothServices.client(BothServices.commandPort(), token);
        queries = BothServices.client(queryPort, token);
    }

    private String open() {
        return commands.post().uri("/api/assessments").contentType(MediaType.APPLICATION_JSON)
                       .bodyValue(Map.of("organizationCode", code, "organizationName", "จังหวัดทดสอบ",
                                         "organizationType", "PROVINCE", "fiscalYear", fiscalYear++,
                                         "catalogVersion", "pmqa-4.0/2567"))
                       .exchange().expectStatus().isCreated()
                       .expectBody(JsonNode.class).returnResult().getResponseBody().get("assessmentId").asText();
    }

    private long draft(String id, String path, String text, long baseRevision) {
        return commands.put().uri("/api/assessments/" + id + path).contentType(MediaType.APPLICATION_JSON)
                       .bodyValue(Map.of("text", text, "baseRevision", baseRevision))
                       .exchange().expectStatus().isOk()
                       .expectBody(JsonNode.class).returnResult().getResponseBody().get("revision").asLong();
    }

    private JsonNode get(String uri) {
        return queries.get().uri(uri).exchange().expectStatus().isOk()
                      .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode awaitReport(String id, java.util.function.Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
            var result = queries.get().uri("/api/assessments/" + id + "/report").exchange()
                                .returnResult(JsonNode.class);
            if (!result.getStatus().is2xxSuccessful()) {
                return false;
            }
            last[0] = result.getResponseBody().blockFirst();
            return until.test(last[0]);
        });
        return last[0];
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

    @Test
    void aCommandOnTheCommandServiceBecomesVisibleOnTheQueryService() {
        String id = open();
        draft(id, "/criteria/1.1/levels/basic/approach", "ผู้บริหารกำหนดทิศทาง ๑๒๓ 👩‍💼", 0);

        JsonNode report = awaitReport(id, r -> criterion(r, "1.1").get("levels").get(0).get("approach").hasNonNull("text"));

        assertThat(criterion(report, "1.1").get("levels").get(0).get("approach").get("text").asText())
                .isEqualTo("ผู้บริหารกำหนดทิศทาง ๑๒๓ 👩‍💼");
        assertThat(report.get("organization").get("name").asText()).isEqualTo("จังหวัดทดสอบ");
        JsonNode dashboard = get("/api/assessments");
        assertThat(dashboard.get("assessments").findValuesAsText("assessmentId")).contains(id);
    }

    @Test
    void aLeadSeesOnlyTheirOwnOrganizationOnTheDashboardAndNothingOfAnotherWhileAFacilitatorSeesBoth() {
        String mine = open();
        String otherCode = code + "B";
        String otherToken = BothServices.token("u-2", "สมชาย", otherCode);
        WebTestClient otherCommands = BothServices.client(BothServices.commandPort(), otherToken);
        String theirs = otherCommands.post().uri("/api/assessments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organizationCode", otherCode, "organizationName", "จังหวัดอื่น", "organizationType",
                                  "PROVINCE", "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("assessmentId").asText();
        WebTestClient facilitator = BothServices.client(queryPort,
                BothServices.token("u-f", "พี่เลี้ยง", "OPDC", List.of("FACILITATOR")));
        await().atMost(PATIENCE).until(() -> facilitator.get().uri("/api/assessments").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("assessments").findValuesAsText("assessmentId").containsAll(List.of(mine, theirs)));

        assertThat(get("/api/assessments").get("assessments").findValuesAsText("assessmentId"))
                .contains(mine).doesNotContain(theirs);
        queries.get().uri("/api/assessments/" + theirs + "/report").exchange().expectStatus().isForbidden();
        queries.get().uri("/api/assessments/" + mine + "/report.html").exchange().expectStatus().isOk()
               .expectHeader().valueEquals("Content-Security-Policy",
                       th.pmqa.studio.infra.security.StudioSecurityAutoConfiguration.CONTENT_SECURITY_POLICY)
               .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
               .expectHeader().valueEquals("X-Frame-Options", "DENY");
        queries.get().uri("/api/assessments/" + theirs + "/changes").exchange().expectStatus().isForbidden();
        // someone else's edit through the command side is refused too
        commands.put().uri("/api/assessments/" + theirs + "/profile/1").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "แอบแก้", "baseRevision", 0)).exchange().expectStatus().isForbidden();
    }

    @Test
    void theHistoryOfASubCriterionShowsAThaiWordDiffThatKeepsToneMarksWhole() {
        String id = open();
        long r1 = draft(id, "/criteria/2.1/levels/advance/deploy", "ผู้นำต้องใส่ใจเรื่องน้ำในพื้นที่", 0);
        draft(id, "/criteria/2.1/levels/advance/deploy", "ผู้นำต้องใส่ใจเรื่องน้ำท่วมในพื้นที่", r1);

        JsonNode[] history = new JsonNode[1];
        // 404 until the projection has seen the assessment
        await().atMost(PATIENCE).ignoreException(AssertionError.class).until(() -> {
            history[0] = get("/api/assessments/" + id + "/criteria/2.1/history");
            return history[0].get("total").asInt() == 2;
        });
        JsonNode second = history[0].get("items").get(1);
        assertThat(second.get("before").asText()).isEqualTo("ผู้นำต้องใส่ใจเรื่องน้ำในพื้นที่");
        assertThat(second.get("after").asText()).isEqualTo("ผู้นำต้องใส่ใจเรื่องน้ำท่วมในพื้นที่");
        List<String> inserted = new ArrayList<>();
        second.get("diff").forEach(c -> {
            if (c.get("op").asText().equals("INSERT")) {
                inserted.add(c.get("text").asText());
            }
        });
        assertThat(inserted).containsExactly("ท่วม");
        assertThat(second.get("author").get("name").asText()).isEqualTo(SOMSRI.name());
    }

    /**
     * Issue 11: a long text rewritten word by word cost the projector ~28 s for the history's word diff (its segment
     * stalled meanwhile), and a stale tab's edit of it ~43 s of merging and a 500. The history shows the change with a
     * diff that gives back both texts, and the stale edit is an ordinary conflict.
     */
    @Test
    void aLongTextRewrittenWordByWordShowsInTheHistoryAndAStaleEditOfItIsAConflict() {
        // a history page holding both versions of a 50,000-character text is larger than the client's default buffer
        queries = queries.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
        String id = open();
        String first = "a ".repeat(25_000);
        String second = "b ".repeat(25_000);
        long r1 = draft(id, "/criteria/3.1/levels/basic/approach", first, 0);
        draft(id, "/criteria/3.1/levels/basic/approach", second, r1);
        commands.put().uri("/api/assessments/" + id + "/criteria/3.1/levels/basic/approach")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "y", "baseRevision", r1))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.theirs").isEqualTo(second).jsonPath("$.yours").isEqualTo("y");

        JsonNode[] history = new JsonNode[1];
        await().atMost(PATIENCE).ignoreException(AssertionError.class).until(() -> {
            history[0] = get("/api/assessments/" + id + "/criteria/3.1/history");
            return history[0].get("total").asInt() == 2;
        });
        JsonNode rewrite = history[0].get("items").get(1);
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        rewrite.get("diff").forEach(c -> {
            if (!c.get("op").asText().equals("INSERT")) {
                before.append(c.get("text").asText());
            }
            if (!c.get("op").asText().equals("DELETE")) {
                after.append(c.get("text").asText());
            }
        });
        assertThat(before.toString()).isEqualTo(first);
        assertThat(after.toString()).isEqualTo(second);
        assertThat(rewrite.get("coarseDiff").asBoolean()).isTrue();
        assertThat(history[0].get("items").get(0).get("coarseDiff").asBoolean()).isFalse();
        assertThat(get("/api/assessments/" + id + "/changes").get("items").findValues("coarseDiff").toString())
                .isEqualTo("[false, false, true]"); // opened, first draft, rewrite
        // time travel to just before the rewrite and to its end
        long position = rewrite.get("position").asLong();
        assertThat(get("/api/assessments/" + id + "/report?position=" + (position - 1)).toString()).contains("a a a");
        assertThat(get("/api/assessments/" + id + "/report?position=" + position).toString()).contains("b b b");
        JsonNode diff = get("/api/assessments/" + id + "/report/diff?from=" + (position - 1) + "&to=" + position);
        assertThat(diff.get("changes").get(0).get("coarseDiff").asBoolean()).isTrue();
    }

    @Test
    void aCommentThreadStartedByAnEditorRepliedByAFacilitatorAndResolvedByALeadShowsOnTheReadSideAndInTheHistory() {
        String id = open();
        long r1 = draft(id, "/criteria/1.1/levels/basic/approach", "ผู้บริหารกำหนดทิศทาง", 0);
        WebTestClient editorCommands = BothServices.client(BothServices.commandPort(),
                BothServices.token("u-ed", "บรรณาธิการ ใจดี", code, List.of("EDITOR")));
        WebTestClient facilitatorCommands = BothServices.client(BothServices.commandPort(),
                BothServices.token("f-9", "วิทยากร กพร.", "OPDC", List.of("FACILITATOR")));
        String question = "ย่อหน้านี้ควรมีตัวอย่าง ๒ เรื่อง @u-12 ช่วยดูค่ะ 👩‍💼";

        JsonNode started = editorCommands.post().uri("/api/assessments/" + id + "/comments")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("section", "criteria/1.1/basic/approach", "text", question))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String threadId = started.get("threadId").asText();
        facilitatorCommands.post().uri("/api/assessments/" + id + "/comments/" + threadId + "/replies")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "เห็นด้วย ควรเพิ่มตัวชี้วัด"))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.commentId").isNotEmpty();
        draft(id, "/criteria/1.1/levels/basic/approach", "ผู้บริหารกำหนดทิศทางและยกตัวอย่าง", r1);
        commands.post().uri("/api/assessments/" + id + "/comments/" + threadId + "/resolve").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RESOLVED");
        commands.post().uri("/api/assessments/" + id + "/comments/" + threadId + "/resolve").exchange()
                .expectStatus().isEqualTo(409);
        // a thread id is no assessment id, even of this assessment
        commands.post().uri("/api/assessments/" + id + "/comments/" + id + "/reopen").exchange()
                .expectStatus().isNotFound();

        JsonNode[] threads = new JsonNode[1];
        await().atMost(PATIENCE).until(() -> {
            threads[0] = get("/api/assessments/" + id + "/comments?section=criteria/1.1/basic/approach");
            return threads[0].get("threads").size() == 1
                   && threads[0].get("threads").get(0).get("status").asText().equals("RESOLVED");
        });
        JsonNode thread = threads[0].get("threads").get(0);
        assertThat(thread.get("threadId").asText()).isEqualTo(threadId);
        assertThat(thread.get("comments").findValuesAsText("text"))
                .containsExactly(question, "เห็นด้วย ควรเพิ่มตัวชี้วัด");
        assertThat(thread.get("comments").get(1).get("author").get("userId").asText()).isEqualTo("f-9");
        assertThat(thread.get("resolvedBy").get("userId").asText()).isEqualTo(SOMSRI.userId());
        assertThat(get("/api/assessments/" + id + "/comments?mentions=u-12").get("threads").findValuesAsText("threadId"))
                .containsExactly(threadId);
        assertThat(get("/api/assessments/" + id + "/comments?mentions=u-13").get("threads")).isEmpty();
        assertThat(get("/api/assessments/" + id + "/comments?status=OPEN").get("threads")).isEmpty();

        JsonNode history = get("/api/assessments/" + id + "/criteria/1.1/history?size=200");
        List<String> kinds = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        history.get("items").forEach(item -> {
            kinds.add(item.get("kind").asText());
            positions.add(item.get("position").asLong());
        });
        assertThat(kinds).containsExactly("APPROACH", "COMMENT", "COMMENT", "APPROACH", "COMMENT_RESOLVED");
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(history.get("total").asInt()).isEqualTo(5);
        assertThat(history.get("items").get(1).get("summary").asText()).contains(threadId, question);
        assertThat(history.get("items").get(1).get("author").get("userId").asText()).isEqualTo("u-ed");
        // a page boundary falls between the two collections' entries and still keeps position order
        JsonNode secondPage = get("/api/assessments/" + id + "/criteria/1.1/history?size=2&page=1");
        assertThat(secondPage.get("items").findValuesAsText("kind")).containsExactly("COMMENT", "APPROACH");

        // a lead of another organization can neither comment nor read the comments
        WebTestClient strangerCommands = BothServices.client(BothServices.commandPort(),
                BothServices.token("u-x", "คนนอก", code + "Z"));
        WebTestClient strangerQueries = BothServices.client(queryPort, BothServices.token("u-x", "คนนอก", code + "Z"));
        strangerCommands.post().uri("/api/assessments/" + id + "/comments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("section", "criteria/1.1/basic/approach", "text", "แอบดู"))
                .exchange().expectStatus().isForbidden();
        strangerCommands.post().uri("/api/assessments/" + id + "/comments/" + threadId + "/reopen")
                .exchange().expectStatus().isForbidden();
        strangerQueries.get().uri("/api/assessments/" + id + "/comments").exchange().expectStatus().isForbidden();
    }

    @Test
    void theReportAtEveryPositionEqualsTheLiveReportRightAfterThatChange() {
        String id = open();
        Map<Long, JsonNode> seen = new LinkedHashMap<>();
        long revision = 0;
        for (int i = 1; i <= 4; i++) {
            revision = draft(id, "/profile/1", "พันธกิจ ฉบับที่ " + i, revision);
            long expectedRevision = revision;
            JsonNode live = awaitReport(id, r -> r.get("profile").get("questions").get(0).get("items").get(0)
                                                   .path("text").path("revision").asLong() == expectedRevision);
            seen.put(live.get("position").asLong(), live);
        }
        seen.forEach((position, live) ->
                assertThat(get("/api/assessments/" + id + "/report?position=" + position)).isEqualTo(live));

        long first = seen.keySet().iterator().next();
        JsonNode diff = get("/api/assessments/" + id + "/report/diff?from=" + first + "&to=" + (first + 1000));
        assertThat(diff.get("changedSections").toString()).contains("profile/1");
    }

    @Test
    void badTimeTravelInputGetsProblemDetails() {
        String id = open();
        awaitReport(id, r -> true);
        queries.get().uri("/api/assessments/" + id + "/report?asOf=yesterday").exchange()
               .expectStatus().isBadRequest()
               .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
               .expectBody().jsonPath("$.field").isEqualTo("asOf");
        queries.get().uri("/api/assessments/" + code + "-2690/report").exchange() // own organization, never opened
               .expectStatus().isNotFound().expectBody().jsonPath("$.status").isEqualTo(404);
        for (String neverOpened : List.of("/report?position=1", "/comments", "/comments/stream")) {
            queries.get().uri("/api/assessments/" + code + "-2690" + neverOpened).exchange()
                   .expectStatus().isNotFound().expectBody().jsonPath("$.field").isEqualTo("id");
        }
        queries.get().uri("/api/assessments/" + id + "/report?asOf=2001-01-01T00:00:00Z").exchange()
               .expectStatus().isNotFound().expectBody().jsonPath("$.field").isEqualTo("asOf");
        // instants whose nanoseconds since 1970 overflow a long (the fuzzer found these answered with 500)
        queries.get().uri("/api/assessments/" + id + "/report?asOf=0002-01-01T00:03:00Z").exchange()
               .expectStatus().isNotFound().expectBody().jsonPath("$.field").isEqualTo("asOf");
        queries.get().uri("/api/assessments/" + id + "/report.html?asOf=9999-12-31T23:59:59Z").exchange()
               .expectStatus().isOk();
    }

    @Test
    void theReportStreamSendsTheCurrentReportThenTheSectionChangedByANewCommand() {
        String id = open();
        awaitReport(id, r -> true);
        Flux<ServerSentEvent<JsonNode>> stream = queries.get().uri("/api/assessments/" + id + "/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody();

        StepVerifier.create(stream)
                    .assertNext(e -> assertThat(e.event()).isEqualTo("report"))
                    .then(() -> draft(id, "/criteria/3.2/summary", "สรุปภาพรวม 3.2", 0))
                    .assertNext(e -> {
                        assertThat(e.event()).isEqualTo("section");
                        assertThat(e.data().get("section").asText()).isEqualTo("criteria/3.2");
                        assertThat(e.data().get("content").get("summary").get("text").asText()).isEqualTo("สรุปภาพรวม 3.2");
                    })
                    .thenCancel()
                    .verify(PATIENCE);
    }

    @Test
    @Order(Integer.MAX_VALUE) // after the rebuild test: a rebuild needs the other instances' processors stopped
    void aSubscriberOnAnotherQueryInstanceGetsTheUpdateToo() {
        String id = open();
        awaitReport(id, r -> true);
        WebTestClient other = BothServices.client(BothServices.secondQueryPort(), token);
        await().atMost(PATIENCE).until(() -> other.get().uri("/api/assessments/" + id + "/report").exchange()
                                                  .returnResult(JsonNode.class).getStatus().is2xxSuccessful());
        Flux<ServerSentEvent<JsonNode>> stream = other.get().uri("/api/assessments/" + id + "/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody();

        StepVerifier.create(stream)
                    .assertNext(e -> assertThat(e.event()).isEqualTo("report"))
                    .then(() -> draft(id, "/profile/9", "กฎหมายที่เกี่ยวข้อง", 0))
                    .assertNext(e -> assertThat(e.data().get("section").asText()).isEqualTo("profile/9"))
                    .thenCancel()
                    .verify(PATIENCE);
    }

    @Test
    void theChangeFeedStreamSendsHistoryFirstThenFollowsLive() {
        String id = open();
        draft(id, "/profile/2", "วิสัยทัศน์", 0);
        awaitReport(id, r -> true);
        await().atMost(PATIENCE).until(() -> get("/api/assessments/" + id + "/changes").get("total").asInt() == 2);
        Flux<ServerSentEvent<JsonNode>> stream = queries.get().uri("/api/assessments/" + id + "/changes/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody();

        StepVerifier.create(stream)
                    .assertNext(e -> assertThat(e.data().get("kind").asText()).isEqualTo("OPENED"))
                    .assertNext(e -> assertThat(e.data().get("after").asText()).isEqualTo("วิสัยทัศน์"))
                    .then(() -> draft(id, "/profile/3", "ค่านิยม", 0))
                    .assertNext(e -> {
                        assertThat(e.data().get("index").asInt()).isEqualTo(3);
                        assertThat(e.data().get("section").asText()).isEqualTo("profile/3");
                    })
                    .thenCancel()
                    .verify(PATIENCE);
    }

    @Test
    void theReviewWorkflowAndTheSubmissionWindowShowInTheReportAndTheSectionHistory() {
        String id = open();
        commands.post().uri("/api/assessments/" + id + "/workflow/1.1/ready").exchange().expectStatus().isOk();
        commands.post().uri("/api/assessments/" + id + "/workflow/1.1/approve").exchange().expectStatus().isOk();
        // the profile goes to review, then someone still edits it: the reviewer must see it changed
        commands.post().uri("/api/assessments/" + id + "/workflow/profile/ready").exchange().expectStatus().isOk();
        draft(id, "/profile/2", "วิสัยทัศน์ แก้หลังส่งทบทวน", 0);
        WebTestClient facilitator = BothServices.client(BothServices.commandPort(),
                BothServices.token("u-f", "พี่เลี้ยง", "OPDC", List.of("FACILITATOR")));
        facilitator.put().uri("/api/assessments/" + id + "/submission-window").contentType(MediaType.APPLICATION_JSON)
                   .bodyValue(Map.of("opensAt", "2026-01-01T00:00:00Z", "closesAt", "2099-01-31T17:00:00Z"))
                   .exchange().expectStatus().isOk();

        JsonNode report = awaitReport(id, r -> !r.path("submissionWindow").isNull() && r.path("submissionWindow").has("closesAt"));
        assertThat(criterion(report, "1.1").get("workflow").asText()).isEqualTo("APPROVED");
        assertThat(criterion(report, "1.2").get("workflow").asText()).isEqualTo("DRAFTING");
        assertThat(report.at("/workflow/approved").asInt()).isEqualTo(1);
        assertThat(report.at("/workflow/sections").asInt()).isEqualTo(19);
        assertThat(report.at("/profile/workflow").asText()).isEqualTo("READY_FOR_REVIEW");
        assertThat(report.at("/profile/changedSinceReady").asBoolean()).isTrue();
        assertThat(criterion(report, "1.1").get("changedSinceReady").asBoolean()).isFalse();
        assertThat(report.at("/workflow/changedSinceReady").asInt()).isEqualTo(1);
        assertThat(report.at("/submissionWindow/closesAt").asText()).isEqualTo("2099-01-31T17:00:00Z");
        assertThat(get("/api/assessments/" + id + "/criteria/1.1/history").get("items").findValuesAsText("kind"))
                .containsSubsequence("SECTION_READY", "SECTION_APPROVED");
    }

    @Test
    void aLabeledVersionCanBeReadAgainAndComparedWithTheLatest() {
        String id = open();
        draft(id, "/profile/1", "พันธกิจ ฉบับแรก", 0);
        commands.post().uri("/api/assessments/" + id + "/labels").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("label", "ร่างครั้งที่ 1 ส่งพี่เลี้ยง")).exchange().expectStatus().isCreated();
        draft(id, "/profile/1", "พันธกิจ ฉบับแก้ตามพี่เลี้ยง", 1);
        awaitReport(id, r -> r.toString().contains("ฉบับแก้ตามพี่เลี้ยง"));

        assertThat(get("/api/assessments/" + id + "/labels").get("labels").findValuesAsText("label"))
                .containsExactly("ร่างครั้งที่ 1 ส่งพี่เลี้ยง");
        JsonNode labeled = queries.get().uri(b -> b.path("/api/assessments/" + id + "/report")
                        .queryParam("label", "ร่างครั้งที่ 1 ส่งพี่เลี้ยง").build())
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(labeled.toString()).contains("พันธกิจ ฉบับแรก").doesNotContain("ฉบับแก้ตามพี่เลี้ยง");
        JsonNode diff = queries.get().uri(b -> b.path("/api/assessments/" + id + "/report/diff")
                        .queryParam("from", "label:ร่างครั้งที่ 1 ส่งพี่เลี้ยง").queryParam("to", "999999999").build())
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(diff.get("changedSections").toString()).contains("profile/1");
        assertThat(get("/api/assessments/" + id + "/changes").get("items").findValuesAsText("kind")).contains("LABEL");
        queries.get().uri(b -> b.path("/api/assessments/" + id + "/report").queryParam("label", "ไม่มีป้ายนี้").build())
               .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.field").isEqualTo("label");
    }

    @Test
    void aHistoryReadWithAMultipartContentTypeButNoBodyIsAnsweredFromItsQueryParameters() {
        String id = open();
        awaitReport(id, r -> true);
        // found by the fuzzer: the filters were bound as a form object, which read the (absent) multipart body: 500
        queries.get().uri("/api/assessments/" + id + "/profile/1/history?page=0&size=20")
               .header("Content-Type", "multipart/form-data").exchange()
               .expectStatus().isOk().expectBody().jsonPath("$.page").isEqualTo(0);
    }

    @Test
    void aCommentStreamOfOpenThreadsShowsAThreadStartingGettingAReplyAndBeingResolved() {
        String id = open();
        awaitReport(id, r -> true);
        WebTestClient editorCommands = BothServices.client(BothServices.commandPort(),
                BothServices.token("u-ed", "บรรณาธิการ ใจดี", code, List.of("EDITOR")));
        Flux<ServerSentEvent<JsonNode>> stream = queries.get().uri("/api/assessments/" + id + "/comments/stream?status=OPEN")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody()
                .filter(e -> e.event() != null);
        String[] threadId = new String[1];

        StepVerifier.create(stream)
                    .assertNext(first -> {
                        assertThat(first.event()).isEqualTo("threads");
                        assertThat(first.data().get("threads")).isEmpty();
                    })
                    .then(() -> threadId[0] = editorCommands.post().uri("/api/assessments/" + id + "/comments")
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("section", "profile/3", "text", "ขอข้อมูลบุคลากร ๒๕๖๖ @u-1"))
                            .exchange().expectStatus().isCreated()
                            .expectBody(JsonNode.class).returnResult().getResponseBody().get("threadId").asText())
                    .assertNext(started -> {
                        assertThat(started.event()).isEqualTo("thread");
                        assertThat(started.data().get("threadId").asText()).isEqualTo(threadId[0]);
                        assertThat(started.data().get("comments").findValuesAsText("text"))
                                .containsExactly("ขอข้อมูลบุคลากร ๒๕๖๖ @u-1");
                        assertThat(started.id()).isEqualTo(started.data().get("position").asText());
                    })
                    .then(() -> commands.post().uri("/api/assessments/" + id + "/comments/" + threadId[0] + "/replies")
                            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "แนบแล้วค่ะ 📎"))
                            .exchange().expectStatus().isCreated())
                    .assertNext(replied -> assertThat(replied.data().get("comments").findValuesAsText("text"))
                            .containsExactly("ขอข้อมูลบุคลากร ๒๕๖๖ @u-1", "แนบแล้วค่ะ 📎"))
                    .then(() -> commands.post().uri("/api/assessments/" + id + "/comments/" + threadId[0] + "/resolve")
                            .exchange().expectStatus().isOk())
                    .assertNext(resolved -> {
                        assertThat(resolved.data().get("status").asText()).isEqualTo("RESOLVED");
                        assertThat(resolved.data().get("resolvedBy").get("userId").asText()).isEqualTo(SOMSRI.userId());
                    })
                    .thenCancel()
                    .verify(PATIENCE);
    }

    @Test
    void aChangeFeedStreamWithNothingToReplayOpensAtOnceWithACommentThenFollowsLive() {
        String id = open();
        awaitReport(id, r -> true);
        await().atMost(PATIENCE).until(() -> get("/api/assessments/" + id + "/changes").get("total").asInt() == 1);
        // found by the fuzzer: with no event to send, the answer's headers never went out and clients timed out
        Flux<ServerSentEvent<JsonNode>> stream = queries.get().uri("/api/assessments/" + id + "/changes/stream?after=999999999")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody();

        StepVerifier.create(stream)
                    .assertNext(e -> {
                        assertThat(e.data()).isNull();
                        assertThat(e.comment()).contains("no changes after 999999999");
                    })
                    .thenCancel()
                    .verify(PATIENCE);
    }

    @Test
    void aLeadsDashboardStreamCarriesNoRowOfAnotherOrganizationWhileThatOrganizationWrites() {
        String mine = open();
        awaitReport(mine, r -> true);
        String otherCode = code + "S";
        WebTestClient otherCommands = BothServices.client(BothServices.commandPort(),
                BothServices.token("u-3", "สมปอง", otherCode));
        String theirs = otherCommands.post().uri("/api/assessments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organizationCode", otherCode, "organizationName", "จังหวัดข้างเคียง",
                                  "organizationType", "PROVINCE", "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("assessmentId").asText();
        Flux<ServerSentEvent<JsonNode>> stream = queries.get().uri("/api/dashboard/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody();

        // Their edits are stored before mine, so the live tailer meets them first: had they passed the filter,
        // they would arrive before my row does.
        StepVerifier.create(stream)
                    .assertNext(first -> assertThat(first.data().get("assessments").findValuesAsText("organizationCode"))
                            .containsOnly(code))
                    .then(() -> {
                        for (int revision = 0; revision < 3; revision++) {
                            otherCommands.put().uri("/api/assessments/" + theirs + "/profile/2")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue(Map.of("text", "ของจังหวัดอื่น " + revision, "baseRevision", revision))
                                    .exchange().expectStatus().isOk();
                        }
                        draft(mine, "/profile/2", "ของเรา", 0);
                    })
                    .thenConsumeWhile(e -> !(e.data().get("assessmentId").asText().equals(mine)
                                             && e.data().get("profileDrafted").asInt() == 1),
                            e -> assertThat(e.data().get("organizationCode").asText()).isEqualTo(code))
                    .assertNext(row -> assertThat(row.data().get("profileDrafted").asInt()).isEqualTo(1))
                    .thenCancel()
                    .verify(PATIENCE);
    }

    @Test
    void theDashboardStreamSendsAllRowsThenTheRowOfTheAssessmentThatChanged() {
        String id = open();
        awaitReport(id, r -> true);
        Flux<ServerSentEvent<JsonNode>> stream = queries.get().uri("/api/dashboard/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody();

        StepVerifier.create(stream)
                    .assertNext(e -> assertThat(e.data().get("assessments").findValuesAsText("assessmentId")).contains(id))
                    .then(() -> draft(id, "/criteria/4.1/levels/basic/result", "ผลลัพธ์", 0))
                    .thenConsumeWhile(e -> !e.data().get("assessmentId").asText().equals(id))
                    .thenCancel()
                    .verify(PATIENCE);
    }

    @Test
    void droppingAndRebuildingTheReadModelsGivesTheSameDocuments() {
        String id = open();
        WebTestClient admin = BothServices.client(queryPort, BothServices.token("u-admin", "ผู้ดูแลระบบ", "OPS", List.of("ADMIN")));
        java.util.function.Function<String, JsonNode> asAdmin = uri -> admin.get().uri(uri).exchange().expectStatus().isOk()
                                                                          .expectBody(JsonNode.class).returnResult().getResponseBody();
        long r = draft(id, "/criteria/5.1/levels/significance/approach", "แนวทาง", 0);
        draft(id, "/criteria/5.1/levels/significance/approach", "แนวทางใหม่", r);
        draft(id, "/profile/7", "รายได้", 0);
        awaitReport(id, report -> true);
        BothServices.client(BothServices.commandPort(), BothServices.token("u-admin", "ผู้ดูแลระบบ", "OPS", List.of("ADMIN")))
             .post().uri("/api/assessments/" + id + "/comments").contentType(MediaType.APPLICATION_JSON)
             .bodyValue(Map.of("section", "profile/7", "text", "ตัวเลขปีใด @u-1"))
             .exchange().expectStatus().isCreated();
        await().atMost(PATIENCE).until(() -> asAdmin.apply("/api/admin/projections").get("lag").asLong() == 0
                                             && get("/api/assessments/" + id + "/changes").get("total").asInt() == 4
                                             && get("/api/assessments/" + id + "/comments").get("threads").size() == 1);
        Map<String, List<Document>> before = readModels();

        admin.post().uri("/api/admin/projections/rebuild").exchange().expectStatus().isAccepted();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
               .until(() -> asAdmin.apply("/api/admin/projections").path("lastRebuild").path("done").asBoolean());

        assertThat(readModels()).isEqualTo(before);
    }

    /**
     * Issue 12: a result with a comparison value and the direction that is better reads in the report (JSON and HTML)
     * with its trend and gaps, is revised in place, shows in the history and in time travel; 7.1.1 is flagged with a
     * count outside the seed's guidance; the suggested links say which are linked already, and link nothing.
     */
    @Test
    void aResultWithAComparisonAndADirectionIsJudgedRevisedInPlaceAndTheSuggestedLinksSayWhatIsLinked() {
        String id = open();
        String results = "/api/assessments/" + id + "/criteria/1.1/levels/basic/results";
        String source = "ค่าเฉลี่ยกลุ่มจังหวัดภาคตะวันออกเฉียงเหนือ ๒๕๖๖ <b>📊</b>";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("indicatorGroup", "7.1.1");
        body.put("name", "ร้อยละความสำเร็จตามคำรับรองการปฏิบัติราชการ");
        body.put("unit", "ร้อยละ");
        body.put("target", 80);
        body.put("values", Map.of("2564", 70, "2565", 72.5, "2566", 78));
        body.put("comparison", Map.of("value", 76.25, "source", source));
        body.put("direction", "higher");
        String resultId = commands.post().uri(results).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("resultId").asText();
        commands.put().uri("/api/assessments/" + id + "/criteria/1.1/links").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("profileItems", List.of(1), "indicatorGroups", List.of("7.1.1")))
                .exchange().expectStatus().isOk();
        // refused, naming the field, and nothing stored
        commands.post().uri(results).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("indicatorGroup", "7.1.1", "name", "ก", "direction", "sideways"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("direction");
        commands.post().uri(results).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("indicatorGroup", "7.1.1", "name", "ก", "comparison", Map.of("value", 1)))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("comparison.source");

        JsonNode report = awaitReport(id, r -> criterion(r, "1.1").get("indicatorGroups").size() == 1);
        JsonNode result = criterion(report, "1.1").at("/levels/0/results/0");
        assertThat(result.get("resultId").asText()).isEqualTo(resultId);
        assertThat(result.at("/comparison/source").asText()).isEqualTo(source);
        assertThat(result.at("/comparison/value").decimalValue()).isEqualByComparingTo("76.25");
        assertThat(result.get("direction").asText()).isEqualTo("higher");
        assertThat(result.at("/trend/movement").asText()).isEqualTo("rising");
        assertThat(result.at("/trend/judgement").asText()).isEqualTo("improving");
        assertThat(result.at("/trend/change").decimalValue()).isEqualByComparingTo("8");
        assertThat(result.at("/targetGap/difference").decimalValue()).isEqualByComparingTo("-2");
        assertThat(result.at("/targetGap/met").asBoolean()).isFalse();
        assertThat(result.at("/comparisonGap/judgement").asText()).isEqualTo("better");
        JsonNode sevenOneOne = report.at("/results/0/indicatorGroups/0");
        assertThat(sevenOneOne.get("id").asText()).isEqualTo("7.1.1");
        assertThat(sevenOneOne.at("/indicatorCount/count").asInt()).isEqualTo(1);
        assertThat(sevenOneOne.at("/indicatorCount/within").asBoolean()).isFalse();
        assertThat(sevenOneOne.at("/indicatorCount/text").asText()).isEqualTo("ไม่น้อยกว่า 2 ตัว ไม่เกิน 3 ตัว");

        // corrected in place: the newest year's value, and the comparison of a later year
        body.put("values", Map.of("2564", 70, "2565", 72.5, "2566", 81));
        commands.put().uri(results + "/" + resultId).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.resultId").isEqualTo(resultId).jsonPath("$.stored").isEqualTo(true);
        commands.put().uri(results + "/" + resultId).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.stored").isEqualTo(false);
        commands.put().uri(results + "/" + java.util.UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isNotFound().expectBody().jsonPath("$.field").isEqualTo("resultId");
        JsonNode revised = awaitReport(id, r -> criterion(r, "1.1").at("/levels/0/results/0/targetGap/met").asBoolean());
        assertThat(criterion(revised, "1.1").at("/levels/0/results").size()).isEqualTo(1);
        assertThat(criterion(revised, "1.1").at("/levels/0/results/0/resultId").asText()).isEqualTo(resultId);
        assertThat(criterion(revised, "1.1").at("/levels/0/results/0/targetGap/difference").decimalValue())
                .isEqualByComparingTo("1");

        JsonNode history = get("/api/assessments/" + id + "/criteria/1.1/history?size=200");
        assertThat(history.get("items").findValuesAsText("kind")).containsExactly("RESULT_ATTACHED", "LINKS", "LINKS",
                                                                                  "RESULT_REVISED");
        assertThat(history.at("/items/0/summary").asText()).contains("ค่าเทียบเคียง 76.25 (ที่มา: " + source + ")");
        assertThat(history.at("/items/3/before").asText()).contains("2566=78");
        assertThat(history.at("/items/3/after").asText()).contains("2566=81", "ยิ่งสูงยิ่งดี");
        assertThat(get("/api/assessments/" + id + "/changes").get("items").findValuesAsText("kind"))
                .contains("RESULT_REVISED");
        // time travel to the attachment: the value as it was
        long attachedAt = history.at("/items/0/position").asLong();
        assertThat(criterion(get("/api/assessments/" + id + "/report?position=" + attachedAt), "1.1")
                           .at("/levels/0/results/0/valuesByFiscalYear/2566").decimalValue()).isEqualByComparingTo("78");
        String html = queries.get().uri("/api/assessments/" + id + "/report.html").exchange().expectStatus().isOk()
                             .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("แนวโน้ม 2564–2566: ดีขึ้น (+11)", "ปี 2566 สูงกว่าเป้าหมาย 1 · บรรลุเป้าหมาย",
                                  "ที่มา: ค่าเฉลี่ยกลุ่มจังหวัดภาคตะวันออกเฉียงเหนือ ๒๕๖๖ &lt;b&gt;📊&lt;/b&gt;",
                                  "<p class=\"guidance flag\">มีตัวชี้วัด 1 ตัว");

        JsonNode suggested = get("/api/assessments/" + id + "/criteria/1.1/links/suggested");
        assertThat(suggested.get("criterionId").asText()).isEqualTo("1.1");
        assertThat(suggested.get("profileItems").findValuesAsText("number")).startsWith("1", "22", "2");
        assertThat(suggested.at("/profileItems/0/linked").asBoolean()).isTrue();
        assertThat(suggested.at("/profileItems/1/linked").asBoolean()).isFalse();
        assertThat(suggested.at("/profileItems/0/title").asText()).isNotBlank();
        JsonNode groups = suggested.get("indicatorGroups");
        assertThat(groups.findValuesAsText("id")).contains("7.1.1", "7.4.1");
        groups.forEach(g -> assertThat(g.get("linked").asBoolean()).as(g.toString())
                                                                 .isEqualTo(g.get("id").asText().equals("7.1.1")));
        queries.get().uri("/api/assessments/" + id + "/criteria/9.9/links/suggested").exchange()
               .expectStatus().isNotFound().expectBody().jsonPath("$.field").isEqualTo("criterionId");
        queries.get().uri("/api/assessments/" + code + "-2690/criteria/1.1/links/suggested").exchange()
               .expectStatus().isNotFound().expectBody().jsonPath("$.field").isEqualTo("id");
        // nothing was linked by asking
        assertThat(criterion(get("/api/assessments/" + id + "/report"), "1.1").get("profileItems").size()).isEqualTo(1);
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

    // Issue 12: the C-I-D worksheet behind the Advance level and the key processes of category 6.

    private JsonNode send(org.springframework.http.HttpMethod method, String uri, Object body, int status) {
        var spec = commands.method(method).uri(uri);
        var exchange = body == null ? spec.exchange()
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        return exchange.expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static Map<String, Object> cidRow(String kind, String data, String output, String process, String need) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", kind);
        row.put("data", data);
        row.put("output", output);
        row.put("process", process);
        row.put("need", need);
        return row;
    }

    private static Map<String, Object> edit(Map<String, Object> row, String field, Object value, long baseRevision) {
        Map<String, Object> edited = new LinkedHashMap<>(row);
        edited.put(field, value);
        edited.put("baseRevision", baseRevision);
        return edited;
    }

    private static JsonNode advance(JsonNode criterion) {
        for (JsonNode level : criterion.get("levels")) {
            if (level.get("level").asText().equals("advance")) {
                return level;
            }
        }
        throw new AssertionError("no advance level in " + criterion);
    }

    @Test
    void aCidRowIsAddedEditedByTwoWritersAndRemovedAndShowsUnderTheAdvanceLevelInTheHistoryAndTheHtmlReport() {
        String id = open();
        String rows = "/api/assessments/" + id + "/criteria/1.1/cid";
        Map<String, Object> row = cidRow("C", "ศวพ.ศก./เกษตร/อบจ./หอการค้า 👩‍🌾 ๑๒๓", "เครือข่ายเกษตรกร",
                                         "การรับรองมาตรฐาน GAP และตราสัญลักษณ์ GI", "เกษตรกร");
        JsonNode added = send(org.springframework.http.HttpMethod.POST, rows, row, 201);
        String rowId = added.get("rowId").asText();
        assertThat(java.util.UUID.fromString(rowId).toString()).isEqualTo(rowId);
        assertThat(added.get("revision").asLong()).isEqualTo(1);

        JsonNode second = send(org.springframework.http.HttpMethod.PUT, rows + "/" + rowId,
                               edit(row, "output", "เครือข่ายเกษตรกรที่เข้มแข็ง", 1), 200);
        assertThat(second.get("revision").asLong()).isEqualTo(2);
        // a colleague still on revision 1 changes another field: merged per field, nothing lost
        JsonNode merged = send(org.springframework.http.HttpMethod.PUT, rows + "/" + rowId,
                               edit(row, "need", "เกษตรกร ผู้บริโภค", 1), 200);
        assertThat(merged.get("merged").asBoolean()).isTrue();
        assertThat(merged.get("revision").asLong()).isEqualTo(3);
        assertThat(merged.at("/row/output").asText()).isEqualTo("เครือข่ายเกษตรกรที่เข้มแข็ง");
        assertThat(merged.at("/row/need").asText()).isEqualTo("เกษตรกร ผู้บริโภค");
        // and one who changed the same field differently gets the row as it stands; nothing is stored
        JsonNode conflict = send(org.springframework.http.HttpMethod.PUT, rows + "/" + rowId,
                                 edit(row, "output", "กลุ่มผู้ประกอบการ", 1), 409);
        assertThat(conflict.get("type").asText()).endsWith("/row-edit-conflict");
        assertThat(conflict.get("currentRevision").asLong()).isEqualTo(3);
        assertThat(conflict.at("/current/output").asText()).isEqualTo("เครือข่ายเกษตรกรที่เข้มแข็ง");
        assertThat(conflict.get("conflictingFields").toString()).isEqualTo("[\"output\"]");
        assertThat(send(org.springframework.http.HttpMethod.POST, rows, cidRow("X", "ข้อมูล", "", "", ""), 400)
                           .get("field").asText()).isEqualTo("kind");
        assertThat(send(org.springframework.http.HttpMethod.PUT, rows + "/" + java.util.UUID.randomUUID(),
                        edit(row, "output", "ใหม่", 1), 404).get("field").asText()).isEqualTo("rowId");
        String removed = send(org.springframework.http.HttpMethod.POST, rows,
                              cidRow("D", "การตลาดออนไลน์ <b>ตัวหนา</b>", "Platform Online", "", ""), 201)
                .get("rowId").asText();
        commands.delete().uri(rows + "/" + removed).exchange().expectStatus().isNoContent();
        commands.delete().uri(rows + "/" + removed).exchange().expectStatus().isNotFound();

        await().atMost(PATIENCE).until(() -> get("/api/assessments/" + id + "/changes").get("total").asInt() == 6);
        JsonNode feed = get("/api/assessments/" + id + "/changes?limit=50").get("items");
        long last = feed.get(feed.size() - 1).get("position").asLong();
        // the report view is written after the change log: wait for it to reach the last change
        JsonNode report = awaitReport(id, r -> r.get("position").asLong() >= last);
        JsonNode cid = advance(criterion(report, "1.1")).get("cid");
        assertThat(cid).hasSize(1);
        assertThat(cid.get(0).get("rowId").asText()).isEqualTo(rowId);
        assertThat(cid.get(0).get("kind").asText()).isEqualTo("C");
        assertThat(cid.get(0).get("data").asText()).isEqualTo("ศวพ.ศก./เกษตร/อบจ./หอการค้า 👩‍🌾 ๑๒๓");
        assertThat(cid.get(0).get("need").asText()).isEqualTo("เกษตรกร ผู้บริโภค");
        assertThat(cid.get(0).get("revision").asLong()).isEqualTo(3);
        assertThat(advance(criterion(report, "1.2")).get("cid")).isEmpty();

        JsonNode history = get("/api/assessments/" + id + "/criteria/1.1/history");
        assertThat(history.get("items").findValuesAsText("kind"))
                .containsExactly("CID_ROW_ADDED", "CID_ROW_EDITED", "CID_ROW_EDITED", "CID_ROW_ADDED", "CID_ROW_REMOVED");
        JsonNode outputEdit = history.get("items").get(1);
        assertThat(outputEdit.get("summary").asText()).contains("ตาราง C-I-D", "Collaboration");
        assertThat(outputEdit.get("revision").asLong()).isEqualTo(2);
        StringBuilder inserted = new StringBuilder();
        outputEdit.get("diff").forEach(c -> {
            assertThat(c.get("op").asText()).isNotEqualTo("DELETE");
            if (c.get("op").asText().equals("INSERT")) {
                inserted.append(c.get("text").asText());
            }
        });
        assertThat(inserted.toString()).isEqualTo("ที่เข้มแข็ง");
        assertThat(history.get("items").get(2).get("merge").get("baseRevision").asLong()).isEqualTo(1);

        // time travel: right after the row was added, it held its first output
        long addedAt = history.get("items").get(0).get("position").asLong();
        JsonNode then = get("/api/assessments/" + id + "/report?position=" + addedAt);
        assertThat(advance(criterion(then, "1.1")).get("cid").get(0).get("output").asText()).isEqualTo("เครือข่ายเกษตรกร");
        JsonNode diff = get("/api/assessments/" + id + "/report/diff?from=" + addedAt + "&to=" + report.get("position").asLong());
        assertThat(diff.get("changes").findValuesAsText("what")).contains("cid");

        String html = queries.get().uri("/api/assessments/" + id + "/report.html").exchange().expectStatus().isOk()
                             .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("<th>4.0 Performance</th><th>ระบุข้อมูล</th><th>ผลผลิตที่จะเกิดขึ้น</th>"
                                  + "<th>กระบวนการที่เกี่ยวข้องกับ C I D</th><th>ตอบสนองความต้องการ</th>",
                                  "ศวพ.ศก./เกษตร/อบจ./หอการค้า 👩‍🌾 ๑๒๓", "Collaboration");
    }

    private static Map<String, Object> keyProcess(String name, String stage) {
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("name", name);
        process.put("nationalStrategy", "ด้านการสร้างความสามารถในการแข่งขัน");
        process.put("objectives", "1. เพื่อให้ข้อมูลข่าวสารแก่นักท่องเที่ยว\n2. เพื่อสร้างรายได้จากการท่องเที่ยว");
        process.put("competitiveness", "การบูรณาการข้อมูลจากทุกหน่วยงานไว้ใน Application เดียว");
        process.put("outputs", "นักท่องเที่ยวได้รับความปลอดภัย");
        process.put("successFactors", "การคมนาคม การเดินทาง");
        process.put("leadingIndicators", "จำนวนการเกิดอุบัติเหตุของนักท่องเที่ยวลดลง");
        process.put("stage", stage);
        return process;
    }

    @Test
    void keyProcessesAreListedInCategorySixLinkedFromItsSubCriteriaAndUnlinkedWhenRemoved() {
        String id = open();
        String processes = "/api/assessments/" + id + "/key-processes";
        Map<String, Object> tourism = keyProcess("การส่งเสริมการท่องเที่ยว Surat Smart Gateway 🏝", "midstream");
        String kept = send(org.springframework.http.HttpMethod.POST, processes, tourism, 201).get("processId").asText();
        String gone = send(org.springframework.http.HttpMethod.POST, processes,
                           keyProcess("พัฒนาทุเรียนพันธุ์ใหม่ ๒๓๘", "upstream"), 201).get("processId").asText();
        assertThat(send(org.springframework.http.HttpMethod.POST, processes, keyProcess("ไม่มีช่วง", "sideways"), 400)
                           .get("field").asText()).isEqualTo("stage");
        assertThat(send(org.springframework.http.HttpMethod.POST, processes, keyProcess(" ", "upstream"), 400)
                           .get("field").asText()).isEqualTo("name");
        JsonNode links = send(org.springframework.http.HttpMethod.PUT, "/api/assessments/" + id + "/criteria/6.2/links",
                              Map.of("keyProcesses", List.of(kept, gone)), 200);
        assertThat(links.get("keyProcesses").toString()).isEqualTo("[\"" + kept + "\",\"" + gone + "\"]");
        assertThat(send(org.springframework.http.HttpMethod.PUT, "/api/assessments/" + id + "/criteria/1.1/links",
                        Map.of("keyProcesses", List.of(kept)), 400).get("field").asText()).isEqualTo("keyProcesses");
        assertThat(send(org.springframework.http.HttpMethod.PUT, "/api/assessments/" + id + "/criteria/6.3/links",
                        Map.of("keyProcesses", List.of("ไม่มี")), 400).get("field").asText()).isEqualTo("keyProcesses[0]");
        JsonNode edited = send(org.springframework.http.HttpMethod.PUT, processes + "/" + kept,
                               edit(tourism, "leadingIndicators",
                                    "จำนวนการเกิดอุบัติเหตุของนักท่องเที่ยวลดลง\nร้อยละความพึงพอใจเพิ่มขึ้น", 1), 200);
        assertThat(edited.get("revision").asLong()).isEqualTo(2);
        commands.delete().uri(processes + "/" + gone).exchange().expectStatus().isNoContent();

        JsonNode report = awaitReport(id, r -> criterion(r, "6.1").path("keyProcesses").size() == 1
                                               && criterion(r, "6.2").path("linkedKeyProcesses").size() == 1);
        JsonNode listed = criterion(report, "6.1").get("keyProcesses").get(0);
        assertThat(listed.get("processId").asText()).isEqualTo(kept);
        assertThat(listed.get("name").asText()).isEqualTo("การส่งเสริมการท่องเที่ยว Surat Smart Gateway 🏝");
        assertThat(listed.get("stage").asText()).isEqualTo("midstream");
        assertThat(listed.get("leadingIndicators").asText()).endsWith("\nร้อยละความพึงพอใจเพิ่มขึ้น");
        assertThat(criterion(report, "6.2").get("linkedKeyProcesses").findValuesAsText("processId")).containsExactly(kept);
        assertThat(criterion(report, "1.1").has("linkedKeyProcesses")).isFalse();
        JsonNode history = get("/api/assessments/" + id + "/criteria/6.1/history");
        assertThat(history.get("items").findValuesAsText("kind"))
                .containsExactly("KEY_PROCESS_ADDED", "KEY_PROCESS_ADDED", "KEY_PROCESS_EDITED", "KEY_PROCESS_REMOVED");
        assertThat(history.get("items").get(3).get("summary").asText()).contains("กระบวนการหลัก", "6.2");
        String html = queries.get().uri("/api/assessments/" + id + "/report.html").exchange().expectStatus().isOk()
                             .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("ชื่อกระบวนการหลัก", "กลางทาง", "การส่งเสริมการท่องเที่ยว Surat Smart Gateway 🏝");

        // key processes are part of 6.1's review: once 6.1 is approved they refuse edits until it is reopened
        commands.post().uri("/api/assessments/" + id + "/workflow/6.1/ready").exchange().expectStatus().isOk();
        commands.post().uri("/api/assessments/" + id + "/workflow/6.1/approve").exchange().expectStatus().isOk();
        assertThat(send(org.springframework.http.HttpMethod.POST, processes, keyProcess("อีกกระบวนการ", "downstream"), 409)
                           .get("type").asText()).endsWith("/section-approved");
    }

    @Test
    void theReportStreamSendsTheSubCriterionWhoseCidRowWasAdded() {
        String id = open();
        awaitReport(id, r -> true);
        Flux<ServerSentEvent<JsonNode>> stream = queries.get().uri("/api/assessments/" + id + "/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody();

        StepVerifier.create(stream)
                    .assertNext(e -> assertThat(e.event()).isEqualTo("report"))
                    .then(() -> send(org.springframework.http.HttpMethod.POST, "/api/assessments/" + id + "/criteria/3.2/cid",
                                     cidRow("I", "ระบบตรวจสอบย้อนกลับด้วย QR-Code", "", "", ""), 201))
                    .assertNext(e -> {
                        assertThat(e.event()).isEqualTo("section");
                        assertThat(e.data().get("section").asText()).isEqualTo("criteria/3.2");
                        assertThat(e.data().at("/change/kind").asText()).isEqualTo("CID_ROW_ADDED");
                        assertThat(advance(e.data().get("content")).get("cid").get(0).get("data").asText())
                                .isEqualTo("ระบบตรวจสอบย้อนกลับด้วย QR-Code");
                    })
                    .thenCancel()
                    .verify(PATIENCE);
    }

    @Test
    void cidRowsAndKeyProcessesComeBackTheSameFromARebuild() {
        String id = open();
        WebTestClient admin = BothServices.client(queryPort, BothServices.token("u-admin", "ผู้ดูแลระบบ", "OPS", List.of("ADMIN")));
        java.util.function.Function<String, JsonNode> asAdmin = uri -> admin.get().uri(uri).exchange().expectStatus().isOk()
                                                                          .expectBody(JsonNode.class).returnResult().getResponseBody();
        String rowId = send(org.springframework.http.HttpMethod.POST, "/api/assessments/" + id + "/criteria/2.1/cid",
                            cidRow("D", "ระบบฐานข้อมูลเพื่อการบริหารจัดการ", "ฐานข้อมูลกลาง", "", "ผู้บริหาร"), 201)
                .get("rowId").asText();
        send(org.springframework.http.HttpMethod.PUT, "/api/assessments/" + id + "/criteria/2.1/cid/" + rowId,
             edit(cidRow("D", "ระบบฐานข้อมูลเพื่อการบริหารจัดการ", "ฐานข้อมูลกลาง", "", "ผู้บริหาร"), "process",
                  "การเก็บรวบรวมข้อมูล", 1), 200);
        String processId = send(org.springframework.http.HttpMethod.POST, "/api/assessments/" + id + "/key-processes",
                                keyProcess("การบริหารจัดการน้ำ", "upstream"), 201).get("processId").asText();
        send(org.springframework.http.HttpMethod.PUT, "/api/assessments/" + id + "/criteria/6.3/links",
             Map.of("keyProcesses", List.of(processId)), 200);
        await().atMost(PATIENCE).until(() -> asAdmin.apply("/api/admin/projections").get("lag").asLong() == 0
                                             && get("/api/assessments/" + id + "/changes").get("total").asInt() == 5);
        Map<String, List<Document>> before = readModels();

        admin.post().uri("/api/admin/projections/rebuild").exchange().expectStatus().isAccepted();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
               .until(() -> asAdmin.apply("/api/admin/projections").path("lastRebuild").path("done").asBoolean());

        assertThat(readModels()).isEqualTo(before);
        assertThat(before.get(ReportViewStore.COLLECTION).toString()).contains("ระบบฐานข้อมูลเพื่อการบริหารจัดการ",
                                                                           "การบริหารจัดการน้ำ");
    }
}
