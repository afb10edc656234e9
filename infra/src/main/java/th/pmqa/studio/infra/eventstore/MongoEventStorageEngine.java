package th.pmqa.studio.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.axonframework.common.BuilderUtils.assertNonNull;
import static th.pmqa.studio.infra.eventstore.EventDocument.EVENTS;

/**
 * An Axon event storage engine on the plain MongoDB driver with a gap-aware global order.
 *
 * <h2>Storage</h2>
 * One document per event in {@code events}, whose {@code _id} is the event's global index. A commit (all events of one
 * unit of work) reserves a contiguous range of global indexes with one {@code $inc} on a counter document, then writes
 * its events with one ordered {@code insertMany}: two round trips per command, whatever the number of events.
 * Unique indexes on (aggregate id, sequence) and on the event identifier make a concurrent append fail with a
 * duplicate key, which Axon turns into a {@code ConcurrencyException}.
 *
 * <h2>Atomic commits without transactions</h2>
 * The embedded server and FerretDB have no multi-document transactions, so atomicity is a read-side rule: every event
 * document carries its commit's first index and size, and a reader (tracking or aggregate stream) only ever uses the
 * events of a commit once all of them are present. A writer whose insert fails deletes what it had written. A writer
 * that died half-way leaves an incomplete commit that nobody reads; once it is older than the gap timeout a reader
 * aborts it (see below), which also frees the aggregate's sequence numbers.
 *
 * <h2>Never skipping a committed event, delivering in global order</h2>
 * Global indexes are handed out before the events are written, so a reader can see index 12 before 11 is written.
 * Readers therefore deliver strictly in index order and wait at the first index that is reserved but not completely
 * written (usually for milliseconds). The tokens are {@link GapAwareTrackingToken}s that never need gaps. An index
 * that stays unwritten for the seal timeout (its writer died or stalled) is <em>sealed</em>: the reader inserts a
 * tombstone at it, or at the first missing index of a half-written commit. Writers insert in index order and never
 * overwrite, so a writer that had not reached that index fails with a duplicate key and its command fails. Hence an
 * event is either delivered to every reader, in the same global order, or its commit failed: no reader ever passes
 * over an acknowledged event, whatever the delays or clock skew between writers.
 *
 * <h2>Where each part lives</h2>
 * This class is the Axon-facing shell: it wires the parts and maps Axon's calls onto them. {@link EventDocument}
 * (layout and codec), {@link GlobalIndex} (range reservation, head), {@link CommitWriter} (one commit),
 * {@link CommitVisibility} (the completeness rule), {@link GapSealing} and {@link Tombstones} (settling indexes that
 * stay unwritten), {@link TrackingReads} (global order, tokens), {@link AggregateReads} and {@link AggregateRange}
 * (one aggregate's events), {@link SnapshotStore}, {@link EventIndexes}. The query side sees only
 * {@link EventStoreReads}.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine implements EventStoreReads {

    private final MongoCollection<Document> events;
    private final SnapshotStore snapshots;
    private final GlobalIndex globalIndex;
    private final GapSealing sealing;
    private final TrackingReads tracking;
    private final CommitWriter writer;
    private final AggregateReads aggregates;
    private final EventStoreMeters meters;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(EVENTS);
        this.snapshots = new SnapshotStore(builder.database);
        this.globalIndex = new GlobalIndex(builder.database);
        this.meters = new EventStoreMeters(builder.meterRegistry);
        this.sealing = new GapSealing(events, builder.sealTimeout, builder.clock, meters);
        this.tracking = new TrackingReads(events, globalIndex, sealing, builder.headTokenWindow);
        this.writer = new CommitWriter(events, globalIndex, sealing, builder.clock, builder.beforeInsert, meters);
        // The event serializer and upcasters are the ones super(builder) validated and set.
        this.aggregates = new AggregateReads(events, sealing, getEventSerializer(), upcasterChain);
        if (builder.createIndexes) {
            ensureIndexes();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the indexes the engine relies on; idempotent, so every node may call it at start. */
    public void ensureIndexes() {
        EventIndexes.ensure(events);
    }

    // ---------------------------------------------------------------- writing

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> eventMessages, Serializer serializer) {
        // Axon maps a failure to its exceptions (duplicate key -> ConcurrencyException) in a protected method of the
        // engine: the writer calls it back at the point of failure.
        long start = System.nanoTime();
        boolean ok = false;
        try {
            writer.append(eventMessages, serializer, this::handlePersistenceException);
            ok = true;
        } finally {
            meters.appended(start, ok);
        }
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        snapshots.store(snapshot, serializer);
    }

    // ---------------------------------------------------------------- aggregate streams

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        return aggregates.fetch(aggregateIdentifier, firstSequenceNumber, batchSize);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return snapshots.read(aggregateIdentifier);
    }

    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        // A batch may come back short because an incomplete commit was hidden; ask again rather than stop early.
        return true;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return aggregates.lastSequenceNumberFor(aggregateIdentifier);
    }

    // ---------------------------------------------------------------- reads of the query side

    /** The highest global index reserved so far: how far readers have yet to go. */
    @Override
    public long headPosition() {
        return globalIndex.head();
    }

    @Override
    public Stream<TrackedEventMessage<?>> readAggregateBetween(
            String aggregateIdentifier, long afterPosition, long upToPosition) {
        return aggregates.readBetween(aggregateIdentifier, afterPosition, upToPosition);
    }

    @Override
    public Optional<Long> positionAt(String aggregateIdentifier, Instant instant) {
        return aggregates.positionAt(aggregateIdentifier, instant);
    }

    @Override
    public List<StoredPosition> storedAfter(long position, int limit) {
        return tracking.storedAfter(position, limit);
    }

    // ---------------------------------------------------------------- tracking

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return tracking.fetch(lastToken, batchSize);
    }

    @Override
    public TrackingToken createHeadToken() {
        return tracking.headToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return tracking.tokenAt(dateTime);
    }

    @Override
    public TrackingToken createTailToken() {
        // null means "from the very first index", which also covers commits below the first one still in flight.
        return null;
    }

    /** Builder in Axon's style; the database and serializers are required. */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private Duration sealTimeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();
        private boolean createIndexes = true;
        private int headTokenWindow = 10_000;
        private java.util.function.LongConsumer beforeInsert = first -> {
        };
        /** Where the store's meters go; an empty composite registry (no meters kept) unless one is given. */
        private io.micrometer.core.instrument.MeterRegistry meterRegistry =
                new io.micrometer.core.instrument.composite.CompositeMeterRegistry();

        public Builder() {
            persistenceExceptionResolver(DuplicateKeys::isDuplicateKey);
        }

        public Builder database(MongoDatabase database) {
            assertNonNull(database, "database may not be null");
            this.database = database;
            return this;
        }

        /**
         * How long readers wait at a reserved but unwritten global index before they seal it (default 10 s). A
         * writer slower than that between reserving and writing fails its command rather than lose an event.
         */
        public Builder sealTimeout(Duration sealTimeout) {
            this.sealTimeout = sealTimeout;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Runs between reserving a commit's global indexes and writing its events: lets fault tests delay or kill a
         * writer at the one point where readers can observe a gap.
         */
        public Builder beforeInsert(java.util.function.LongConsumer hook) {
            this.beforeInsert = hook;
            return this;
        }

        /** Append latency, retries and seal-timeout tombstones go to this registry (see MeterNames). */
        public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry meterRegistry) {
            assertNonNull(meterRegistry, "meterRegistry may not be null");
            this.meterRegistry = meterRegistry;
            return this;
        }

        public Builder createIndexes(boolean createIndexes) {
            this.createIndexes = createIndexes;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotFilter(org.axonframework.eventsourcing.snapshotting.SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            assertNonNull(database, "The MongoDatabase is a hard requirement and should be provided");
        }

        public MongoEventStorageEngine build() {
            return new MongoEventStorageEngine(this);
        }
    }
}
