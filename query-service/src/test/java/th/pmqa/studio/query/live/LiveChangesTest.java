package th.pmqa.studio.query.live;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.history.ChangeEntry;
import th.pmqa.studio.query.history.ChangeLogStore;
import th.pmqa.studio.report.Author;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LiveChangesTest {

    private final MongoDatabase database = MongoTestServer.freshDatabase("live");
    private final ChangeLogStore log = new ChangeLogStore(database);
    /** The lowest position every segment of the projection has stored. */
    private final AtomicLong floor = new AtomicLong();
    private final LiveChanges live = new LiveChanges(log, floor::get, () -> 1_000, Duration.ofMillis(10));
    private final List<Long> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        live.stop();
        database.drop();
    }

    private void store(long position, String assessment) {
        ChangeEntry entry = new ChangeEntry(position, assessment, Instant.now(), new Author("u-1", "สมศรี"), "1.1/basic/approach",
                                            "1.1", null, "approach", "แนวทาง", "แก้ไข", "", "ข้อความ " + position, List.of());
        log.saveAll(List.of(new ChangeLogStore.PendingChange(entry, Map.of("text", "ข้อความ"), Map.of())));
    }

    @Test
    void aChangeThatTheOtherSegmentStoresLateAtALowerPositionIsStillDelivered() {
        live.flux().subscribe(c -> received.add(c.position()));
        store(10, "KKN-2567");
        floor.set(10);
        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains(10L));

        store(12, "NMA-2567");               // segment B is ahead
        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains(12L));
        store(11, "KKN-2567");               // segment A stores its change later
        floor.set(12);

        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains(11L));
        store(13, "KKN-2567");
        floor.set(13);
        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains(13L));
        assertThat(received).containsExactly(10L, 12L, 11L, 13L); // each once
    }

    @Test
    void aSubscriberFindsInTheLiveStreamEverythingStoredAfterItSubscribed() {
        store(1, "KKN-2567");
        floor.set(1);
        await().pollDelay(Duration.ofMillis(50)).atMost(Duration.ofSeconds(5)).until(() -> true);

        live.flux().subscribe(c -> received.add(c.position()));
        store(2, "KKN-2567");
        floor.set(2);

        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains(2L));
        assertThat(received).containsExactly(2L);
    }
}
