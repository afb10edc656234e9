package th.pmqa.studio.infra.eventstore;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.stream.Stream;

import static th.pmqa.studio.infra.eventstore.DuplicateKeys.isDuplicateKey;
import static th.pmqa.studio.infra.eventstore.EventDocument.*;

/**
 * The latest snapshot of each aggregate, one document per aggregate keyed by its identifier, apart from the events:
 * snapshots are replaced and may be lost without harm, events are neither.
 */
final class SnapshotStore {

    private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);
    static final String SNAPSHOTS = "snapshots";

    private final MongoCollection<Document> snapshots;

    SnapshotStore(MongoDatabase database) {
        this.snapshots = database.getCollection(SNAPSHOTS);
    }

    /** Stores the snapshot unless a newer one already is; a failure to store it is logged, never thrown. */
    void store(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
        Document document = new Document(ID, snapshot.getAggregateIdentifier())
                .append(AGGREGATE_ID, snapshot.getAggregateIdentifier())
                .append(SEQUENCE, snapshot.getSequenceNumber())
                .append(TYPE, snapshot.getType())
                .append(EVENT_ID, snapshot.getIdentifier())
                .append(TIMESTAMP, snapshot.getTimestamp().toString())
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, payload.getData())
                .append(META_DATA, metaData.getData());
        try {
            // Only a newer snapshot replaces the stored one. No upsert here: FerretDB answers an upsert that collides
            // on _id with a malformed error, so a missing snapshot is inserted separately.
            long replaced = snapshots.replaceOne(Filters.and(Filters.eq(ID, snapshot.getAggregateIdentifier()),
                                                             Filters.lt(SEQUENCE, snapshot.getSequenceNumber())),
                                                 document).getMatchedCount();
            if (replaced == 0) {
                snapshots.insertOne(document);
            }
        } catch (RuntimeException e) {
            if (!(e instanceof MongoException mongo && isDuplicateKey(mongo))) {
                // A snapshot only speeds up loading; the events remain the truth.
                log.warn("Snapshot of {} at {} not stored: {}", snapshot.getAggregateIdentifier(),
                         snapshot.getSequenceNumber(), e.getMessage());
            }
        }
    }

    /** The aggregate's snapshot, if it has one: at most one is kept per aggregate. */
    Stream<? extends DomainEventData<?>> read(String aggregateIdentifier) {
        Document snapshot = snapshots.find(Filters.eq(ID, aggregateIdentifier)).first();
        return snapshot == null ? Stream.empty() : Stream.of(toDomainEventData(snapshot));
    }
}
