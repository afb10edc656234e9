package th.pmqa.studio.query.faults;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import th.pmqa.studio.infra.testing.DevelopmentTokens;
import th.pmqa.studio.command.CommandServiceApplication;
import th.pmqa.studio.query.QueryServiceApplication;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.testing.ServiceProcess;
import th.pmqa.studio.report.ApproachDraftedEvent;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * MongoDB stopped and started again under load (the embedded server, which this test can stop itself): writes and
 * reads alike are answered at once with a 503 problem and {@code Retry-After}, not a 500 or a hang.
 */
@Tag("slow")
class MongoOutageTest {

    private static final String TOKEN = DevelopmentTokens.mint(
            "u-outage", "ผู้ทดสอบ", "DOWN", List.of("LEAD"), Duration.ofHours(1));

    @Test
    void whileMongoDbIsAwayCommandsAndReadsFailFastWith503AndNothingAcknowledgedIsLost() throws Exception {
        assumeThat(MongoTestServer.serverName()).as("only the embedded server can be stopped by the test").isEqualTo("embedded");
        Path file = Files.createTempFile("outage", ".mv");
        Files.delete(file);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        MongoServer mongo = new MongoServer(new H2Backend(file.toString()));
        mongo.bind("127.0.0.1", port);
        String uri = "mongodb://127.0.0.1:" + port + "/outage";
        String id;
        EditLoad load;
        try (ServiceProcess command = ServiceProcess.start(CommandServiceApplication.class, uri);
             ServiceProcess query = ServiceProcess.start(QueryServiceApplication.class, uri)) {
            command.awaitHealthy();
            query.awaitHealthy();
            WebClient http = WebClient.builder().baseUrl(command.baseUrl())
                                      .defaultHeader("Authorization", "Bearer " + TOKEN).build();
            WebClient reads = WebClient.builder().baseUrl(query.baseUrl())
                                       .defaultHeader("Authorization", "Bearer " + TOKEN).build();
            id = EditLoad.openAssessment(http, "DOWN");
            String opened = id;
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    reads.get().uri("/api/assessments/{id}/report", opened).retrieve().toBodilessEntity()
                         .block(Duration.ofSeconds(10)).getStatusCode().value() == 200);
            load = EditLoad.start(http, id, List.of("1.1", "2.1", "3.1"));
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledgedCount() >= 30);

            mongo.shutdownNow(); // a clean stop: the H2 file keeps everything written so far
            WebClient plain = WebClient.create(command.baseUrl());
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                    plain.get().uri("/actuator/health").exchangeToMono(r -> r.bodyToMono(String.class)).block()
                         .startsWith("{\"status\":\"DOWN\""));
            long t0 = System.nanoTime();
            WebClientResponseException refused = http.put().uri("/api/assessments/{id}/profile/1", id)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "พันธกิจ", "baseRevision", 0))
                    .exchangeToMono(r -> r.createError()).onErrorResume(WebClientResponseException.class, e -> reactor.core.publisher.Mono.just(e))
                    .cast(WebClientResponseException.class).block(Duration.ofSeconds(20));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(refused.getStatusCode().value()).isEqualTo(503);
            assertThat(refused.getHeaders().getFirst("Retry-After")).isNotBlank();
            assertThat(seconds).as("failing fast, not hanging").isLessThan(10);

            for (String read : List.of("/api/assessments/{id}/report", "/api/assessments/{id}/report?position=1",
                                       "/api/assessments/{id}/criteria/1.1/history", "/api/assessments/{id}/changes",
                                       "/api/assessments/{id}/presence", "/api/assessments/{id}/comments",
                                       "/api/assessments")) {
                long r0 = System.nanoTime();
                var answer = reads.get().uri(read, id)
                        .exchangeToMono(r -> r.toEntity(String.class)).block(Duration.ofSeconds(20));
                double readSeconds = (System.nanoTime() - r0) / 1e9;
                assertThat(answer.getStatusCode().value()).as(read + " answered " + answer.getBody()).isEqualTo(503);
                assertThat(answer.getHeaders().getFirst("Retry-After")).as(read).isNotBlank();
                assertThat(answer.getHeaders().getContentType()).as(read).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(answer.getBody()).as(read).contains("\"status\":503")
                                            .contains("https://pmqa-studio.example/problems/storage-unavailable");
                assertThat(readSeconds).as(read + ": failing fast, not hanging").isLessThan(10);
            }

            mongo = new MongoServer(new H2Backend(file.toString()));
            mongo.bind("127.0.0.1", port);
            command.awaitHealthy();
            query.awaitHealthy();
            assertThat(reads.get().uri("/api/assessments/{id}/report", id).retrieve().toBodilessEntity()
                            .block(Duration.ofSeconds(20)).getStatusCode().value()).isEqualTo(200);
            int beforeRestart = load.acknowledgedCount();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledgedCount() >= beforeRestart + 30);
            load.close();
        }
        assertThat(load.refusedAsUnavailable()).isPositive();

        load.assertAllStored(MongoClients.create(uri).getDatabase("outage"), id);
        mongo.shutdownNow();
    }
}
