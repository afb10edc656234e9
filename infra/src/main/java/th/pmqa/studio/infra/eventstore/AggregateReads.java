package th.pmqa.studio.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import th.pmqa.studio.infra.mongo.BoundedReads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static th.pmqa.studio.infra.eventstore.EventDocument.*;

/**
 * The reads of one aggregate's events: the pages Axon loads an aggregate from, its last sequence number, and for time
 * travel its events between two global positions and its position at an instant. Every read asks for exact stream
 * keys or positions, which every server answers from a unique index, and uses a commit only once it is complete.
 */
final class AggregateReads {

    /**
     * Sequence numbers asked for per read of an aggregate's events. Sorting by sequence is a sort in memory for the
     * server (the keys come from the stream-key index): 128 events stay far below MongoDB's 100 MB limit for one,
     * and a snapshot every 100 events means one read loads an aggregate.
     */
    static final int SEQUENCES_PER_READ = 128;

    private final MongoCollection<Document> events;
    private final GapSealing sealing;
    private final Serializer serializer;
    private final EventUpcaster upcasterChain;

    AggregateReads(MongoCollection<Document> events, GapSealing sealing, Serializer serializer,
                   EventUpcaster upcasterChain) {
        this.events = events;
        this.sealing = sealing;
        this.serializer = serializer;
        this.upcasterChain = upcasterChain;
    }

    /**
     * Reads a page of the aggregate's events, in sequence order: at most {@link #SEQUENCES_PER_READ}, at most
     * {@link BoundedReads#PAGE_BYTES}, one reply of {@link BoundedReads#EVENTS_PER_REPLY} at a time. A short page is
     * no end of the stream: Axon asks again from the next sequence until a read comes back empty.
     */
    List<? extends DomainEventData<?>> fetch(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        int asked = Math.min(batchSize, SEQUENCES_PER_READ);
        List<String> keys = LongStream.range(firstSequenceNumber, firstSequenceNumber + asked)
                                      .mapToObj(sequence -> streamKey(aggregateIdentifier, sequence)).toList();
        List<Document> documents = BoundedReads.page(events.find(Filters.in(STREAM_KEY, keys)).sort(Sorts.ascending(SEQUENCE)),
                                                     BoundedReads.EVENTS_PER_REPLY, asked, BoundedReads.PAGE_BYTES);
        CommitVisibility visibility = new CommitVisibility(events, documents);
        List<DomainEventData<?>> result = new ArrayList<>(documents.size());
        for (Document d : documents) {
            if (!visibility.isComplete(d)) {
                sealing.abortIfStale(d);
                break; // nothing of this aggregate can be committed on top of an unfinished commit
            }
            result.add(toDomainEventData(d));
        }
        return result;
    }

    Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Document last = events.find(Filters.eq(AGGREGATE_ID, aggregateIdentifier))
                              .sort(Sorts.descending(SEQUENCE)).limit(1).projection(new Document(SEQUENCE, 1)).first();
        return Optional.ofNullable(last).map(d -> lng(d, SEQUENCE));
    }

    /**
     * One aggregate's events between two global positions, with their positions, straight from the store: time
     * travel reads these instead of a read model. Unfinished commits are left out, as everywhere: nothing of an
     * aggregate is committed on top of one, so the stream ends there.
     * <p>
     * A stream over cursors, to be closed by the caller. However long the range (an assessment of a thousand 50 KB
     * texts is more than 48 MB, the most one reply may hold), it is read one reply of
     * {@link BoundedReads#EVENTS_PER_REPLY} events at a time and only as fast as the caller consumes it, so a fold
     * over it holds one page of events, never the range. The events are asked for by exact stream keys from the
     * sequence number after {@code afterPosition} on ({@link AggregateRange}), so a request costs the events it
     * reads: a range query would make the embedded server scan and decode the whole store for every request
     * (measured: 1.2 s for 500 events of a 150 MB store).
     */
    Stream<TrackedEventMessage<?>> readBetween(
            String aggregateIdentifier, long afterPosition, long upToPosition) {
        AggregateRange range = new AggregateRange(events, aggregateIdentifier, afterPosition, upToPosition);
        // Visibility is decided a page at a time: a commit's events lie side by side, so a commit cut by a page
        // boundary costs one lookup of its last index.
        java.util.Iterator<List<Document>> pages = BoundedReads.pages(range, BoundedReads.EVENTS_PER_REPLY,
                                                                      BoundedReads.PAGE_BYTES);
        Stream<TrackedDomainEventData<?>> data = java.util.stream.StreamSupport
                .stream(java.util.Spliterators.spliteratorUnknownSize(pages, java.util.Spliterator.ORDERED), false)
                .onClose(range::close)
                .flatMap(page -> {
                    CommitVisibility visibility = new CommitVisibility(events, page);
                    return page.stream().map(d -> visibility.isComplete(d) ? d : null);
                })
                .takeWhile(java.util.Objects::nonNull)
                .map(d -> new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(lng(d, ID), List.of()),
                                                       toDomainEventData(d)));
        return org.axonframework.eventhandling.EventUtils.upcastAndDeserializeTrackedEvents(
                data, serializer, upcasterChain);
    }

    /** The global position of the last event of an aggregate stored at or before {@code instant}, if any. */
    Optional<Long> positionAt(String aggregateIdentifier, Instant instant) {
        Document last = events.find(Filters.and(Filters.eq(AGGREGATE_ID, aggregateIdentifier),
                                                Filters.lte(TIMESTAMP_NANOS, nanosAtMost(instant))))
                              .sort(Sorts.descending(ID)).limit(1).projection(new Document(ID, 1)).first();
        return Optional.ofNullable(last).map(d -> lng(d, ID));
    }
}
