package th.pmqa.studio.query.live;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.metrics.MeterNames;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.model.ChangeEntry;
import th.pmqa.studio.query.store.ChangeLogStore;
import th.pmqa.studio.report.Author;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DroppedSubscribersTest {

    private final MongoDatabase database = MongoTestServer.freshDatabase("dropped");
    private final ChangeLogStore log = new ChangeLogStore(database);
    private final AtomicLong floor = new AtomicLong();
    private final LiveChanges live = new LiveChanges(log, floor::get, () -> 10_000, Duration.ofMillis(10));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void tearDown() {
        live.stop();
        database.drop();
    }

    private void store(long from, long to, String assessment) {
        List<ChangeLogStore.PendingChange> changes = new ArrayList<>();
        for (long position = from; position <= to; position++) {
            changes.add(new ChangeLogStore.PendingChange(new ChangeEntry(position, assessment, Instant.now(),
                    new Author("u-1", "สมศรี"), "1.1/basic/approach", "1.1", null, "approach", "แนวทาง", "แก้ไข", "",
                    "ข้อความ " + position, List.of()), Map.of("text", "ข้อความ"), Map.of()));
        }
        log.saveAll(changes);
        floor.set(to);
    }

    private double dropped() {
        return registry.get(MeterNames.LIVE_DROPPED).counter().count();
    }

    @Test
    void aSubscriberThatFallsMoreThan4096ChangesBehindIsLetGoAndCounted() {
        live.countDropsWith(new DroppedSubscribers(registry));
        LiveChanges.Buffered keepsUp = live.bufferFor("KKN-2567");
        List<Long> received = java.util.Collections.synchronizedList(new ArrayList<>());
        keepsUp.changes().subscribe(c -> received.add(c.position()));
        LiveChanges.Buffered slow = live.bufferFor("KKN-2567");
        java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger slowReceived = new java.util.concurrent.atomic.AtomicInteger();
        reactor.core.publisher.BaseSubscriber<Object> slowClient = new reactor.core.publisher.BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
                // a client that takes nothing: its buffer fills up
            }

            @Override
            protected void hookOnNext(Object change) {
                slowReceived.incrementAndGet();
            }

            @Override
            protected void hookOnComplete() {
                ended.set(true);
            }
        };
        slow.changes().subscribe(slowClient);
        assertThat(dropped()).isZero();

        store(1, 4_000, "KKN-2567");
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == 4_000);
        assertThat(dropped()).as("4096 changes may wait").isZero();
        assertThat(ended).isFalse();

        store(4_001, 4_200, "KKN-2567");
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == 4_200);
        assertThat(dropped()).as("the slow one is let go once, the one that keeps up is not").isEqualTo(1);
        slowClient.requestUnbounded(); // the client reads again: what was buffered, then the end of its stream
        await().atMost(Duration.ofSeconds(10)).untilTrue(ended);
        assertThat(slowReceived).hasValue(4_096);
        keepsUp.subscription().dispose();
        slow.subscription().dispose();
    }
}
