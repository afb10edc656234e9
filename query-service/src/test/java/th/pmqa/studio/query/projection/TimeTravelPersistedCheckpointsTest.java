package th.pmqa.studio.query.projection;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.eventstore.EventStoreReads;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.eventstore.StoredPosition;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.store.ChangeLogStore;
import th.pmqa.studio.query.store.DashboardStore;
import th.pmqa.studio.query.store.ReportCheckpointStore;
import th.pmqa.studio.query.store.ReportViewStore;
import th.pmqa.studio.query.view.ReportJson;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.AssessmentOpenedEvent;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.OrganizationType;
import th.pmqa.studio.report.ProfileItemDraftedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Time travel's checkpoints outlive the node that folded them, and never those of another fold. */
class TimeTravelPersistedCheckpointsTest {

    private static final AssessmentId ID = AssessmentId.of("KKN", 2567);
    private static final Author AUTHOR = new Author("u-1", "สมศรี ใจดี");
    /** With the opening event, 1,101 events: checkpoints after the 500th and the 1,000th. */
    private static final int EDITS = 1_100;

    private final MongoDatabase database = MongoTestServer.freshDatabase("persisted_checkpoints");
    private final MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database)
            .eventSerializer(JacksonSerializer.defaultSerializer()).snapshotSerializer(JacksonSerializer.defaultSerializer())
            .build();
    private final CountingReads counting = new CountingReads(engine);

    private void storeEdits() {
        List<EventMessage<?>> commit = new ArrayList<>();
        commit.add(new GenericDomainEventMessage<>("Assessment", ID.value(), 0, new AssessmentOpenedEvent(
                ID, "KKN", "จังหวัดขอนแก่น", OrganizationType.PROVINCE, 2567, "pmqa-4.0/2567", AUTHOR, Instant.now())));
        for (int i = 1; i <= EDITS; i++) {
            commit.add(new GenericDomainEventMessage<>("Assessment", ID.value(), i, new ProfileItemDraftedEvent(
                    ID, 1 + i % 29, "บริบทขององค์การ ฉบับที่ " + i, 1 + i / 29, AUTHOR, Instant.now())));
            if (commit.size() == 100) {
                engine.appendEvents(commit);
                commit.clear();
            }
        }
        engine.appendEvents(commit);
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    @Test
    void aNewNodeAnswersFromTheStoredCheckpointWithoutFoldingFromTheStart() {
        storeEdits(); // on every server: the store's reads and writes are plain finds, replacements and deletes
        TimeTravel first = new TimeTravel(engine, Long.MAX_VALUE, new ReportCheckpointStore(database));
        String atEnd = json(first.latest(ID.value()));
        long middle = 750;
        String atMiddle = json(new TimeTravel(engine).atPosition(ID.value(), middle)); // folded from zero, no store

        TimeTravel newNode = new TimeTravel(counting, Long.MAX_VALUE, new ReportCheckpointStore(database));
        assertThat(json(newNode.latest(ID.value()))).isEqualTo(atEnd);
        assertThat(counting.read.get()).as("events read after the 1,000th event's checkpoint").isEqualTo(EDITS + 1 - 1_000);

        TimeTravel anotherNewNode = new TimeTravel(counting, Long.MAX_VALUE, new ReportCheckpointStore(database));
        counting.read.set(0);
        assertThat(json(anotherNewNode.atPosition(ID.value(), middle))).isEqualTo(atMiddle);
        assertThat(counting.read.get()).as("events read after the 500th event's checkpoint").isLessThan(500);
        assertThat(database.getCollection(ReportCheckpointStore.COLLECTION)
                           .countDocuments(Filters.eq("assessmentId", ID.value()))).isEqualTo(2);
    }

    @Test
    void aCheckpointOfAnotherFoldVersionIsIgnoredAndDropped() {
        MongoTestServer.onlyOnTheEmbeddedServer("the versioning is the store's own logic; FerretDB runs the test above");
        storeEdits();
        ReportState stale = new TimeTravel(engine).atPosition(ID.value(), 1_000).orElseThrow();
        stale.organizationName = "folded by older code";
        new ReportCheckpointStore(database, "0-older").saveAll(ID.value(), Map.of(stale.position, ReportJson.write(stale)));
        String atEnd = json(new TimeTravel(engine).latest(ID.value()));

        TimeTravel newNode = new TimeTravel(counting, Long.MAX_VALUE, new ReportCheckpointStore(database));

        assertThat(json(newNode.latest(ID.value()))).isEqualTo(atEnd).doesNotContain("folded by older code");
        assertThat(counting.read.get()).as("folded from the start").isEqualTo(EDITS + 1);
        assertThat(database.getCollection(ReportCheckpointStore.COLLECTION).countDocuments(Filters.eq("fold", "0-older")))
                .as("replaced by this version's").isZero();
    }

    @Test
    void aRebuildOfTheReadModelsDropsTheStoredCheckpoints() {
        MongoTestServer.onlyOnTheEmbeddedServer("dropping a collection is tested on every server by the rebuild tests");
        storeEdits();
        new TimeTravel(engine, Long.MAX_VALUE, new ReportCheckpointStore(database)).latest(ID.value());
        assertThat(database.getCollection(ReportCheckpointStore.COLLECTION).countDocuments()).isPositive();

        new AssessmentProjector(new ReportViewStore(database), new ChangeLogStore(database), new DashboardStore(database),
                                new ReportCheckpointStore(database)).reset();

        assertThat(database.getCollection(ReportCheckpointStore.COLLECTION).countDocuments()).isZero();
    }

    private static String json(Optional<ReportState> state) {
        return ReportJson.write(state.orElseThrow());
    }

    /** The event store, counting the events a fold reads from it. */
    private record CountingReads(EventStoreReads reads, AtomicLong read) implements EventStoreReads {

        CountingReads(EventStoreReads reads) {
            this(reads, new AtomicLong());
        }

        @Override
        public long headPosition() {
            return reads.headPosition();
        }

        @Override
        public List<StoredPosition> storedAfter(long position, int limit) {
            return reads.storedAfter(position, limit);
        }

        @Override
        public Optional<Long> positionAt(String aggregateIdentifier, Instant instant) {
            return reads.positionAt(aggregateIdentifier, instant);
        }

        @Override
        public Stream<TrackedEventMessage<?>> readAggregateBetween(String aggregateIdentifier, long afterPosition,
                                                                   long upToPosition) {
            return reads.readAggregateBetween(aggregateIdentifier, afterPosition, upToPosition)
                    .peek(message -> read.incrementAndGet());
        }
    }
}
