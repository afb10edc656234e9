package th.pmqa.studio.query.presence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import th.pmqa.studio.infra.access.StudioUser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Who is where, in the {@code presence} collection: one document per assessment, person and browser tab, written by
 * every heartbeat and shared by all query nodes. Not an audit trail and not events: entries older than the expiry
 * are simply ignored by every read and deleted now and then.
 */
@Component
public class PresenceStore {

    public static final String COLLECTION = "presence";
    private static final Logger log = LoggerFactory.getLogger(PresenceStore.class);

    private final MongoCollection<Document> presence;

    public PresenceStore(MongoDatabase database) {
        this.presence = database.getCollection(COLLECTION);
        try {
            // every node reads "everything seen since the cutoff" each second, and deletes what is older
            presence.createIndex(Indexes.ascending("seenAt"), new IndexOptions().name("seen_at"));
        } catch (RuntimeException e) {
            log.warn("Could not create the presence index (reads still work, scanning): {}", e.getMessage());
        }
    }

    /**
     * Records a heartbeat and gives back the entry as stored. One round trip when the tab stays where it was (the
     * usual heartbeat); when it moved, changed activity or had expired, a second one replaces it with a new
     * {@code since}.
     */
    public PresenceEntry seen(String assessmentId, StudioUser user, String clientId, String section,
                              PresenceEntry.Activity activity, Instant now, Instant cutoff) {
        Document id = key(assessmentId, user.userId(), clientId);
        Bson unchanged = Filters.and(Filters.eq("_id", id), Filters.eq("section", section),
                                     Filters.eq("activity", activity.wire()), Filters.gte("seenAt", Date.from(cutoff)));
        Document updated = presence.findOneAndUpdate(unchanged,
                Updates.combine(Updates.set("seenAt", Date.from(now)), Updates.set("name", user.name())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (updated != null) {
            return entry(updated);
        }
        Document fresh = new Document("_id", id).append("assessmentId", assessmentId)
                .append("userId", user.userId()).append("name", user.name()).append("clientId", clientId)
                .append("section", section).append("activity", activity.wire())
                .append("since", Date.from(now)).append("seenAt", Date.from(now));
        // Replace, else insert, not an upsert: an upsert racing a node's cleanup (which deletes this very expired
        // entry) failed on the embedded server with an error of its own, found by the fuzzer as a 500; FerretDB
        // answers colliding upserts with a malformed error too (see PositionedWrites). Each round either stores the
        // entry or sees that someone else's write got in between, which the next round overwrites.
        for (int round = 0; round < 5; round++) {
            if (presence.replaceOne(Filters.eq("_id", id), fresh).getMatchedCount() > 0) {
                return entry(fresh);
            }
            try {
                presence.insertOne(fresh);
                return entry(fresh);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("the presence entry " + id.toJson() + " kept changing under this heartbeat");
    }

    /** The tab left the page; {@code false} if there was no such entry. */
    public boolean leave(String assessmentId, String userId, String clientId) {
        return presence.deleteOne(Filters.eq("_id", key(assessmentId, userId, clientId))).getDeletedCount() > 0;
    }

    /** Every entry seen at or after {@code cutoff}, of every assessment. */
    public List<PresenceEntry> seenSince(Instant cutoff) {
        return presence.find(Filters.gte("seenAt", Date.from(cutoff))).map(PresenceStore::entry).into(new ArrayList<>());
    }

    /** Deletes entries last seen before {@code cutoff}; any node may do it, any number of times. */
    public long deleteSeenBefore(Instant cutoff) {
        return presence.deleteMany(Filters.lt("seenAt", Date.from(cutoff))).getDeletedCount();
    }

    public long count() {
        return presence.countDocuments();
    }

    private static Document key(String assessmentId, String userId, String clientId) {
        return new Document("assessmentId", assessmentId).append("userId", userId).append("clientId", clientId);
    }

    private static PresenceEntry entry(Document d) {
        return new PresenceEntry(d.getString("assessmentId"), d.getString("userId"), d.getString("name"),
                                 d.getString("clientId"), d.getString("section"),
                                 PresenceEntry.Activity.parse(d.getString("activity")).orElse(PresenceEntry.Activity.VIEWING),
                                 d.getDate("since").toInstant(), d.getDate("seenAt").toInstant());
    }
}
