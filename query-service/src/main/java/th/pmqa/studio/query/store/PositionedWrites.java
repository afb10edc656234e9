package th.pmqa.studio.query.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * {@link #saveIfNewer} for many documents in few round trips: one bulk of guarded replacements, and only when
     * some matched nothing, one read to tell the missing (inserted now) from the newer (left alone).
     */
    public static void saveAllIfNewer(MongoCollection<Document> collection, java.util.Collection<Document> docs) {
        if (docs.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> replacements = new ArrayList<>(docs.size());
        for (Document doc : docs) {
            replacements.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", doc.get("_id")),
                                                               Filters.lt("position", doc.get("position"))), doc));
        }
        if (collection.bulkWrite(replacements, new BulkWriteOptions().ordered(false)).getMatchedCount() == docs.size()) {
            return;
        }
        Map<Object, Long> stored = new HashMap<>();
        collection.find(Filters.in("_id", docs.stream().map(d -> d.get("_id")).toList()))
                  .projection(new Document("position", 1))
                  .forEach(d -> stored.put(d.get("_id"), ((Number) d.get("position")).longValue()));
        List<Document> missing = new ArrayList<>();
        for (Document doc : docs) {
            Long position = stored.get(doc.get("_id"));
            if (position == null) {
                missing.add(doc);
            } else if (position < ((Number) doc.get("position")).longValue()) {
                saveIfNewer(collection, doc.get("_id"), ((Number) doc.get("position")).longValue(), doc); // lost a race
            }
        }
        insertAllUnlessPresent(collection, missing);
    }

    /**
     * {@link #insertUnlessPresent} for many documents in one round trip (a rebuild first writes every read model
     * this way). Unordered, so a document already there does not stop the others; one that raced in meanwhile is
     * written again as a guarded replacement, the way {@link #saveIfNewer} would have.
     */
    public static void insertAllUnlessPresent(MongoCollection<Document> collection, List<Document> docs) {
        if (docs.size() <= 1) {
            docs.forEach(d -> insertUnlessPresent(collection, d));
            return;
        }
        try {
            collection.insertMany(docs, new com.mongodb.client.model.InsertManyOptions().ordered(false));
        } catch (com.mongodb.MongoBulkWriteException e) {
            for (com.mongodb.bulk.BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Document doc = docs.get(error.getIndex());
                saveIfNewer(collection, doc.get("_id"), ((Number) doc.get("position")).longValue(), doc);
            }
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
