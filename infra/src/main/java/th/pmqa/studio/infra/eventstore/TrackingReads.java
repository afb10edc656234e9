package th.pmqa.studio.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import th.pmqa.studio.infra.mongo.BoundedReads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static th.pmqa.studio.infra.eventstore.EventDocument.*;

/**
 * The reads in global order: what tracking processors are fed, the tokens they start from, and what a segment has
 * yet to process. Delivery is strictly in index order and waits at the first index that is reserved but not
 * completely written, so no reader ever passes over an event that will still be committed.
 */
final class TrackingReads {

    private final MongoCollection<Document> events;
    private final GlobalIndex globalIndex;
    private final GapSealing sealing;
    private final int headTokenWindow;

    TrackingReads(MongoCollection<Document> events, GlobalIndex globalIndex, GapSealing sealing, int headTokenWindow) {
        this.events = events;
        this.globalIndex = globalIndex;
        this.sealing = sealing;
        this.headTokenWindow = headTokenWindow;
    }

    /**
     * The next events after {@code lastToken}, in global order, stopping at the first index not yet settled; an
     * index overdue for the seal timeout is sealed first (see {@link GapSealing}).
     */
    List<? extends TrackedEventData<?>> fetch(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
        long next = token == null ? 1 : token.getIndex() + 1;
        List<TrackedEventData<?>> result = new ArrayList<>();
        if (token != null && token.hasGaps()) {
            // Tokens of this engine never carry gaps; one that does was built elsewhere (e.g. by hand): resume at
            // its lowest gap, accepting redelivery over skipping.
            next = token.getGaps().first();
            token = next <= 1 ? null : GapAwareTrackingToken.newInstance(next - 1, List.of());
        }
        GapAwareTrackingToken current = token;
        while (true) {
            long head = globalIndex.head();
            int size = windowSize(next, head, batchSize);
            List<Document> documents = window(next, size);
            CommitVisibility visibility = new CommitVisibility(events, documents);
            boolean blocked = false;
            if (documents.isEmpty() && head >= next) {
                // Reserved but nothing written in the whole window: a writer is slow or died with a large commit.
                sealing.noteUnwritten(next, Math.min(head + 1, next + batchSize));
                blocked = true;
            }
            for (Document d : documents) {
                long index = lng(d, ID);
                if (index != next) {
                    blocked = true; // index `next` is reserved by a commit that has not written it (yet)
                    break;
                }
                if (d.getBoolean(TOMBSTONE, false)) {
                    // A sealed index will never hold an event: move past it without delivering anything.
                    current = GapAwareTrackingToken.newInstance(index, List.of());
                } else if (visibility.isComplete(d)) {
                    current = GapAwareTrackingToken.newInstance(index, List.of());
                    result.add(new TrackedDomainEventData<>(current, toDomainEventData(d)));
                } else {
                    blocked = true; // part of a commit whose last event is not written yet
                    break;
                }
                next = index + 1;
            }
            if (blocked) {
                sealing.noteUnsettled(documents, next, visibility);
                if (result.isEmpty() && sealing.sealIfOverdue(next)) {
                    continue; // the unsettled index is settled now; read on from it
                }
                return result;
            }
            sealing.settledBelow(next);
            if (!result.isEmpty() || documents.size() < size) {
                return result;
            }
            // A full window of tombstones: read on, or a reader would take the empty batch for "nothing new".
        }
    }

    /**
     * How many indexes to ask for from {@code next}: up to the head, so that a reader at the head (every processor,
     * every {@code fetch-delay}) asks for a few ids rather than a whole batch, plus {@value #HEAD_SLACK} beyond it: on
     * FerretDB a lost {@code $inc} can leave the counter below a written index, and the slack still reads on from
     * there, as the indexes are contiguous.
     */
    static int windowSize(long next, long head, int batchSize) {
        return (int) Math.min(batchSize, Math.max(0, head - next + 1) + HEAD_SLACK);
    }

    /** Indexes asked for beyond the head. */
    static final int HEAD_SLACK = 64;

    /**
     * The documents at global indexes {@code from .. from + size - 1}, in index order, cut at
     * {@link BoundedReads#PAGE_BYTES} (500 events of 50,000 Thai characters would be 75 MB): a short window is no end
     * of the stream, the reader asks again from where it stopped. Asked as a list of exact {@code _id}s rather than a
     * range: every server answers that from the {@code _id} index, where the embedded server would scan the whole
     * collection for a range, so reading stays as cheap at a million events as at ten.
     */
    private List<Document> window(long from, int size) {
        List<Long> ids = LongStream.range(from, from + size).boxed().toList();
        return BoundedReads.page(events.find(Filters.in(ID, ids)).sort(Sorts.ascending(ID)),
                                 BoundedReads.EVENTS_PER_REPLY, size, BoundedReads.PAGE_BYTES);
    }

    /**
     * The events stored after {@code position} (tombstones left out), in position order, reading at most
     * {@code limit} positions (up to the head, {@link GlobalIndex#head()}): what a tracking segment at that position has
     * yet to process. Read by exact positions, like the tracking reads, so it costs the same on every server.
     */
    List<StoredPosition> storedAfter(long position, int limit) {
        long head = globalIndex.head();
        List<StoredPosition> stored = new ArrayList<>();
        int chunk = 1000;
        for (long from = position + 1; from <= head && from <= position + limit; from += chunk) {
            int size = (int) Math.min(chunk, Math.min(head, position + limit) - from + 1);
            List<Long> ids = LongStream.range(from, from + size).boxed().toList();
            // The exact ids alone in the filter, tombstones left out here: the embedded server answers a query from
            // its _id index only when the query is on exactly that key; "and not a tombstone" made it scan the whole
            // store, ten times per status request near the head (measured: most of its CPU during a rebuild).
            events.find(Filters.in(ID, ids))
                  .projection(new Document(ID, 1).append(AGGREGATE_ID, 1).append(TOMBSTONE, 1).append(STORED_AT, 1))
                  .batchSize(chunk)
                  .forEach(d -> {
                      if (!d.getBoolean(TOMBSTONE, false)) {
                          stored.add(new StoredPosition(lng(d, ID), d.getString(AGGREGATE_ID),
                                  d.getDate(STORED_AT) == null ? null : d.getDate(STORED_AT).toInstant()));
                      }
                  });
        }
        stored.sort(java.util.Comparator.comparingLong(StoredPosition::position));
        return stored;
    }

    /** A token at the last index written, or lower while a commit below it is in flight. */
    TrackingToken headToken() {
        Document last = events.find().sort(Sorts.descending(ID)).limit(1).projection(new Document(ID, 1)).first();
        return last == null ? null : settledUpTo(lng(last, ID));
    }

    /** A token just before the first event stored at or after {@code dateTime}; the head token if none is. */
    TrackingToken tokenAt(Instant dateTime) {
        Document first = events.find(Filters.and(Filters.gte(TIMESTAMP_NANOS, toNanos(dateTime)), Filters.ne(TOMBSTONE, true)))
                               .sort(Sorts.ascending(ID)).limit(1).projection(new Document(ID, 1)).first();
        if (first == null) {
            return headToken();
        }
        long index = lng(first, ID);
        return index <= 1 ? null : settledUpTo(index - 1);
    }

    /**
     * A token at {@code index}, or lower if a commit below it is still in flight: a token taken while a slow commit
     * is being written must not pass over that commit. Only the last {@code headTokenWindow} indexes are checked.
     */
    private GapAwareTrackingToken settledUpTo(long index) {
        long from = Math.max(1, index - headTokenWindow);
        List<Document> recent = events.find(Filters.and(Filters.gte(ID, from), Filters.lte(ID, index)))
                                      .projection(new Document(COMMIT_FIRST, 1).append(COMMIT_SIZE, 1).append(COMMIT_ID, 1).append(TOMBSTONE, 1))
                                      .sort(Sorts.ascending(ID))
                                      .batchSize(BoundedReads.SMALL_PER_REPLY)
                                      .into(new ArrayList<>());
        CommitVisibility visibility = new CommitVisibility(events, recent);
        long expected = from;
        for (Document d : recent) {
            long i = lng(d, ID);
            if (i != expected || !(d.getBoolean(TOMBSTONE, false) || visibility.isComplete(d))) {
                break;
            }
            expected = i + 1;
        }
        long settled = expected - 1;
        return settled < 1 ? null : GapAwareTrackingToken.newInstance(settled, List.of());
    }
}
