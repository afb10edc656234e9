package th.pmqa.studio.infra.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * The document of one event in the {@code events} collection: its field names and the mapping between it and Axon's
 * event data. Kept apart from the engine so that every collaborator (writer, readers, sealing) reads and writes the
 * same shape; the layout is what stores already on disk hold, so these names never change without an upgrade step.
 */
final class EventDocument {

    private EventDocument() {
    }

    /** The collection of event documents, one per global index. */
    static final String EVENTS = "events";

    // field names of an event document
    static final String ID = "_id";
    static final String AGGREGATE_ID = "aggregateIdentifier";
    static final String SEQUENCE = "sequenceNumber";
    static final String TYPE = "type";
    static final String EVENT_ID = "eventIdentifier";
    static final String TIMESTAMP = "timestamp";
    static final String TIMESTAMP_NANOS = "timestampNanos";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    static final String COMMIT_FIRST = "commitFirst";
    static final String COMMIT_ID = "commitId";
    static final String COMMIT_SIZE = "commitSize";
    static final String STORED_AT = "storedAt";
    static final String TOMBSTONE = "tombstone";
    /**
     * Aggregate id and sequence number in one string field with a unique index of its own, so that an aggregate's
     * events can be asked for as a list of exact keys: every server answers that from the index, where the embedded
     * server scans the whole collection for the compound (aggregate, sequence) range.
     */
    static final String STREAM_KEY = "streamKey";

    /** Unambiguous: the sequence is the digits after the last slash, the aggregate id everything before. */
    static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "/" + sequenceNumber;
    }

    /** The document of an event at {@code globalIndex}, one of the {@code commitSize} events of a commit. */
    static Document toDocument(DomainEventMessage<?> event, Serializer serializer, long globalIndex, long commitFirst,
                               int commitSize, String commitId, Date storedAt) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        Instant timestamp = event.getTimestamp();
        return new Document(ID, globalIndex)
                .append(AGGREGATE_ID, event.getAggregateIdentifier())
                .append(SEQUENCE, event.getSequenceNumber())
                .append(STREAM_KEY, streamKey(event.getAggregateIdentifier(), event.getSequenceNumber()))
                .append(TYPE, event.getType())
                .append(EVENT_ID, event.getIdentifier())
                .append(TIMESTAMP, timestamp.toString())
                .append(TIMESTAMP_NANOS, toNanos(timestamp))
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, payload.getData())
                .append(META_DATA, metaData.getData())
                .append(COMMIT_FIRST, commitFirst)
                .append(COMMIT_SIZE, commitSize)
                .append(COMMIT_ID, commitId)
                .append(STORED_AT, storedAt);
    }

    static DomainEventData<?> toDomainEventData(Document d) {
        // Axon stores a non-domain event under its own identifier with no type; reading it back without the
        // aggregate identifier makes it a plain event message again.
        String aggregateIdentifier = d.getString(TYPE) == null && d.getString(AGGREGATE_ID).equals(d.getString(EVENT_ID))
                ? null : d.getString(AGGREGATE_ID);
        return new GenericDomainEventEntry<>(d.getString(TYPE), aggregateIdentifier, lng(d, SEQUENCE),
                                             d.getString(EVENT_ID), d.getString(TIMESTAMP),
                                             d.getString(PAYLOAD_TYPE), d.getString(PAYLOAD_REVISION),
                                             d.getString(PAYLOAD), d.getString(META_DATA));
    }

    /** The last global index of the commit an event document belongs to: where its completeness is decided. */
    static long lastIndexOf(Document member) {
        return lng(member, COMMIT_FIRST) + lng(member, COMMIT_SIZE) - 1;
    }

    /** Reads a number whatever BSON width the server chose for it. */
    static long lng(Document d, String field) {
        return ((Number) d.get(field)).longValue();
    }

    /**
     * Nanoseconds since the epoch fit a long from 1677 to 2262; an instant asked about outside that is before or
     * after every event, which the nearest long says as well.
     */
    static long nanosAtMost(Instant instant) {
        try {
            return toNanos(instant);
        } catch (ArithmeticException outsideLongNanos) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static long toNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
