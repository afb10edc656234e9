package th.pmqa.studio.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import th.pmqa.studio.infra.mongo.BoundedReads;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.LongStream;

import static th.pmqa.studio.infra.eventstore.EventDocument.*;

/**
 * An aggregate's events after a global position up to another, in order, read by exact stream keys
 * {@link AggregateReads#SEQUENCES_PER_READ} at a time (answered from the unique stream-key index by every server),
 * one reply of {@link BoundedReads#EVENTS_PER_REPLY} at a time. An aggregate's sequence numbers and global positions
 * rise together (a command reserves its positions after loading the events before it), so the range starts
 * at the sequence number after the event at {@code afterPosition} and ends at the first event past
 * {@code upToPosition}, or where the aggregate's events end.
 */
final class AggregateRange implements Iterator<Document> {
    private final MongoCollection<Document> events;
    private final String aggregate;
    private final long after;
    private final long upTo;
    private long nextSequence = -1;
    private long windowEnd;
    private MongoCursor<Document> cursor;
    private Document next;
    private boolean done;

    AggregateRange(MongoCollection<Document> events, String aggregate, long after, long upTo) {
        this.events = events;
        this.aggregate = aggregate;
        this.after = after;
        this.upTo = upTo;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            advance();
        }
        return next != null;
    }

    @Override
    public Document next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Document d = next;
        next = null;
        return d;
    }

    private void advance() {
        if (nextSequence < 0) {
            nextSequence = after <= 0 ? 0 : sequenceAfter(aggregate, after);
        }
        while (!done) {
            if (cursor == null) {
                windowEnd = nextSequence + AggregateReads.SEQUENCES_PER_READ;
                List<String> keys = LongStream.range(nextSequence, windowEnd)
                                              .mapToObj(sequence -> streamKey(aggregate, sequence)).toList();
                cursor = events.find(Filters.in(STREAM_KEY, keys)).sort(Sorts.ascending(SEQUENCE))
                               .batchSize(BoundedReads.EVENTS_PER_REPLY).iterator();
            }
            if (!cursor.hasNext()) {
                cursor.close();
                cursor = null;
                if (nextSequence < windowEnd) {
                    done = true; // the window came back short: the aggregate's events end here
                }
                continue;
            }
            Document d = cursor.next();
            if (lng(d, SEQUENCE) != nextSequence || lng(d, ID) > upTo) {
                close(); // past the range (or a sequence number missing, which no commit leaves)
                return;
            }
            nextSequence++;
            if (lng(d, ID) > after) {
                next = d;
                return;
            }
        }
    }

    void close() {
        done = true;
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }

    /**
     * The sequence number after the aggregate's event at a global position. Time travel always names one of the
     * aggregate's own events (a checkpoint's last event): a lookup by {@code _id}. Any other position costs a query
     * for the aggregate's last event at or before it.
     */
    private long sequenceAfter(String aggregateIdentifier, long position) {
        Document at = events.find(Filters.eq(ID, position)).projection(new Document(AGGREGATE_ID, 1).append(SEQUENCE, 1))
                            .first();
        if (at == null || !aggregateIdentifier.equals(at.getString(AGGREGATE_ID))) {
            at = events.find(Filters.and(Filters.eq(AGGREGATE_ID, aggregateIdentifier), Filters.lte(ID, position)))
                       .sort(Sorts.descending(ID)).limit(1).projection(new Document(SEQUENCE, 1)).first();
        }
        return at == null ? 0 : lng(at, SEQUENCE) + 1;
    }
}
