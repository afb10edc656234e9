package th.pmqa.studio.query.projection;

import com.mongodb.MongoException;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.store.ReportViewStore;
import th.pmqa.studio.query.model.TestEvents;
import th.pmqa.studio.catalog.LevelKind;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * A read model that cannot be written for a while (a full disk, a primary stepping down) stops the projection's
 * segment, shows in its status and health, and once writing works again the event is projected, not skipped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
                properties = {"studio.eventstore.fetch-delay=50ms"})
class ProjectionFailureTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(MongoTestServer.freshDatabaseName("failure")));
    }

    @MockitoSpyBean
    ReportViewStore reports;
    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    ProjectionStatus projection;

    @Test
    void aFailingWriteStopsTheSegmentShowsInStatusAndTheEventIsProjectedOnceWritingWorksAgain() {
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Assessment", TestEvents.ID.value(), 0, TestEvents.opened())));
        await().atMost(Duration.ofSeconds(30)).until(() -> reports.load(TestEvents.ID.value()).isPresent());

        AtomicInteger failures = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        doAnswer(call -> {
            if (broken.get()) {
                failures.incrementAndGet();
                throw new MongoException("disk full");
            }
            return call.callRealMethod();
        }).when(reports).saveAll(any());
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Assessment", TestEvents.ID.value(), 1,
                TestEvents.approach("1.1", LevelKind.BASIC, "แนวทางที่ยังเขียนไม่ได้", 1, TestEvents.SOMCHAI, 1))));

        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(projection.status().get("failing")));
        Map<String, Object> failing = projection.status();
        assertThat(failing.get("caughtUp")).isEqualTo(false);
        assertThat((long) failing.get("lag")).isEqualTo(1);
        assertThat(projection.health().getStatus().getCode()).isEqualTo("DOWN");
        @SuppressWarnings("unchecked")
        List<SegmentStanding> segments = (List<SegmentStanding>) failing.get("segmentStandings");
        assertThat(segments).anySatisfy(s -> {
            assertThat(s.error()).contains("disk full");
            assertThat(s.lag()).isEqualTo(1);
        });

        broken.set(false);
        await().atMost(Duration.ofSeconds(90)).until(() -> reports.load(TestEvents.ID.value())
                .map(state -> state.eventCount).orElse(0L) == 2);
        assertThat(failures.get()).isPositive();
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(projection.status().get("caughtUp")));
        assertThat(projection.status().get("lag")).isEqualTo(0L);
        assertThat(projection.health().getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void aSegmentStuckInABatchShowsItsLagCountedFromTheStoresHead() throws Exception {
        String id = "STK-2567";
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Assessment", id, 0, new th.pmqa.studio.report.AssessmentOpenedEvent(
                new th.pmqa.studio.report.AssessmentId(id), "STK", "จังหวัดทดสอบ", th.pmqa.studio.report.OrganizationType.PROVINCE,
                2567, th.pmqa.studio.catalog.Catalogs.CURRENT_VERSION, TestEvents.SOMCHAI, TestEvents.at(0)))));
        await().atMost(Duration.ofSeconds(30)).until(() -> reports.load(id).isPresent()
                                                         && Boolean.TRUE.equals(projection.status().get("caughtUp")));

        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        doAnswer(call -> {
            entered.countDown();
            release.await(60, java.util.concurrent.TimeUnit.SECONDS);
            return call.callRealMethod();
        }).when(reports).saveAll(any());
        try {
            engine.appendEvents(List.of(new GenericDomainEventMessage<>("Assessment", id, 1, new th.pmqa.studio.report.ApproachDraftedEvent(
                    new th.pmqa.studio.report.AssessmentId(id), TestEvents.c("1.1"), LevelKind.BASIC, "ช้า", 1,
                    TestEvents.SOMCHAI, TestEvents.at(1)))));
            assertThat(entered.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            Map<String, Object> stuck = projection.status();
            assertThat(stuck.get("caughtUp")).isEqualTo(false);
            assertThat(stuck.get("lag")).isEqualTo(1L);
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(projection.status().get("caughtUp")));
        assertThat(projection.status().get("lag")).isEqualTo(0L);
    }
}
