package th.pmqa.studio.infra.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import static org.axonframework.eventhandling.EventUtils.asDomainEventMessage;
import static th.pmqa.studio.infra.eventstore.EventDocument.*;

/**
 * Appends the events of one unit of work as one commit: two round trips (a range reservation, an ordered insert)
 * whatever the number of events. Without transactions, atomicity is the readers' rule (a commit is used only once
 * complete); the writer's part is to write in index order, never overwrite, and remove what a failed insert wrote.
 */
final class CommitWriter {

    private final MongoCollection<Document> events;
    private final GlobalIndex globalIndex;
    private final GapSealing sealing;
    private final Clock clock;
    private final LongConsumer beforeInsert;
    private final EventStoreMeters meters;

    CommitWriter(MongoCollection<Document> events, GlobalIndex globalIndex, GapSealing sealing, Clock clock,
                 LongConsumer beforeInsert, EventStoreMeters meters) {
        this.meters = meters;
        this.events = events;
        this.globalIndex = globalIndex;
        this.sealing = sealing;
        this.clock = clock;
        this.beforeInsert = beforeInsert;
    }

    /**
     * Writes one commit: reserves its range, inserts its events in index order with one ordered insert, and on a
     * failure leaves no trace of it. Failures go to {@code failure}, which throws Axon's exception for them.
     */
    void append(List<? extends EventMessage<?>> eventMessages, Serializer serializer,
                BiConsumer<Exception, EventMessage<?>> failure) {
        if (eventMessages.isEmpty()) {
            return;
        }
        List<DomainEventMessage<?>> domainEvents = eventMessages.stream()
                .<DomainEventMessage<?>>map(e -> asDomainEventMessage(e))
                .collect(Collectors.toList());
        int size = domainEvents.size();
        for (int attempt = 1; ; attempt++) {
            long first;
            try {
                first = globalIndex.reserve(size);
            } catch (MongoException e) {
                failure.accept(e, domainEvents.get(0));
                return;
            }
            Date storedAt = Date.from(clock.instant());
            String commitId = java.util.UUID.randomUUID().toString();
            List<Document> documents = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                documents.add(EventDocument.toDocument(domainEvents.get(i), serializer, first + i, first, size, commitId, storedAt));
            }
            beforeInsert.accept(first);
            try {
                events.insertMany(documents, new InsertManyOptions().ordered(true));
                return;
            } catch (MongoException e) {
                // The ordered insert stopped at the first failure; remove what it wrote so the commit leaves no trace.
                sealing.deleteCommit(first, size, commitId);
                if (attempt < MAX_RESERVATIONS && lostItsIndexes(e, first, commitId)) {
                    // Not a conflict of the aggregate: the range was sealed by a reader, or handed out twice by a
                    // counter that lost an update (the embedded server and FerretDB do under concurrency). A fresh
                    // range is as good: nothing was acknowledged yet. What the other commit does not use of this
                    // range would otherwise stay a gap for readers to wait out.
                    sealing.tombstones().sealRange(first, size);
                    globalIndex.catchUp();
                    meters.retried();
                    continue;
                }
                // The range stays unused; sealing it now spares every reader the seal timeout at its first index.
                sealing.tombstones().sealRange(first, size);
                failure.accept(e, domainEvents.get(0));
                return;
            }
        }
    }

    private static final int MAX_RESERVATIONS = 10;

    /** Whether the insert failed because its global index already held another document. */
    private boolean lostItsIndexes(MongoException e, long first, String commitId) {
        if (!(e instanceof MongoBulkWriteException bulk) || bulk.getWriteErrors().isEmpty()
            || ErrorCategory.fromErrorCode(bulk.getWriteErrors().get(0).getCode()) != ErrorCategory.DUPLICATE_KEY) {
            return false;
        }
        long index = first + bulk.getWriteErrors().get(0).getIndex();
        Document holder = events.find(Filters.eq(ID, index)).projection(new Document(COMMIT_ID, 1)).first();
        return holder != null && !commitId.equals(holder.getString(COMMIT_ID));
    }
}
