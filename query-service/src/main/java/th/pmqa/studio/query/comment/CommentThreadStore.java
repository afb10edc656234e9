package th.pmqa.studio.query.comment;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import th.pmqa.studio.infra.mongo.BoundedReads;
import org.springframework.stereotype.Component;
import th.pmqa.studio.comment.ThreadStatus;
import th.pmqa.studio.query.view.ReportJson;
import th.pmqa.studio.query.store.PositionedWrites;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Comment threads, one document per thread: the fields queries filter on, and the thread itself as JSON. A document
 * carries the position of the thread's last event and is never replaced by an older one, so replays change nothing.
 */
@Component
public class CommentThreadStore {

    public static final String COLLECTION = "comment_threads";

    private final MongoCollection<Document> threads;

    public CommentThreadStore(MongoDatabase database) {
        this.threads = database.getCollection(COLLECTION);
        threads.createIndex(Indexes.ascending("assessmentId", "startPosition"), new IndexOptions().name("by_assessment"));
        threads.createIndex(Indexes.ascending("assessmentId", "mentions"), new IndexOptions().name("by_mention"));
    }

    public Optional<CommentThreadView> load(String threadId) {
        return Optional.ofNullable(threads.find(Filters.eq("_id", threadId)).first())
                       .map(d -> ReportJson.read(d.getString("thread"), CommentThreadView.class));
    }

    public void save(CommentThreadView thread) {
        PositionedWrites.saveIfNewer(threads, thread.threadId(), thread.position(), new Document("_id", thread.threadId())
                .append("assessmentId", thread.assessmentId())
                .append("section", thread.section())
                .append("status", thread.status().name())
                .append("mentions", thread.mentions())
                .append("startPosition", thread.startPosition())
                .append("position", thread.position())
                .append("thread", ReportJson.write(thread)));
    }

    /** An assessment's threads, oldest first; each filter only when given. */
    public List<CommentThreadView> find(String assessmentId, String section, ThreadStatus status, String mentioned) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("assessmentId", assessmentId));
        if (section != null) {
            filters.add(Filters.eq("section", section));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (mentioned != null) {
            filters.add(Filters.eq("mentions", mentioned));
        }
        // A thread keeps every reply (each up to 50,000 characters): no number of threads is sure to fit one reply.
        return BoundedReads.all(threads.find(Filters.and(filters)).sort(Sorts.ascending("startPosition")),
                                BoundedReads.THREADS_PER_REPLY,
                                d -> ReportJson.read(d.getString("thread"), CommentThreadView.class));
    }

    public void drop() {
        threads.drop();
    }
}
