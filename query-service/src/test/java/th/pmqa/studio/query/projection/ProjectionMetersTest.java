package th.pmqa.studio.query.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.infra.testing.PrometheusScrape;
import th.pmqa.studio.query.store.ReportViewStore;
import th.pmqa.studio.query.model.TestEvents;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/** The projection's lag as Prometheus sees it: an event stored but not projected shows, per segment. */
// tests export no metrics unless asked to
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
                properties = {"studio.eventstore.fetch-delay=50ms", "studio.metrics.projection-interval=100ms"})
class ProjectionMetersTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("lagmeter")));
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ReportViewStore reports;

    private String scrape() {
        return WebTestClient.bindToApplicationContext(context).apply(springSecurity())
                .configureClient().responseTimeout(Duration.ofSeconds(20)).build()
                .mutateWith(mockJwt().jwt(jwt -> jwt.subject("u-admin").claim("roles", List.of("ADMIN"))))
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    /** Summed over the segments: the event lands in one of them, whichever its assessment hashes to. */
    private static double total(String scrape, String name) {
        return PrometheusScrape.value(scrape, name, Map.of("segment", "0"))
               + PrometheusScrape.value(scrape, name, Map.of("segment", "1"));
    }

    @Test
    void theLagGaugeShowsAnEventTheProjectionHasNotProcessedAndReturnsToZero() {
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Assessment", TestEvents.ID.value(), 0, TestEvents.opened())));
        await().atMost(Duration.ofSeconds(60)).until(() -> reports.load(TestEvents.ID.value()).isPresent());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String scrape = scrape();
            return PrometheusScrape.has(scrape, "studio_projection_lag_events")
                   && total(scrape, "studio_projection_lag_events") == 0;
        });

        StreamingEventProcessor processor = processing.eventProcessor(AssessmentProjector.PROCESSING_GROUP,
                                                                     StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        try {
            engine.appendEvents(List.of(new GenericDomainEventMessage<>("Assessment", TestEvents.ID.value(), 1,
                    TestEvents.approach("1.1", th.pmqa.studio.catalog.LevelKind.BASIC, "แนวทาง", 1, TestEvents.SOMCHAI, 1))));
            await().atMost(Duration.ofSeconds(30)).until(() -> total(scrape(), "studio_projection_lag_events") == 1);
            // the pending event ages while nothing projects it
            await().atMost(Duration.ofSeconds(30)).until(() -> total(scrape(), "studio_projection_lag_seconds") > 0);
        } finally {
            processor.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String scrape = scrape();
            return total(scrape, "studio_projection_lag_events") == 0 && total(scrape, "studio_projection_lag_seconds") == 0;
        });
    }
}
