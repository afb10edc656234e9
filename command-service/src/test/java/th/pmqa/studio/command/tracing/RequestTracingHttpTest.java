package th.pmqa.studio.command.tracing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/** A complaint can be traced: the request id is answered, logged, in the refusal and in the event it caused. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestTracingHttpTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(DATABASE));
    }

    private static final String DATABASE = MongoTestServer.freshDatabaseName("tracing");

    private static final String HEADER = "X-Request-Id";
    private static final AtomicInteger ORGANIZATIONS = new AtomicInteger();

    @Autowired
    ApplicationContext context;
    @Autowired
    EventStore eventStore;
    @LocalServerPort
    int port;
    @Autowired
    com.mongodb.client.MongoClient mongo;

    private WebTestClient lead(String organization) {
        return WebTestClient.bindToApplicationContext(context).apply(springSecurity())
                            .configureClient().responseTimeout(Duration.ofSeconds(30)).build()
                            .mutateWith(mockJwt().jwt(jwt -> jwt.subject("u-somsri").claim("name", "สมศรี")
                                                               .claim("org", organization).claim("roles", List.of("LEAD"))));
    }

    private static Map<String, Object> open(String organization) {
        return Map.of("organizationCode", organization, "organizationName", "จังหวัดทดสอบ", "organizationType", "PROVINCE",
                      "fiscalYear", 2567, "catalogVersion", "pmqa-4.0/2567");
    }

    @Test
    void aSafeRequestIdSentByTheClientIsEchoed() {
        lead("TRA").get().uri("/api/no-such-thing").header(HEADER, "complaint-10.32_a").exchange()
                   .expectHeader().valueEquals(HEADER, "complaint-10.32_a");
    }

    @Test
    void aRequestWithoutAnIdOrWithAnUnsafeOneGetsANewOne() {
        String absent = lead("TRA").get().uri("/api/no-such-thing").exchange()
                                   .returnResult(String.class).getResponseHeaders().getFirst(HEADER);
        String unsafe = lead("TRA").get().uri("/api/no-such-thing").header(HEADER, "a b\"<script>").exchange()
                                   .returnResult(String.class).getResponseHeaders().getFirst(HEADER);
        String tooLong = lead("TRA").get().uri("/api/no-such-thing").header(HEADER, "x".repeat(65)).exchange()
                                    .returnResult(String.class).getResponseHeaders().getFirst(HEADER);
        assertThat(List.of(absent, unsafe, tooLong)).allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9._-]{8,64}"));
        assertThat(List.of(absent, unsafe, tooLong)).doesNotHaveDuplicates();
    }

    @Test
    void aRefusedCommandsProblemDetailsCarryTheRequestIdOfTheResponseHeader() {
        String organization = "TRB" + ORGANIZATIONS.incrementAndGet();
        lead(organization).post().uri("/api/assessments").bodyValue(open(organization)).exchange().expectStatus().isCreated();
        // the same assessment again: refused as a conflict, nothing stored
        EntityExchangeResult<byte[]> refused = lead(organization).post().uri("/api/assessments").bodyValue(open(organization))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult();
        String id = refused.getResponseHeaders().getFirst(HEADER);
        assertThat(id).isNotBlank();
        assertThat(new String(refused.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"requestId\":\"" + id + "\"");
    }

    @Test
    void aRefusalBySpringSecurityOnTheRealServerCarriesTheIdSentInHeaderAndBody() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                     .post().uri("/api/assessments").header(HEADER, "no-token-1032").bodyValue(open("TRC")).exchange()
                     .expectStatus().isUnauthorized()
                     .expectHeader().valueEquals(HEADER, "no-token-1032")
                     .expectBody().jsonPath("$.requestId").isEqualTo("no-token-1032");
    }

    @Test
    void anAcceptedCommandsEventsCarryTheRequestIdInTheirMetadata() {
        String organization = "TRD" + ORGANIZATIONS.incrementAndGet();
        lead(organization).post().uri("/api/assessments").header(HEADER, "open-" + organization).bodyValue(open(organization))
                          .exchange().expectStatus().isCreated();
        lead(organization).put().uri("/api/assessments/" + organization + "-2567/profile/1")
                          .header(HEADER, "edit-" + organization).contentType(MediaType.APPLICATION_JSON)
                          .bodyValue(Map.of("text", "บรรทัดหนึ่ง\n", "baseRevision", 0)).exchange().expectStatus().isOk();

        List<Object> ids = eventStore.readEvents(organization + "-2567", 0).asStream()
                                     .map(DomainEventMessage::getMetaData).map(metadata -> metadata.get("requestId")).toList();
        assertThat(ids).containsExactly("open-" + organization, "edit-" + organization);
        // what infra/run.sh trace prints for the edit's request
        assertThat(th.pmqa.studio.infra.tools.RequestEvents.find(mongo.getDatabase(DATABASE), "edit-" + organization))
                .singleElement().asString().endsWith(" " + organization + "-2567/1 ProfileItemDraftedEvent");
    }

    @Test
    void oneAccessLineIsWrittenPerRequestWithItsIdStatusAndWhoAsked(CapturedOutput output) {
        String organization = "TRE" + ORGANIZATIONS.incrementAndGet();
        String id = "line-" + organization;
        lead(organization).post().uri("/api/assessments").header(HEADER, id).bodyValue(open(organization))
                          .exchange().expectStatus().isCreated();

        List<String> lines = await(() -> output.getOut().lines().filter(line -> line.contains(id)).toList(),
                                   found -> !found.isEmpty());
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("POST /api/assessments 201").contains("requestId=" + id)
                                .contains("user=u-somsri").contains("org=" + organization).contains(" ms ")
                                // nothing of the body or the token
                                .doesNotContain("จังหวัดทดสอบ").doesNotContain("Bearer");
    }

    /** Polls until the access line (written when the response has completed, after the client saw it) is there. */
    static <T> T await(Supplier<T> value, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T current = value.get();
        while (!done.test(current) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            current = value.get();
        }
        return current;
    }
}
