package th.pmqa.studio.query.live;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.model.ChangeEntry;
import th.pmqa.studio.query.model.TextDiff;
import th.pmqa.studio.query.store.ChangeLogStore;
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

    /**
     * A change of a 50,000-character Thai text carries the text before and after, their diff and the section's
     * content: ~600 KB. A hundred of them are more than the 48,000,000 bytes the driver takes in one reply, which is
     * what the embedded server sends for a find without a batch size.
     */
    @Test
    void changesOfLargeTextsThatNoSingleReplyCouldHoldAreAllDelivered() {
        String base = thaiText(49_980);
        List<ChangeLogStore.PendingChange> pending = new java.util.ArrayList<>();
        for (long position = 1; position <= 100; position++) {
            String before = base + " ฉบับที่ " + (position - 1);
            String after = base + " ฉบับที่ " + position;
            ChangeEntry entry = new ChangeEntry(position, "KKN-2567", Instant.now(), new Author("u-1", "สมศรี"),
                                                "criteria/1.1", "1.1", null, "approach", "basic/approach", "แก้ไข",
                                                before, after, diff(base, position));
            pending.add(new ChangeLogStore.PendingChange(entry, Map.of("text", after), Map.of()));
            if (pending.size() == 10) {
                log.saveAll(pending);
                pending.clear();
            }
        }
        live.flux().subscribe(c -> received.add(c.position()));
        floor.set(100);

        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 100);
        assertThat(received).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList());
    }

    @Test
    void aBacklogLongerThanOnePollsWindowIsDeliveredWholeWhenTheFloorJumpsPastIt() {
        AtomicLong head = new AtomicLong(2_000);
        LiveChanges tailer = new LiveChanges(log, floor::get, head::get, Duration.ofMillis(10));
        try {
            tailer.flux().subscribe(c -> received.add(c.position()));
            List<ChangeLogStore.PendingChange> backlog = new java.util.ArrayList<>();
            for (long position = 1; position <= 1_500; position++) {
                ChangeEntry entry = new ChangeEntry(position, "KKN-2567", Instant.now(), new Author("u-1", "สมศรี"),
                                                    "criteria/1.1", "1.1", null, "approach", "basic/approach", "แก้ไข",
                                                    "", "ข้อความ " + position, List.of());
                backlog.add(new ChangeLogStore.PendingChange(entry, Map.of(), Map.of()));
            }
            log.saveAll(backlog);
            floor.set(1_500); // the projection wrote all of it between two polls

            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 1_500);
            assertThat(received).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 1_500).boxed().toList());
        } finally {
            tailer.stop();
        }
    }

    /** What TextDiff makes of the two revisions, spelled out: computing 100 diffs of 50,000 characters is not this test. */
    private static List<TextDiff.Chunk> diff(String base, long position) {
        return List.of(new TextDiff.Chunk(TextDiff.Op.EQUAL, base + " ฉบับที่ "),
                       new TextDiff.Chunk(TextDiff.Op.DELETE, Long.toString(position - 1)),
                       new TextDiff.Chunk(TextDiff.Op.INSERT, Long.toString(position)));
    }

    static String thaiText(int length) {
        String unit = "การพัฒนาคุณภาพการบริหารจัดการภาครัฐ ผู้บริหารกำหนดทิศทางองค์การ ";
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(unit);
        }
        return text.substring(0, length);
    }
}
