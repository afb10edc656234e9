package th.pmqa.studio.query.tracing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/** The read side answers and logs the request id too: in its problems, and when a live stream ends. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class QueryRequestTracingTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("qtracing")));
    }

    @Autowired
    ApplicationContext context;

    private WebTestClient admin() {
        return WebTestClient.bindToApplicationContext(context).apply(springSecurity())
                            .configureClient().responseTimeout(Duration.ofSeconds(30)).build()
                            .mutateWith(mockJwt().jwt(jwt -> jwt.subject("u-admin").claim("roles", List.of("ADMIN"))));
    }

    @Test
    void aReadSidesProblemDetailsCarryTheRequestIdOfTheResponseHeader() {
        admin().get().uri("/api/assessments/QRT-2567/changes").header("X-Request-Id", "read-1032").exchange()
               .expectStatus().isNotFound()
               .expectHeader().valueEquals("X-Request-Id", "read-1032")
               .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
               .expectBody().jsonPath("$.requestId").isEqualTo("read-1032");
    }

    @Test
    void aLiveStreamsAccessLineIsWrittenOnceWhenTheStreamEnds(CapturedOutput output) {
        List<String> first = admin().get().uri("/api/dashboard/stream").header("X-Request-Id", "stream-1032")
                                    .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                                    .expectStatus().isOk()
                                    .returnResult(String.class).getResponseBody().take(1)
                                    .collectList().block(Duration.ofSeconds(30));
        assertThat(first).hasSize(1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(output.getOut().lines().filter(line -> line.contains("requestId=stream-1032")).toList())
                        .singleElement().asString()
                        // the mock server reports a client going away as the end of the body ("completed"); Reactor
                        // Netty as a cancel ("cancelled"): either way one line, when the stream is over
                        .contains("GET /api/dashboard/stream 200").containsAnyOf(" completed ", " cancelled ")
                        .contains("user=u-admin"));
    }
}
