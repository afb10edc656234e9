package th.pmqa.studio.query.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/** Idempotent read-model writes: a document carries the global position it reflects and never goes back in time. */
public final class PositionedWrites {

    private PositionedWrites() {
    }

    /**
     * Replaces the document if the stored one is older, inserts it if there is none. Not an upsert: FerretDB answers
     * an upsert that collides on {@code _id} with a malformed error.
     */
    public static void saveIfNewer(MongoCollection<Document> collection, Object id, long position, Document doc) {
        long matched = collection.replaceOne(Filters.and(Filters.eq("_id", id), Filters.lt("position", position)), doc)
                                 .getMatchedCount();
        if (matched == 0) {
            insertUnlessPresent(collection, doc);
        }
    }

    /** Inserts, treating "already there" as done: the same change replayed writes the same document. */
    public static void insertUnlessPresent(MongoCollection<Document> collection, Document doc) {
        try {
            collection.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
