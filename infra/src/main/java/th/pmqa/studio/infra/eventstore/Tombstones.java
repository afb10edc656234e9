package th.pmqa.studio.infra.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Date;
import java.util.stream.LongStream;

import static th.pmqa.studio.infra.eventstore.DuplicateKeys.isDuplicateKey;
import static th.pmqa.studio.infra.eventstore.EventDocument.*;

/**
 * Tombstones: documents that take a global index which will never hold an event. Inserted, never written over, so
 * that whoever gets to an index first wins: a late writer then fails on the duplicate key instead of landing an event
 * behind readers' backs, and readers move past the index without delivering anything.
 */
final class Tombstones {

    private static final Logger log = LoggerFactory.getLogger(Tombstones.class);
    private static final String TOMBSTONE_PREFIX = "\u0000tombstone:";

    private final MongoCollection<Document> events;
    private final Clock clock;

    Tombstones(MongoCollection<Document> events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Tombstones every index of a range that holds nothing; indexes another commit holds are left to it. */
    void sealRange(long first, int size) {
        try {
            LongStream.range(first, first + size).forEach(this::insertTombstone);
        } catch (MongoException e) {
            // Readers seal it themselves after the seal timeout.
            log.warn("Could not seal the unused range at {}: {}", first, e.getMessage());
        }
    }

    /** Whether the tombstone took the index; false if a document (event or tombstone) already held it. */
    boolean insertTombstone(long index) {
        try {
            events.insertOne(new Document(ID, index)
                                     .append(TOMBSTONE, true)
                                     // unique-index fields must differ from every other document's
                                     .append(AGGREGATE_ID, TOMBSTONE_PREFIX + index)
                                     .append(STREAM_KEY, TOMBSTONE_PREFIX + index)
                                     .append(SEQUENCE, 0L)
                                     .append(EVENT_ID, TOMBSTONE_PREFIX + index)
                                     .append(STORED_AT, Date.from(clock.instant())));
            return true;
        } catch (MongoException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }
}
