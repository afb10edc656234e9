package th.pmqa.studio.query.http;

import org.springframework.stereotype.Component;
import th.pmqa.studio.query.model.ChangeEntry;
import th.pmqa.studio.query.store.ChangeLogStore;
import th.pmqa.studio.query.store.CommentLogStore;
import th.pmqa.studio.query.web.Problems;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A page of a section's history: its report changes and its comment activity, filtered, in position order. */
@Component
public class SectionHistories {

    private static final int MAX_PAGE_SIZE = 200;

    private final ChangeLogStore changes;
    private final CommentLogStore comments;

    public SectionHistories(ChangeLogStore changes, CommentLogStore comments) {
        this.changes = changes;
        this.comments = comments;
    }

    ChangeLogStore.Page page(String id, String section, HistoryFilter params) {
        long page = Problems.nonNegative("page", params.page() == null ? "0" : params.page());
        long size = Problems.nonNegative("size", params.size() == null ? "20" : params.size());
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Problems.invalid("size", "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (page > Integer.MAX_VALUE / size) {
            // the store skips page × size entries as an int; no history is that long
            throw Problems.invalid("page", "page " + page + " is beyond any history");
        }
        Instant from = Problems.instant("from", params.from());
        Instant to = Problems.instant("to", params.to());
        return merged(id, section, params.author(), from, to, (int) page, (int) size);
    }

    /**
     * The section's report changes and its comment activity (kinds {@code COMMENT}, {@code COMMENT_RESOLVED},
     * {@code COMMENT_REOPENED}), one history in position order. The two live in separate collections, so a page is
     * cut from both read side by side, in position order, from their first entries: the entries before the page are
     * read and dropped, never held (a deep page of large texts would not fit). A section without comments reads its
     * changes alone, as before.
     */
    private ChangeLogStore.Page merged(String id, String section, String author, Instant from, Instant to, int page,
                                       int size) {
        long commentTotal = comments.count(id, section, author, from, to);
        if (commentTotal == 0) {
            return changes.history(id, section, author, from, to, page, size);
        }
        long reportTotal = changes.count(id, section, author, from, to);
        long skip = (long) page * size;
        List<ChangeEntry> items = new ArrayList<>(size);
        try (Stream<ChangeEntry> reportChanges = changes.historyEntries(id, section, author, from, to);
             Stream<ChangeEntry> commentChanges = comments.entries(id, section, author, from, to)) {
            java.util.Iterator<ChangeEntry> merged = inPositionOrder(reportChanges.iterator(), commentChanges.iterator());
            for (long n = 0; n < skip + size && merged.hasNext(); n++) {
                ChangeEntry entry = merged.next();
                if (n >= skip) {
                    items.add(entry);
                }
            }
        }
        return new ChangeLogStore.Page(List.copyOf(items), reportTotal + commentTotal, page, size);
    }

    /** Two iterators in position order merged into one in position order. */
    private static java.util.Iterator<ChangeEntry> inPositionOrder(java.util.Iterator<ChangeEntry> a,
                                                                   java.util.Iterator<ChangeEntry> b) {
        return new java.util.Iterator<>() {
            private ChangeEntry nextA = a.hasNext() ? a.next() : null;
            private ChangeEntry nextB = b.hasNext() ? b.next() : null;

            @Override
            public boolean hasNext() {
                return nextA != null || nextB != null;
            }

            @Override
            public ChangeEntry next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                ChangeEntry taken;
                if (nextB == null || (nextA != null && nextA.position() <= nextB.position())) {
                    taken = nextA;
                    nextA = a.hasNext() ? a.next() : null;
                } else {
                    taken = nextB;
                    nextB = b.hasNext() ? b.next() : null;
                }
                return taken;
            }
        };
    }
}
