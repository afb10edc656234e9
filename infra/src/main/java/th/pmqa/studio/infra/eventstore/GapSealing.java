package th.pmqa.studio.infra.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.pmqa.studio.infra.mongo.BoundedReads;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

import static th.pmqa.studio.infra.eventstore.EventDocument.*;

/**
 * Settles global indexes that stay reserved but unwritten, or half-written, for the seal timeout: their writer died
 * or stalled. Readers deliver in strict global order and wait at such an index; this is what ends the wait without
 * ever passing over an acknowledged event (see {@link MongoEventStorageEngine}). The seal clocks are per engine and
 * shared by all its readers, so a run of dead writers costs one timeout, not one per reader or per writer.
 */
final class GapSealing {

    private static final Logger log = LoggerFactory.getLogger(GapSealing.class);

    private final MongoCollection<Document> events;
    private final Duration sealTimeout;
    private final Clock clock;
    private final Tombstones tombstones;
    /** When each unsettled index was first seen waiting. */
    private final java.util.concurrent.ConcurrentSkipListMap<Long, Instant> unsettledSince =
            new java.util.concurrent.ConcurrentSkipListMap<>();

    private final EventStoreMeters meters;

    GapSealing(MongoCollection<Document> events, Duration sealTimeout, Clock clock, EventStoreMeters meters) {
        this.events = events;
        this.meters = meters;
        this.sealTimeout = sealTimeout;
        this.clock = clock;
        this.tombstones = new Tombstones(events, clock);
    }

    Tombstones tombstones() {
        return tombstones;
    }

    /**
     * Starts the seal clock of every unsettled index in this batch at or after {@code from}, not only of the first, so
     * that a run of dead writers costs one seal timeout rather than one per writer.
     */
    void noteUnsettled(List<Document> documents, long from, CommitVisibility visibility) {
        Instant now = clock.instant();
        long expected = from;
        for (Document d : documents) {
            long index = lng(d, ID);
            if (index < from) {
                continue;
            }
            for (long missing = expected; missing < index; missing++) {
                unsettledSince.putIfAbsent(missing, now);
            }
            if (!d.getBoolean(TOMBSTONE, false) && !visibility.isComplete(d)) {
                unsettledSince.putIfAbsent(index, now);
            }
            expected = index + 1;
        }
    }

    /** Starts the seal clock of the indexes {@code from .. to - 1}: reserved, but nothing of them written yet. */
    void noteUnwritten(long from, long to) {
        Instant now = clock.instant();
        LongStream.range(from, to).forEach(missing -> unsettledSince.putIfAbsent(missing, now));
    }

    /** Readers pass an index only once it is settled, so clocks below it are done with, for every reader. */
    void settledBelow(long index) {
        unsettledSince.headMap(index).clear();
    }

    /**
     * Called when a reader stands at an index that is reserved but not (completely) written. Readers deliver in
     * strict global order, so they wait there; once the index has been waited on for the seal timeout, the reader
     * seals it so that the late writer fails instead of landing an event behind readers' backs.
     *
     * @return whether the index was settled (sealed, aborted or found complete) and reading can go on
     */
    boolean sealIfOverdue(long index) {
        Instant now = clock.instant();
        Instant since = unsettledSince.computeIfAbsent(index, i -> now);
        if (since.plus(sealTimeout).isAfter(now)) {
            return false;
        }
        unsettledSince.remove(index);
        if (tombstones.insertTombstone(index)) {
            meters.sealedOne();
            log.warn("Sealed global index {}: reserved {} ago and never written", index, Duration.between(since, now));
            // The rest of a run of missing indexes has waited as long: seal it now rather than one per poll.
            for (long following = index + 1; ; following++) {
                Instant noted = unsettledSince.get(following);
                if (noted == null || noted.plus(sealTimeout).isAfter(now) || !tombstones.insertTombstone(following)) {
                    break;
                }
                unsettledSince.remove(following);
                meters.sealedOne();
                log.warn("Sealed global index {}: reserved {} ago and never written", following, Duration.between(noted, now));
            }
            return true;
        }
        Document existing = events.find(Filters.eq(ID, index)).first();
        if (existing == null || existing.getBoolean(TOMBSTONE, false)) {
            return true;
        }
        abortCommit(existing);
        return true;
    }

    /** Aborts the commit of {@code member} if it is incomplete and was written longer than the seal timeout ago. */
    void abortIfStale(Document member) {
        Date storedAt = member.getDate(STORED_AT);
        if (storedAt == null || storedAt.toInstant().plus(sealTimeout).isBefore(clock.instant())) {
            abortCommit(member);
        }
    }

    /**
     * Aborts an incomplete commit: its writer died or is stuck. The first missing index is sealed with an insert
     * (never an overwrite), so the writer's own ordered insert fails there; only then are the events it wrote
     * replaced by tombstones, which also frees the aggregate's sequence numbers.
     */
    void abortCommit(Document member) {
        long commit = lng(member, COMMIT_FIRST);
        int size = (int) lng(member, COMMIT_SIZE);
        String commitId = member.getString(COMMIT_ID);
        while (true) {
            Map<Long, String> present = new HashMap<>();
            events.find(Filters.and(Filters.gte(ID, commit), Filters.lte(ID, commit + size - 1)))
                  .projection(new Document(COMMIT_ID, 1))
                  .batchSize(BoundedReads.SMALL_PER_REPLY)
                  .forEach(d -> present.put(lng(d, ID), String.valueOf(d.getString(COMMIT_ID))));
            // The writer's next insert goes to the first index of its range that does not hold its own event.
            Optional<Long> next = LongStream.range(commit, commit + size).boxed()
                                            .filter(i -> !commitId.equals(present.get(i))).findFirst();
            if (next.isEmpty()) {
                return; // the writer finished after all
            }
            if (present.containsKey(next.get()) || tombstones.insertTombstone(next.get())) {
                break; // taken by another document: the writer's insert there fails
            }
        }
        log.warn("Aborting the incomplete commit at global index {} ({} events)", commit, size);
        deleteCommit(commit, size, commitId);
        LongStream.range(commit, commit + size).forEach(tombstones::insertTombstone);
    }

    /**
     * Removes the events of one commit, and only those: should the counter ever hand out a range twice (FerretDB
     * loses concurrent {@code $inc}s), another commit's events may share the range.
     */
    void deleteCommit(long first, int size, String commitId) {
        try {
            events.deleteMany(Filters.and(Filters.gte(ID, first), Filters.lte(ID, first + size - 1),
                                          Filters.eq(COMMIT_ID, commitId)));
        } catch (MongoException e) {
            // Readers never use an incomplete commit and abort it after the gap timeout, so this is only tidiness.
            log.warn("Could not remove the partial commit starting at {}: {}", first, e.getMessage());
        }
    }
}
