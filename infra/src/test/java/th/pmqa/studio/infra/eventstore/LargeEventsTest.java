package th.pmqa.studio.infra.eventstore;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An aggregate whose events hold 50,000-character Thai texts (~147 KB each in UTF-8), more than 64 MB together: the
 * driver refuses any reply above the server's 48,000,000-byte message size, and the embedded server answers a find
 * with everything that matches unless the client names a batch size. Every read of the engine must still get
 * through, with the batch size the services configure (500).
 */
class LargeEventsTest {

    /** What one text event carries; the engine only sees its JSON. */
    record LargeText(String text) {
    }

    private static final String AGGREGATE = "LARGE-2567";
    /** Another aggregate whose small events lie between the large ones. */
    private static final String OTHER = "OTHER-2567";
    private static final int EVENTS = 480;
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    private static MongoDatabase database;
    private static MongoEventStorageEngine engine;
    private static long storedBytes;

    @BeforeAll
    static void storeMoreThan64Megabytes() {
        // the reader's bounded replies are this engine's code; the embedded server, whose replies are not bounded at
        // all, is its hardest case, and writing 64 MB to FerretDB takes minutes
        MongoTestServer.onlyOnTheEmbeddedServer("the 64 MB reads are tested on the embedded server");
        database = MongoTestServer.freshDatabase("large");
        engine = MongoEventStorageEngine.builder().database(database).batchSize(500)
                                        .eventSerializer(SERIALIZER).snapshotSerializer(SERIALIZER).build();
        String base = thaiText(49_980);
        List<EventMessage<?>> commit = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String text = base + " ฉบับที่ " + i;
            storedBytes += text.getBytes(StandardCharsets.UTF_8).length;
            commit.add(new GenericDomainEventMessage<>("Assessment", AGGREGATE, i, new LargeText(text)));
            if (commit.size() == 10) { // several events per commit, as a unit of work may write
                engine.appendEvents(commit);
                commit.clear();
                engine.appendEvents(new GenericDomainEventMessage<>("Assessment", OTHER, i / 10, new LargeText("อื่น " + i)));
            }
        }
        assertThat(storedBytes).isGreaterThan(64L << 20);
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.drop();
        }
    }

    static String thaiText(int length) {
        String unit = "การพัฒนาคุณภาพการบริหารจัดการภาครัฐ ผู้บริหารกำหนดทิศทางองค์การ ";
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(unit);
        }
        return text.substring(0, length);
    }

    @Test
    void anAggregatesWholeRangeOfMoreThan64MegabytesIsReadToItsEnd() {
        AtomicLong count = new AtomicLong();
        AtomicLong lastPosition = new AtomicLong();
        String[] lastText = new String[1];
        try (Stream<TrackedEventMessage<?>> events = engine.readAggregateBetween(AGGREGATE, 0, Long.MAX_VALUE)) {
            events.forEach(e -> {
                count.incrementAndGet();
                lastPosition.set(e.trackingToken().position().orElseThrow());
                lastText[0] = ((LargeText) e.getPayload()).text();
            });
        }
        assertThat(count.get()).isEqualTo(EVENTS);
        assertThat(lastPosition.get()).isEqualTo(positions().get(EVENTS - 1));
        assertThat(lastText[0]).endsWith(" ฉบับที่ " + (EVENTS - 1));
    }

    /** The global positions of the large aggregate's events, by sequence number, straight from the collection. */
    private static List<Long> positions() {
        List<Long> positions = new ArrayList<>();
        database.getCollection("events").find(com.mongodb.client.model.Filters.eq("aggregateIdentifier", AGGREGATE))
                .projection(new org.bson.Document("_id", 1)).sort(com.mongodb.client.model.Sorts.ascending("sequenceNumber"))
                .forEach(d -> positions.add(((Number) d.get("_id")).longValue()));
        return positions;
    }

    private static List<Long> between(long after, long upTo) {
        try (Stream<TrackedEventMessage<?>> events = engine.readAggregateBetween(AGGREGATE, after, upTo)) {
            return events.map(e -> e.trackingToken().position().orElseThrow()).toList();
        }
    }

    @Test
    void aRangeBetweenTwoPositionsHoldsTheAggregatesEventsAfterTheFirstUpToTheSecond() {
        List<Long> all = positions();
        assertThat(all).hasSize(EVENTS);

        assertThat(between(all.get(99), all.get(299))).isEqualTo(all.subList(100, 300));
        // positions of the other aggregate's events, just after the large aggregate's 100th and 300th
        assertThat(between(all.get(99) + 1, all.get(299) + 1)).isEqualTo(all.subList(100, 300));
        assertThat(between(0, all.get(0) - 1)).isEmpty();
        assertThat(between(all.get(EVENTS - 1), Long.MAX_VALUE)).isEmpty();
        assertThat(between(0, all.get(0))).containsExactly(all.get(0));
    }

    @Test
    void aTrackingReaderGetsEveryLargeEventInOrder() {
        List<Long> positions = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            events.forEach(e -> positions.add(e.trackingToken().position().orElseThrow()));
        }
        assertThat(positions).hasSize(EVENTS + EVENTS / 10).isSorted();
        assertThat(positions.get(positions.size() - 1)).isEqualTo(engine.headPosition());
    }

    @Test
    void anAggregateOfLargeEventsLoadsFromItsEventStream() {
        AtomicLong next = new AtomicLong();
        engine.readEvents(AGGREGATE).asStream().forEach(e -> {
            assertThat(e.getSequenceNumber()).isEqualTo(next.getAndIncrement());
        });
        assertThat(next.get()).isEqualTo(EVENTS);
        DomainEventMessage<?> last = engine.readEvents(AGGREGATE, EVENTS - 1).next();
        assertThat(((LargeText) last.getPayload()).text()).endsWith(" ฉบับที่ " + (EVENTS - 1));
    }
}
