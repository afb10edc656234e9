package th.pmqa.studio.query.projection;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import th.pmqa.studio.infra.testing.Personas;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.AssessmentOpenedEvent;
import th.pmqa.studio.report.OrganizationType;
import th.pmqa.studio.report.ProfileItemDraftedEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static th.pmqa.studio.infra.testing.Personas.SOMSRI;

/**
 * An assessment whose events hold more than 64 MB of text: 520 saves of 50,000-character Thai texts (~150 KB each in
 * UTF-8) over the 29 OP items. The driver takes at most 48,000,000 bytes in one reply, and the embedded server
 * answers a find without a batch size in one reply: time travel, the projector's tracking read and the live tailer
 * each read ranges of these. The events are written straight into the event store (faster than 520 HTTP saves);
 * every read goes through the query service's HTTP endpoints.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"studio.eventstore.fetch-delay=50ms", "studio.live.poll-interval=20ms"})
@Tag("slow")
class LargeTimeTravelTest {

    private static final String DATABASE = MongoTestServer.freshDatabaseName("large");
    private static final int EDITS = 520;
    private static final int ITEMS = 29;
    private static final AssessmentId ID = AssessmentId.of("LARGE", 2567);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(DATABASE));
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoEventStorageEngine engine;

    private final String token = Personas.token(SOMSRI, "LARGE", List.of("LEAD"), Duration.ofMinutes(30));
    private Disposable stream;

    @AfterEach
    void tearDown() {
        if (stream != null) {
            stream.dispose();
        }
        MongoTestServer.client().getDatabase(DATABASE).drop();
    }

    private WebTestClient http() {
        // a report of 29 texts of 50,000 Thai characters is ~4.3 MB of JSON
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                            .codecs(c -> c.defaultCodecs().maxInMemorySize(64 << 20))
                            .responseTimeout(Duration.ofSeconds(60))
                            .defaultHeader("Authorization", "Bearer " + token).build();
    }

    private JsonNode get(String uri) {
        EntityExchangeResult<JsonNode> result = http().get().uri(uri).exchange().expectBody(JsonNode.class).returnResult();
        assertThat(result.getStatus().value()).as("GET %s answered %s", uri, result.getResponseBody()).isEqualTo(200);
        return result.getResponseBody();
    }

    private void append(long sequence, Object payload) {
        engine.appendEvents(new GenericDomainEventMessage<>("Assessment", ID.value(), sequence, payload));
    }

    /**
     * 50,000 Thai digits and a revision number: 3 bytes a character in UTF-8, like Thai letters, but one word token,
     * so the word diffs the fold still computes per text event (issue 11, item 2) cost milliseconds, not the
     * hundreds of a page of Thai prose on two busy cores. This test is about reading large ranges, not diffing.
     */
    static String largeText(int revision) {
        return "๑๒๓๔๕๖๗๘๙๐".repeat(5_000).substring(0, 49_980) + " ฉบับที่ " + revision;
    }

    private static String profileText(JsonNode report, int item) {
        for (JsonNode question : report.get("profile").get("questions")) {
            for (JsonNode i : question.get("items")) {
                if (i.get("number").asInt() == item) {
                    return i.get("text").get("text").asText();
                }
            }
        }
        throw new AssertionError("no OP item " + item);
    }

    @Test
    void anAssessmentOfMoreThan64MegabytesOfEventsTravelsToItsEndAndItsChangesArriveLive() {
        // bounded reads are the services' own code; the embedded server (replies not bounded at all) is their hardest
        // case, and writing 64 MB to FerretDB takes minutes
        MongoTestServer.onlyOnTheEmbeddedServer("the 64 MB travel is tested on the embedded server");
        append(0, new AssessmentOpenedEvent(ID, "LARGE", "จังหวัดทดสอบ", OrganizationType.PROVINCE, 2567,
                                            "pmqa-4.0/2567", SOMSRI, Instant.now()));
        long opened = engine.headPosition();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
               .until(() -> http().get().uri("/api/assessments/" + ID.value() + "/report").exchange()
                                  .returnResult(String.class).getStatus().is2xxSuccessful());

        // the live poller: every section update of the large saves must arrive on the report stream
        List<Long> live = new CopyOnWriteArrayList<>();
        stream = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                          .codecs(c -> c.defaultCodecs().maxInMemorySize(64 << 20))
                          .defaultHeader("Authorization", "Bearer " + token).build()
                          .get().uri("/api/assessments/{id}/stream", ID.value()).accept(MediaType.TEXT_EVENT_STREAM)
                          .retrieve().bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                          })
                          .filter(e -> "section".equals(e.event()))
                          .subscribe(e -> live.add(Long.parseLong(e.id())));

        Map<Integer, String> latest = new HashMap<>();
        Map<Integer, Long> revisions = new HashMap<>();
        long bytes = 0;
        long firstRound = 0;
        for (int i = 0; i < EDITS; i++) {
            int item = 1 + i % ITEMS;
            String text = largeText(i);
            long revision = revisions.merge(item, 1L, Long::sum);
            append(i + 1, new ProfileItemDraftedEvent(ID, item, text, revision, SOMSRI, Instant.now()));
            latest.put(item, text);
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
            if (i == ITEMS - 1) {
                firstRound = engine.headPosition();
            }
        }
        long head = engine.headPosition();
        assertThat(bytes).isGreaterThan(64L << 20);
        String id = ID.value();

        // time travel to the end: first (folds everything, keeps a checkpoint at the 500th event) and again (from it)
        for (int attempt = 0; attempt < 2; attempt++) {
            JsonNode atEnd = get("/api/assessments/" + id + "/report?position=" + head);
            assertThat(atEnd.get("position").asLong()).isEqualTo(head);
            for (int item = 1; item <= ITEMS; item++) {
                assertThat(profileText(atEnd, item)).as("OP item %d", item).isEqualTo(latest.get(item));
            }
        }
        JsonNode asOf = get("/api/assessments/" + id + "/report?asOf=" + Instant.now().plusSeconds(1));
        assertThat(asOf.get("position").asLong()).isEqualTo(head);
        JsonNode diff = get("/api/assessments/" + id + "/report/diff?from=" + firstRound + "&to=" + head);
        assertThat(diff.get("changedSections").size()).isEqualTo(ITEMS);
        JsonNode fromOpening = get("/api/assessments/" + id + "/report/diff?from=" + opened + "&to=" + head);
        assertThat(fromOpening.get("changedSections").size()).isEqualTo(ITEMS);

        // the projector read the same events; the live tailer delivered every change, in order
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
               .until(() -> live.size() >= EDITS);
        assertThat(live).hasSize(EDITS).isSorted().doesNotHaveDuplicates();
        assertThat(live.get(EDITS - 1)).isEqualTo(head);
        JsonNode projected = get("/api/assessments/" + id + "/report");
        assertThat(projected.get("position").asLong()).isEqualTo(head);
    }
}
