package th.pmqa.studio.infra.eventstore;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several writers append at once while some of them stall or die between reserving their global indexes and writing
 * their events; a tracking processor must still see every acknowledged event exactly once, in global order, and never
 * an event of a commit that failed.
 */
class ConcurrentWritersTest {

    private static final int WRITERS = 6;
    // FerretDB scans a whole collection per query (~40 ms a round trip here): fewer commits keep the run short there.
    private static final int COMMITS_PER_WRITER = "ferretdb".equals(MongoTestServer.serverName()) ? 40 : 120;

    private MongoDatabase database;
    private TrackingEventProcessor processor;

    @BeforeEach
    void setUp() {
        database = MongoTestServer.freshDatabase("concurrent");
    }

    @AfterEach
    void tearDown() {
        if (processor != null) {
            processor.shutDown();
        }
        database.drop();
    }

    private MongoEventStorageEngine engine(boolean withFaults) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return MongoEventStorageEngine.builder()
                .database(database)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .sealTimeout(Duration.ofMillis(500))
                .beforeInsert(first -> {
                    if (!withFaults) {
                        return;
                    }
                    int dice = ThreadLocalRandom.current().nextInt(100);
                    if (dice < 10) {
                        // a slow writer: reserved its indexes, writes them later than writers that came after it
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20 + ThreadLocalRandom.current().nextInt(150)));
                    } else if (dice < 12) {
                        throw new IllegalStateException("writer died after reserving index " + first);
                    } else if (dice < 13) {
                        // stalls past the seal timeout: readers seal its index and its write must fail
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1_500));
                    }
                })
                .build();
    }

    @Test
    void aTrackingProcessorSeesEveryAcknowledgedEventExactlyOnceInGlobalOrderDespiteSlowAndDeadWriters() throws Exception {
        MongoEventStorageEngine writerEngine = engine(true);
        MongoEventStorageEngine readerEngine = engine(false);
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(readerEngine).build();

        List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Long> positions = new java.util.concurrent.CopyOnWriteArrayList<>();
        EventMessageHandler handler = new EventMessageHandler() {
            @Override
            public Object handle(EventMessage<?> event) {
                delivered.add(event.getIdentifier());
                positions.add(((TrackedEventMessage<?>) event).trackingToken().position().orElseThrow());
                return null;
            }
        };
        processor = TrackingEventProcessor.builder()
                .name("witness")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
                .build();
        processor.start();

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            pool.submit(() -> {
                for (int c = 0; c < COMMITS_PER_WRITER; c++) {
                    // writers share a few aggregates, so some appends also collide on (aggregate, sequence)
                    String aggregate = "agg-" + (c % 4) + "-" + (writer % 3);
                    long sequence = readerEngine.lastSequenceNumberFor(aggregate).map(s -> s + 1).orElse(0L);
                    int size = 1 + ThreadLocalRandom.current().nextInt(3);
                    List<GenericDomainEventMessage<String>> commit = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        commit.add(event(aggregate, sequence + i, "w" + writer + "c" + c + "e" + i));
                    }
                    try {
                        writerEngine.appendEvents(commit);
                        commit.forEach(e -> acknowledged.add(e.getIdentifier()));
                    } catch (RuntimeException e) {
                        commit.forEach(ev -> refused.add(ev.getIdentifier()));
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
        assertThat(acknowledged).hasSizeGreaterThan(WRITERS * COMMITS_PER_WRITER / 2);
        assertThat(refused).isNotEmpty();

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
               .untilAsserted(() -> assertThat(Set.copyOf(delivered)).containsAll(acknowledged));

        assertThat(delivered).doesNotHaveDuplicates();
        assertThat(delivered).doesNotContainAnyElementsOf(refused);
        assertThat(positions).isSorted();
        assertThat(Set.copyOf(delivered)).isEqualTo(acknowledged);
    }

    private static GenericDomainEventMessage<String> event(String aggregate, long sequence, String identifier) {
        return new GenericDomainEventMessage<>("Stub", aggregate, sequence, "payload of " + identifier,
                                               java.util.Map.of(), identifier, java.time.Instant.now());
    }

    @Test
    void aCommitHalfWrittenByADeadWriterIsNeverDeliveredAndItsAggregateCanMoveOn() {
        MongoEventStorageEngine engine = engine(false);
        engine.appendEvents(event("a", 0, "first"));
        // what a writer killed inside its ordered insert leaves: a reserved range [2, 3] with only index 2 written
        database.getCollection("event_counters").updateOne(new Document("_id", "global-index"),
                                                           new Document("$inc", new Document("value", 2L)));
        database.getCollection("events").insertOne(new Document("_id", 2L)
                .append("aggregateIdentifier", "a").append("sequenceNumber", 1L).append("streamKey", "a/1").append("type", "Stub")
                .append("eventIdentifier", "half").append("timestamp", "2026-01-01T00:00:00Z")
                .append("timestampNanos", 0L).append("payloadType", "java.lang.String").append("payloadRevision", null)
                .append("payload", "\"x\"").append("metaData", "{}")
                .append("commitFirst", 2L).append("commitSize", 2).append("commitId", "dead-writer")
                .append("storedAt", new Date(0)));
        engine.appendEvents(event("b", 0, "after"));

        assertThat(engine.readEvents("a").asStream().map(EventMessage::getIdentifier)).containsExactly("first");
        // The aggregate stream aborted the stale commit, so "a" can take sequence 1 again.
        engine.appendEvents(event("a", 1, "retried"));

        List<String> tracked = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            tracked.clear();
            engine.readEvents(null, false).forEach(e -> tracked.add(e.getIdentifier()));
            assertThat(tracked).containsExactly("first", "after", "retried");
        });
    }

    @Test
    void aCounterThatHandsOutAUsedIndexCostsARetryNotAFailedCommand() {
        MongoEventStorageEngine engine = engine(false);
        engine.appendEvents(event("a", 0, "e1"), event("a", 1, "e2"));
        // what a lost $inc leaves behind (FerretDB and the embedded server both lose them under concurrency)
        database.getCollection("event_counters").updateOne(new Document("_id", "global-index"),
                                                           new Document("$set", new Document("value", 0L)));

        engine.appendEvents(event("b", 0, "e3"));

        List<String> tracked = new ArrayList<>();
        engine.readEvents(null, false).forEach(e -> tracked.add(e.getIdentifier()));
        assertThat(tracked).containsExactly("e1", "e2", "e3");
    }

    @Test
    void aHeadTokenTakenWhileACommitIsInFlightStillDeliversThatCommit() {
        MongoEventStorageEngine engine = engine(false);
        engine.appendEvents(event("a", 0, "e1"));
        // index 2 is reserved by a writer that has not written it yet; index 3 is already written
        database.getCollection("event_counters").updateOne(new Document("_id", "global-index"),
                                                           new Document("$inc", new Document("value", 1L)));
        engine.appendEvents(event("b", 0, "e3"));

        var head = engine.createHeadToken();

        assertThat(head.position()).hasValue(1L);
        List<String> fromHead = new ArrayList<>();
        engine.readEvents(head, false).forEach(e -> fromHead.add(e.getIdentifier()));
        assertThat(fromHead).isEmpty(); // nothing past the in-flight index yet: order is kept
    }

    @Test
    void aCommitRefusedForAConcurrentAppendLeavesNoIndexForReadersToWaitOn() {
        // a seal timeout far beyond the test's patience: only the writer's own sealing lets readers pass
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database).eventSerializer(serializer)
                .snapshotSerializer(serializer).sealTimeout(Duration.ofHours(1)).build();
        engine.appendEvents(event("a", 0, "e0"), event("a", 1, "e1"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.appendEvents(event("a", 1, "loser")))
                .isInstanceOf(org.axonframework.modelling.command.ConcurrencyException.class);
        engine.appendEvents(event("b", 0, "e3"));

        List<String> tracked = new ArrayList<>();
        engine.readEvents(null, false).forEach(e -> tracked.add(e.getIdentifier()));
        assertThat(tracked).containsExactly("e0", "e1", "e3");
    }

    @Test
    void aDeadWritersReservationLargerThanOneReadBatchIsSealedAndReadingGoesOn() {
        MongoEventStorageEngine engine = engine(false);
        engine.appendEvents(event("a", 0, "e1"));
        // a writer reserved 250 indexes (more than two read batches) and died before writing any of them
        database.getCollection("event_counters").updateOne(new Document("_id", "global-index"),
                                                           new Document("$inc", new Document("value", 250L)));
        engine.appendEvents(event("b", 0, "after"));

        List<String> tracked = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            tracked.clear();
            engine.readEvents(null, false).forEach(e -> tracked.add(e.getIdentifier()));
            assertThat(tracked).containsExactly("e1", "after");
        });
    }

    @Test
    void concurrentCommitsThroughOneEngineLeaveNoGapForReadersToWaitOn() throws Exception {
        // a seal timeout beyond the test's patience: a gap would show as missing events
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database).eventSerializer(serializer)
                .snapshotSerializer(serializer).sealTimeout(Duration.ofHours(1)).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String aggregate = "w" + w;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 150; i++) {
                    engine.appendEvents(event(aggregate, i, aggregate + "-" + i));
                }
            }));
        }
        for (var writer : writers) {
            writer.get();
        }
        pool.shutdown();

        List<String> tracked = new ArrayList<>();
        engine.readEvents(null, false).forEach(e -> tracked.add(e.getIdentifier()));
        assertThat(tracked).hasSize(8 * 150);
    }
}
