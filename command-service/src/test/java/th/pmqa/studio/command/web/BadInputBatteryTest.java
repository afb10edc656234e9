package th.pmqa.studio.command.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * Bad input of every kind, one request each: the status, a problem-details body naming the field where there is
 * one, and an event store that did not move.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputBatteryTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("battery")));
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MongoEventStorageEngine events;
    WebTestClient client;

    record Case(String name, HttpMethod method, String path, String body, int status, String field) {
    }

    private static final String DRAFT = "/api/assessments/BAT-2567/criteria/1.1/levels/basic/approach";

    @BeforeAll
    void openOneAssessment() {
        client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build()
                .mutateWith(mockJwt().jwt(jwt -> jwt.subject("u-bat").claim("name", "ผู้ทดสอบ").claim("org", "BAT")
                                                    .claim("roles", List.of("LEAD"))));
        client.post().uri("/api/assessments").contentType(MediaType.APPLICATION_JSON)
              .bodyValue(Map.of("organizationCode", "BAT", "organizationName", "จังหวัด", "organizationType", "PROVINCE",
                                "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567"))
              .exchange().expectStatus().isCreated();
    }

    static final List<Case> CASES = List.of(
            new Case("oversize text", HttpMethod.PUT, DRAFT,
                     "{\"text\":\"" + "ก".repeat(50_001) + "\",\"baseRevision\":0}", 413, "text"),
            new Case("malformed JSON", HttpMethod.PUT, DRAFT, "{\"text\":\"ก\",", 400, null),
            new Case("not JSON at all", HttpMethod.PUT, DRAFT, "text=ก", 400, null),
            new Case("a number where text belongs", HttpMethod.PUT, DRAFT, "{\"text\":42,\"baseRevision\":0}", 400, null),
            new Case("text where a revision belongs", HttpMethod.PUT, DRAFT, "{\"text\":\"ก\",\"baseRevision\":\"หนึ่ง\"}", 400, "baseRevision"),
            new Case("a missing revision", HttpMethod.PUT, DRAFT, "{\"text\":\"ก\"}", 400, "baseRevision"),
            new Case("a negative revision", HttpMethod.PUT, DRAFT, "{\"text\":\"ก\",\"baseRevision\":-1}", 400, "baseRevision"),
            new Case("an unknown assessment", HttpMethod.PUT, "/api/assessments/BAT-2600/criteria/1.1/levels/basic/approach",
                     "{\"text\":\"ก\",\"baseRevision\":0}", 404, "assessmentId"),
            new Case("an unknown sub-criterion", HttpMethod.PUT, "/api/assessments/BAT-2567/criteria/9.9/levels/basic/approach",
                     "{\"text\":\"ก\",\"baseRevision\":0}", 404, "criterionId"),
            new Case("an unknown level", HttpMethod.PUT, "/api/assessments/BAT-2567/criteria/1.1/levels/expert/approach",
                     "{\"text\":\"ก\",\"baseRevision\":0}", 404, "level"),
            new Case("an unknown OP item", HttpMethod.PUT, "/api/assessments/BAT-2567/profile/30",
                     "{\"text\":\"ก\",\"baseRevision\":0}", 404, "item"),
            new Case("a score outside the band", HttpMethod.PUT, "/api/assessments/BAT-2567/criteria/1.1/rating",
                     "{\"level\":\"basic\",\"score\":450}", 400, "score"),
            new Case("a fiscal year out of range", HttpMethod.POST, "/api/assessments",
                     "{\"organizationCode\":\"BAT\",\"organizationName\":\"จ\",\"organizationType\":\"PROVINCE\","
                     + "\"fiscalYear\":99999,\"catalogVersion\":\"pmqa-4.0/2567\"}", 400, "fiscalYear"),
            new Case("an unknown organization type", HttpMethod.POST, "/api/assessments",
                     "{\"organizationCode\":\"BAT\",\"organizationName\":\"จ\",\"organizationType\":\"PLANET\","
                     + "\"fiscalYear\":2568,\"catalogVersion\":\"pmqa-4.0/2567\"}", 400, null),
            new Case("an operator where an id belongs", HttpMethod.PUT, "/api/assessments/BAT-2567/criteria/1.1/links",
                     "{\"profileItems\":[{\"$gt\":0}]}", 400, null),
            new Case("a NUL character", HttpMethod.PUT, DRAFT, "{\"text\":\"ก\\u0000\",\"baseRevision\":0}", 400, "text"),
            new Case("a lone surrogate", HttpMethod.PUT, DRAFT, "{\"text\":\"\\ud800\",\"baseRevision\":0}", 400, "text"));

    @TestFactory
    List<DynamicTest> everyKindOfBadInputIsRefusedWithAProblemAndChangesNothing() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name() + " → " + c.status(), () -> {
            long before = events.headPosition();
            var body = client.method(c.method()).uri(c.path()).contentType(MediaType.APPLICATION_JSON).bodyValue(c.body())
                             .exchange()
                             .expectStatus().isEqualTo(c.status())
                             .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                             .expectBody()
                             .jsonPath("$.status").isEqualTo(c.status())
                             .jsonPath("$.type").exists()
                             .jsonPath("$.detail").exists();
            if (c.field() != null) {
                body.jsonPath("$.field").isEqualTo(c.field());
            }
            assertThat(events.headPosition()).as("nothing stored").isEqualTo(before);
        })).toList();
    }

    @Test
    void aPathTheFirewallRefusesGetsAProblemRatherThanAnEmptyAnswer() {
        long before = events.headPosition();
        // an encoded '%' (found by the fuzzer): Spring Security's firewall refuses it before any controller
        client.put().uri(java.net.URI.create("http://localhost/api/assessments/BAT-2567/criteria/1%25/links"))
              .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"profileItems\":[1]}")
              .exchange()
              .expectStatus().isBadRequest()
              .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .expectBody()
              .jsonPath("$.type").isEqualTo("https://pmqa-studio.example/problems/rejected-request")
              .jsonPath("$.field").isEqualTo("path");
        assertThat(events.headPosition()).as("nothing stored").isEqualTo(before);
    }

    @TestFactory
    List<DynamicTest> injectionStringsAreStoredAsTheTextTheyAreAndNothingElse() {
        return List.of("'; DROP TABLE events; --", "{\"$where\":\"sleep(1000)\"}", "<script>alert(1)</script>",
                       "\"><img src=x onerror=alert(1)>", "${jndi:ldap://x/a}", "../../etc/passwd").stream()
                .map(text -> DynamicTest.dynamicTest(text, () -> {
                    String path = "/api/assessments/BAT-2567/criteria/2.1/levels/basic/deploy";
                    long revision = client.put().uri(path).contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("text", "x", "baseRevision", current(path))).exchange()
                            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()
                            .get("revision") instanceof Number n ? n.longValue() : -1;
                    client.put().uri(path).contentType(MediaType.APPLICATION_JSON)
                          .bodyValue(Map.of("text", text, "baseRevision", revision)).exchange().expectStatus().isOk();
                    revisions.put(path, revision + 1);
                })).toList();
    }

    private final Map<String, Long> revisions = new java.util.concurrent.ConcurrentHashMap<>();

    private long current(String path) {
        return revisions.getOrDefault(path, 0L);
    }
}
