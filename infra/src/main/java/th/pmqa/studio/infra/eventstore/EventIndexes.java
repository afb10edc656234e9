package th.pmqa.studio.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import th.pmqa.studio.infra.mongo.BoundedReads;

import static th.pmqa.studio.infra.eventstore.EventDocument.*;

/**
 * The indexes of the events collection. The unique ones are part of correctness, not only speed: they turn a
 * concurrent append or a write to a sealed index into a duplicate key.
 */
final class EventIndexes {

    private EventIndexes() {
    }

    /** Creates the indexes the engine relies on; idempotent, so every node may call it at start. */
    static void ensure(MongoCollection<Document> events) {
        // Stores written before the stream key existed get it first: its unique index would refuse the missing ones.
        events.find(Filters.exists(STREAM_KEY, false)).projection(new Document(AGGREGATE_ID, 1).append(SEQUENCE, 1))
              .batchSize(BoundedReads.SMALL_PER_REPLY)
              .forEach(d -> events.updateOne(Filters.eq(ID, d.get(ID)),
                                             Updates.set(STREAM_KEY, streamKey(d.getString(AGGREGATE_ID), lng(d, SEQUENCE)))));
        events.createIndex(Indexes.ascending(STREAM_KEY), new IndexOptions().unique(true).name("stream_key"));
        events.createIndex(Indexes.ascending(AGGREGATE_ID, SEQUENCE), new IndexOptions().unique(true).name("aggregate_sequence"));
        events.createIndex(Indexes.ascending(EVENT_ID), new IndexOptions().unique(true).name("event_identifier"));
        // createTokenAt scans by time; on a real MongoDB this turns it into an index range scan.
        events.createIndex(Indexes.ascending(TIMESTAMP_NANOS), new IndexOptions().name("timestamp"));
    }
}
