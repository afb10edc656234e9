package th.pmqa.studio.query.web;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.presence.PresenceBoard;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.AssessmentOpenedEvent;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.OrganizationType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * Bad input to the query service: presence heartbeats (its one JSON body) parsed strictly, time-travel positions
 * that say what is wrong with them, tokens that name nobody. Each answer is a problem naming the field, and
 * neither the presence list nor the event store moves.
 */
@th.pmqa.studio.infra.testing.ServerIndependent
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("strict")));
    }

    private static final String ID = "STR-2567";
    private static final String PRESENCE = "/api/assessments/" + ID + "/presence";

    @Autowired
    ApplicationContext context;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoEventStorageEngine events;
    @Autowired
    PresenceBoard board;
    WebTestClient editor;

    @BeforeAll
    void anAssessmentIsThere() {
        editor = as(claims -> {
        });
        eventStore.publish(new GenericDomainEventMessage<>("Assessment", ID, 0, new AssessmentOpenedEvent(
                new AssessmentId(ID), "STR", "จังหวัด", OrganizationType.PROVINCE, 2567, Catalogs.CURRENT_VERSION,
                new Author("u-lead", "หัวหน้า"), Instant.now())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                editor.get().uri("/api/assessments/" + ID + "/report").exchange().expectStatus().isOk());
    }

    private WebTestClient as(java.util.function.Consumer<Map<String, Object>> change) {
        return WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build()
                .mutateWith(mockJwt().jwt(jwt -> jwt.claims(c -> {
                    c.put("sub", "u-str");
                    c.put("name", "ผู้ทดสอบ");
                    c.put("org", "STR");
                    c.put("roles", List.of("EDITOR"));
                    change.accept(c);
                })));
    }

    private static byte[] bytes(String before, int[] raw, String after) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        for (int b : raw) {
            body.write(b);
        }
        body.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    record Case(String name, Object body, String field) {
    }

    @Test
    void aWellFormedHeartbeatIsStored() {
        editor.put().uri(PRESENCE).contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{\"section\":\"criteria/1.1\",\"activity\":\"viewing\",\"clientId\":\"tab-ok\"}")
              .exchange().expectStatus().isNoContent();
        assertThat(board.people(ID)).anyMatch(p -> p.clientId().equals("tab-ok"));
        editor.delete().uri(PRESENCE + "?clientId=tab-ok").exchange().expectStatus().isNoContent();
    }

    @TestFactory
    List<DynamicTest> aHeartbeatThatIsNotStrictJsonIsRefusedWithAProblemNamingTheField() {
        String tail = ",\"activity\":\"viewing\",\"clientId\":\"tab-1\"}";
        List<Case> cases = List.of(
                new Case("a duplicated key", "{\"clientId\":\"tab-1\",\"clientId\":\"tab-2\",\"activity\":\"viewing\"}",
                         "clientId"),
                new Case("a duplicated section", "{\"section\":\"criteria/1.1\",\"section\":\"profile/1\"" + tail, "section"),
                new Case("trailing garbage", "{\"section\":\"criteria/1.1\"" + tail + " x", "body"),
                new Case("a second JSON value", "{\"section\":\"criteria/1.1\"" + tail + "{}", "body"),
                new Case("overlong UTF-8 (C0 AF for '/')",
                         bytes("{\"section\":\"criteria", new int[]{0xC0, 0xAF}, "1.1\"" + tail), "section"),
                new Case("invalid UTF-8 (a lone continuation byte)",
                         bytes("{\"section\":\"criteria/1.1", new int[]{0x80}, "\"" + tail), "section"));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name() + " → 400 " + c.field(), () -> {
            long before = events.headPosition();
            editor.put().uri(PRESENCE).contentType(MediaType.APPLICATION_JSON).bodyValue(c.body())
                  .exchange()
                  .expectStatus().isBadRequest()
                  .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                  .expectBody()
                  .jsonPath("$.status").isEqualTo(400)
                  .jsonPath("$.detail").exists()
                  .jsonPath("$.field").isEqualTo(c.field());
            assertThat(board.people(ID)).as("nobody is present").isEmpty();
            assertThat(events.headPosition()).as("nothing stored").isEqualTo(before);
        })).toList();
    }

    @TestFactory
    List<DynamicTest> aTokenThatNamesNobodyIsRefusedWith401NotA500() {
        Map<String, java.util.function.Consumer<Map<String, Object>>> tokens = new LinkedHashMap<>();
        tokens.put("no sub", c -> c.remove("sub"));
        tokens.put("a blank sub", c -> c.put("sub", ""));
        tokens.put("an editor without org", c -> c.remove("org"));
        return tokens.entrySet().stream().map(t -> DynamicTest.dynamicTest(t.getKey(), () -> {
            as(t.getValue()).put().uri(PRESENCE).contentType(MediaType.APPLICATION_JSON)
                            .bodyValue("{\"section\":\"criteria/1.1\",\"activity\":\"viewing\",\"clientId\":\"tab-1\"}")
                            .exchange()
                            .expectStatus().isUnauthorized()
                            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .expectBody().jsonPath("$.type").isEqualTo("https://pmqa-studio.example/problems/unauthenticated");
            assertThat(board.people(ID)).as("nobody is present").isEmpty();
        })).toList();
    }

    @TestFactory
    List<DynamicTest> aPositionThatIsNoWholeNumberFromZeroIsRefusedSayingSo() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("/api/assessments/" + ID + "/report?position=-1", "position");
        cases.put("/api/assessments/" + ID + "/report?position=abc", "position");
        cases.put("/api/assessments/" + ID + "/report?position=1.5", "position");
        cases.put("/api/assessments/" + ID + "/report?position=99999999999999999999", "position");
        cases.put("/api/assessments/" + ID + "/report.html?position=-1", "position");
        cases.put("/api/assessments/" + ID + "/report/diff?from=-1&to=1", "from");
        cases.put("/api/assessments/" + ID + "/report/diff?from=0&to=-7", "to");
        return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () ->
                editor.get().uri(c.getKey()).exchange()
                      .expectStatus().isBadRequest()
                      .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                      .expectBody()
                      .jsonPath("$.field").isEqualTo(c.getValue())
                      .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                              .contains("whole number from 0").doesNotContain("ISO-8601 instant such as"))))
                .toList();
    }
}
