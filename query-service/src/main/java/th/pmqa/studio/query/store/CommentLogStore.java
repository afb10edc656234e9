package th.pmqa.studio.query.store;

import th.pmqa.studio.query.model.ChangeEntry;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.stereotype.Component;
import th.pmqa.studio.infra.mongo.BoundedReads;
import th.pmqa.studio.query.view.ReportJson;

import java.time.Instant;
import java.util.Date;
import java.util.stream.Stream;

/**
 * The comment activity of each section (comments, resolving, reopening) as history entries, keyed by the global
 * position of their event like the report's changes, and merged with those when a section's history is read.
 * <p>
 * Kept apart from {@link ChangeLogStore}'s collection on purpose: every document there is a change of the report,
 * carrying the section's new content and the dashboard row, and the live tailer, the change feed and the report
 * stream send each one as a section update. A comment changes no section, so it has no place in that log.
 */
@Component
public class CommentLogStore {

    public static final String COLLECTION = "comment_changes";

    private final MongoCollection<Document> entries;

    public CommentLogStore(MongoDatabase database) {
        this.entries = database.getCollection(COLLECTION);
        entries.createIndex(Indexes.ascending("assessmentId", "section", "_id"), new IndexOptions().name("section_history"));
    }

    /** Stores an entry; one already there (a replayed event) is left as it is. */
    public void save(ChangeEntry entry) {
        PositionedWrites.insertUnlessPresent(entries, new Document("_id", entry.position())
                .append("assessmentId", entry.assessmentId())
                .append("section", entry.section())
                .append("authorId", entry.author().userId())
                .append("at", Date.from(entry.at()))
                .append("entry", ReportJson.write(entry)));
    }

    public long count(String assessmentId, String section, String author, Instant from, Instant to) {
        return entries.countDocuments(ChangeLogStore.historyFilter(assessmentId, section, author, from, to));
    }

    /**
     * The entries of a section that pass the filters, in position order, read as consumed: a stream to close (a page
     * deep in a long history is cut from it without holding what lies before it).
     */
    public Stream<ChangeEntry> entries(String assessmentId, String section, String author, Instant from, Instant to) {
        return BoundedReads.stream(entries.find(ChangeLogStore.historyFilter(assessmentId, section, author, from, to))
                                          .sort(Sorts.ascending("_id")).projection(new Document("entry", 1)),
                                   BoundedReads.CHANGES_PER_REPLY, ChangeLogStore::entry);
    }

    public void drop() {
        entries.drop();
    }
}
