package th.pmqa.studio.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static th.pmqa.studio.infra.eventstore.EventDocument.*;

/**
 * Decides whether the commit of an event document is complete. Writers insert a commit's events in index order
 * with one ordered insert, and only an unfinished commit is ever deleted, so a commit is complete exactly when its
 * last index holds an event of that same commit (its commit id).
 */
final class CommitVisibility {
    private final MongoCollection<Document> events;
    private final Map<Long, String> commitAt = new HashMap<>();

    CommitVisibility(MongoCollection<Document> events, List<Document> fetched) {
        this.events = events;
        for (Document d : fetched) {
            commitAt.put(lng(d, ID), String.valueOf(d.getString(COMMIT_ID)));
        }
    }

    boolean isComplete(Document event) {
        String last = commitAt.computeIfAbsent(lastIndexOf(event), index -> {
            Document found = events.find(Filters.eq(ID, index)).projection(new Document(COMMIT_ID, 1)).first();
            return found == null ? "" : String.valueOf(found.getString(COMMIT_ID));
        });
        return last.equals(event.getString(COMMIT_ID));
    }
}
