package th.pmqa.studio.query.store;

import th.pmqa.studio.query.model.ChangeEntry;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import th.pmqa.studio.infra.mongo.BoundedReads;
import th.pmqa.studio.query.view.SseFrames;
import th.pmqa.studio.query.view.ReportJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every change of every report, keyed by global position: the per-section history, the change feed, and the log
 * every query-service instance tails for live updates. A change document also carries the changed section's new
 * content and the assessment's dashboard row, so a live update never needs another read.
 * <p>
 * A change of a 50,000-character text is ~600 KB (text before and after, their diff, the section), so every read of
 * more than a few changes goes through a cursor {@link BoundedReads#CHANGES_PER_REPLY} documents per reply: as a
 * stream consumed as it is read, or as a page cut at {@link BoundedReads#PAGE_BYTES}. Reads that need only the
 * entry leave the section content and the dashboard row on the server.
 */
@Component
public class ChangeLogStore {

    public static final String COLLECTION = "report_changes";

    private final MongoCollection<Document> changes;

    public ChangeLogStore(MongoDatabase database) {
        this.changes = database.getCollection(COLLECTION);
        // Real MongoDB serves history pages and the change feed from these; the embedded server ignores them.
        changes.createIndex(Indexes.ascending("assessmentId", "section", "_id"), new IndexOptions().name("section_history"));
    }

    /**
     * A stored change: the entry plus what live subscribers need with it, kept as the JSON it was stored as so that
     * a change fanned out to a thousand subscribers is serialized once, not a thousand times.
     */
    public record StoredChange(ChangeEntry entry, byte[] sectionFrame, String dashboardRowJson) {
        public long position() {
            return entry.position();
        }
    }

    /** A change not written yet, with what live subscribers will need with it. */
    public record PendingChange(ChangeEntry entry, Object sectionContent, Object dashboardRow) {
    }

    /** Writes a batch of changes; those already there (a replayed batch) are left as they are. */
    public void saveAll(List<PendingChange> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<Document> docs = pending.stream().map(p -> document(p.entry(), p.sectionContent(), p.dashboardRow())).toList();
        try {
            // unordered: after a crash part of the batch is there already, and the server writes the rest anyway
            changes.insertMany(docs, new com.mongodb.client.model.InsertManyOptions().ordered(false));
        } catch (com.mongodb.MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(w -> w.getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    private static Document document(ChangeEntry entry, Object sectionContent, Object dashboardRow) {
        return new Document("_id", entry.position())
                .append("assessmentId", entry.assessmentId())
                .append("section", entry.section())
                .append("authorId", entry.author().userId())
                .append("at", Date.from(entry.at()))
                .append("entry", ReportJson.write(entry))
                .append("content", ReportJson.write(sectionContent))
                .append("row", ReportJson.write(dashboardRow));
    }

    public record Page(List<ChangeEntry> items, long total, int page, int size) {
    }

    private static final Bson ENTRY_ONLY = new Document("entry", 1);

    public Page history(String assessmentId, String section, String author, Instant from, Instant to, int page, int size) {
        Bson filter = historyFilter(assessmentId, section, author, from, to);
        long total = changes.countDocuments(filter);
        List<ChangeEntry> items = changes.find(filter).sort(Sorts.ascending("_id")).projection(ENTRY_ONLY)
                                         .skip(page * size).limit(size).batchSize(BoundedReads.CHANGES_PER_REPLY)
                                         .map(ChangeLogStore::entry)
                                         .into(new ArrayList<>());
        return new Page(items, total, page, size);
    }

    /**
     * The entries of a section's history that pass the filters, in position order, read as consumed: a stream to
     * close. A page deep in a long history is cut from it without holding the entries before it.
     */
    public Stream<ChangeEntry> historyEntries(String assessmentId, String section, String author, Instant from, Instant to) {
        return BoundedReads.stream(changes.find(historyFilter(assessmentId, section, author, from, to))
                                          .sort(Sorts.ascending("_id")).projection(ENTRY_ONLY),
                                   BoundedReads.CHANGES_PER_REPLY, ChangeLogStore::entry);
    }

    static ChangeEntry entry(Document d) {
        return ReportJson.read(d.getString("entry"), ChangeEntry.class);
    }

    /**
     * The entries of one assessment (one section, when given) by an author, at or after {@code from}, at or before
     * {@code to}; shared with {@link CommentLogStore}, whose documents carry the same fields.
     */
    static Bson historyFilter(String assessmentId, String section, String author, Instant from, Instant to) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("assessmentId", assessmentId));
        if (section != null) {
            filters.add(Filters.eq("section", section));
        }
        if (author != null && !author.isBlank()) {
            filters.add(Filters.eq("authorId", author));
        }
        if (from != null) {
            filters.add(Filters.gte("at", Date.from(from)));
        }
        if (to != null) {
            filters.add(Filters.lte("at", Date.from(to)));
        }
        return Filters.and(filters);
    }

    private static Bson after(String assessmentId, long afterPosition) {
        return Filters.and(Filters.eq("assessmentId", assessmentId), Filters.gt("_id", afterPosition));
    }

    /**
     * A page of one assessment's entries after a position, oldest first: at most {@code limit}, and cut at
     * {@link BoundedReads#PAGE_BYTES} (at least one entry), so that 200 changes of 50,000-character texts do not make
     * one 120 MB answer; the caller goes on after the last entry it got.
     */
    public List<ChangeEntry> entriesAfter(String assessmentId, long afterPosition, int limit) {
        return BoundedReads.page(changes.find(after(assessmentId, afterPosition)).sort(Sorts.ascending("_id"))
                                        .projection(ENTRY_ONLY).limit(limit),
                                 BoundedReads.CHANGES_PER_REPLY, limit, BoundedReads.PAGE_BYTES)
                           .stream().map(ChangeLogStore::entry).toList();
    }

    /** Every entry of one assessment after a position, oldest first, read as consumed: a stream to close. */
    public Stream<ChangeEntry> streamEntriesAfter(String assessmentId, long afterPosition) {
        return BoundedReads.stream(changes.find(after(assessmentId, afterPosition)).sort(Sorts.ascending("_id"))
                                          .projection(ENTRY_ONLY),
                                   BoundedReads.CHANGES_PER_REPLY, ChangeLogStore::entry);
    }

    /** Every change of one assessment after a position, oldest first, read as consumed: a stream to close. */
    public Stream<StoredChange> streamAfter(String assessmentId, long afterPosition) {
        return BoundedReads.stream(changes.find(after(assessmentId, afterPosition)).sort(Sorts.ascending("_id")),
                                   BoundedReads.CHANGES_PER_REPLY, ChangeLogStore::stored);
    }

    /** How many entries of a section's history pass the filters. */
    public long count(String assessmentId, String section, String author, Instant from, Instant to) {
        return changes.countDocuments(historyFilter(assessmentId, section, author, from, to));
    }

    public long count(String assessmentId) {
        return changes.countDocuments(Filters.eq("assessmentId", assessmentId));
    }

    public long countUpTo(String assessmentId, long position) {
        return changes.countDocuments(Filters.and(Filters.eq("assessmentId", assessmentId), Filters.lte("_id", position)));
    }

    /**
     * The changes at positions {@code from .. from + size - 1} that are stored, in position order: what the live
     * tailer reads. Asked as exact {@code _id}s, which every server answers from its {@code _id} index, where a range
     * would make the embedded server scan the whole log on every poll. A stream to close, read as consumed: a
     * thousand positions of large changes are more than one reply may hold.
     */
    public Stream<StoredChange> window(long from, int size) {
        return window(java.util.stream.LongStream.range(from, from + size).boxed().toList());
    }

    /** The changes stored at these positions, in position order; a stream to close, as {@link #window(long, int)}. */
    public Stream<StoredChange> window(java.util.Collection<Long> positions) {
        // _id alone in the filter: the embedded server uses an index only for a query on exactly its keys
        return BoundedReads.stream(changes.find(Filters.in("_id", positions)).sort(Sorts.ascending("_id")),
                                   BoundedReads.CHANGES_PER_REPLY, ChangeLogStore::stored);
    }

    public void drop() {
        changes.drop();
    }

    private static StoredChange stored(Document d) {
        String entryJson = d.getString("entry");
        ChangeEntry entry = ReportJson.read(entryJson, ChangeEntry.class);
        // the report stream's "section" update, built once from the stored JSON, never re-serialized per subscriber
        String sectionUpdate = "{\"position\":" + entry.position() + ",\"section\":" + ReportJson.write(entry.section())
                               + ",\"change\":" + entryJson + ",\"content\":" + d.getString("content") + "}";
        return new StoredChange(entry, SseFrames.frame("section", entry.position(), sectionUpdate), d.getString("row"));
    }
}
