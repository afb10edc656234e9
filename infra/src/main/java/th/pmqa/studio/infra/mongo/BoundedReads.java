package th.pmqa.studio.infra.mongo;

import com.mongodb.MongoInternalException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCursor;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads of many or large documents that stay bounded whatever their number and size.
 * <p>
 * The driver refuses any reply larger than the server's message size (48,000,000 bytes). MongoDB cuts every batch at
 * 16 MiB by itself, but the embedded server (mongo-java-server) answers a find, and every getMore after it, with all
 * that is left unless the client names a batch size: a range of 50 KB events came back as one 70 MB reply and failed.
 * So every read that can return many or large documents names a batch size fitted to its documents' worst case, and
 * consumes a cursor instead of collecting one list of everything; where a caller needs a list (a page), the page is
 * cut at {@link #PAGE_BYTES}.
 */
public final class BoundedReads {

    /**
     * Event documents per reply. An event holds at most one text of 50,000 code points: ~150 KB of Thai in UTF-8, and
     * 300 KB if every character were a control character JSON escapes as six bytes; 32 of those are under 10 MB.
     */
    public static final int EVENTS_PER_REPLY = 32;

    /**
     * Change documents per reply. A change of the report carries a text before and after, their diff and the whole
     * changed section (up to ten texts of a sub-criterion): ~2 MB of Thai at the text limit, ~4.5 MB at worst; 8 stay
     * under the 48 MB a reply may hold.
     */
    public static final int CHANGES_PER_REPLY = 8;

    /**
     * Comment threads per reply: a thread holds its replies, usually a few short ones (a few KB); see
     * {@link #all} for the rare reply this is too many for.
     */
    public static final int THREADS_PER_REPLY = 32;

    /** Small documents (a few fields, or a projection of them) per reply: ~100 bytes each. */
    public static final int SMALL_PER_REPLY = 10_000;

    /** What one page of documents may hold in the heap, counted by {@link #heapBytes}; a page holds at least one. */
    public static final long PAGE_BYTES = 16L << 20;

    private BoundedReads() {
    }

    /**
     * The documents of a find one reply of {@code batchSize} at a time, as a stream that must be closed (it closes the
     * cursor; a stream read to its end closes it too). The find runs when the stream is first read.
     */
    public static <T> Stream<T> stream(FindIterable<Document> find, int batchSize, Function<Document, T> map) {
        LazyCursor cursor = new LazyCursor(find.batchSize(batchSize));
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED | Spliterator.NONNULL), false)
                            .onClose(cursor::close)
                            .map(map);
    }

    /**
     * Every document of a find, for answers that are whole lists by nature (an assessment's comment threads), where
     * nothing bounds a document but MongoDB's 16 MiB: replies of {@code batchSize}, and should one of those be more
     * than a reply may hold (threads with many long replies side by side), the read is done again one document per
     * reply, which always fits.
     */
    public static <T> List<T> all(FindIterable<Document> find, int batchSize, Function<Document, T> map) {
        try {
            return find.batchSize(batchSize).map(map::apply).into(new ArrayList<>());
        } catch (MongoInternalException e) {
            if (!String.valueOf(e.getMessage()).contains("reply message length")) {
                throw e;
            }
            return find.batchSize(1).map(map::apply).into(new ArrayList<>());
        }
    }

    /**
     * The first documents of a find, in its order, until {@code maxCount} of them or until they hold
     * {@code maxBytes} (at least one document, however large): a page that is bounded in the heap as well as per
     * reply. The cursor is closed when the page is full.
     */
    public static List<Document> page(FindIterable<Document> find, int batchSize, int maxCount, long maxBytes) {
        List<Document> page = new ArrayList<>(Math.min(maxCount, batchSize));
        long bytes = 0;
        try (MongoCursor<Document> cursor = find.batchSize(Math.min(batchSize, Math.max(1, maxCount))).iterator()) {
            while (page.size() < maxCount && bytes < maxBytes && cursor.hasNext()) {
                Document d = cursor.next();
                page.add(d);
                bytes += heapBytes(d);
            }
        }
        return page;
    }

    /**
     * Consecutive pages of a stream of documents, each cut like {@link #page}: for readers that want to look at a
     * few documents together (a commit's events) without holding the whole stream.
     */
    public static Iterator<List<Document>> pages(Iterator<Document> documents, int maxCount, long maxBytes) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return documents.hasNext();
            }

            @Override
            public List<Document> next() {
                if (!documents.hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Document> page = new ArrayList<>();
                long bytes = 0;
                while (page.size() < maxCount && bytes < maxBytes && documents.hasNext()) {
                    Document d = documents.next();
                    page.add(d);
                    bytes += heapBytes(d);
                }
                return page;
            }
        };
    }

    /**
     * An upper estimate of what a decoded document holds in the heap: two bytes per character of its strings (Java
     * keeps Thai as UTF-16) plus a little per value. Cheap: it only reads string lengths.
     */
    public static long heapBytes(Object value) {
        if (value instanceof String s) {
            return 40 + 2L * s.length();
        }
        if (value instanceof Map<?, ?> map) {
            long bytes = 48;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                bytes += heapBytes(e.getKey()) + heapBytes(e.getValue());
            }
            return bytes;
        }
        if (value instanceof Iterable<?> list) {
            long bytes = 48;
            for (Object item : list) {
                bytes += heapBytes(item);
            }
            return bytes;
        }
        return 24;
    }

    /** A cursor opened by the first read, so that building a stream costs no round trip. */
    private static final class LazyCursor implements Iterator<Document> {
        private final FindIterable<Document> find;
        private MongoCursor<Document> cursor;
        private boolean closed;

        LazyCursor(FindIterable<Document> find) {
            this.find = find;
        }

        private MongoCursor<Document> cursor() {
            if (cursor == null) {
                if (closed) {
                    throw new IllegalStateException("the stream was closed");
                }
                cursor = find.iterator();
            }
            return cursor;
        }

        @Override
        public boolean hasNext() {
            if (closed) {
                return false;
            }
            boolean more = cursor().hasNext();
            if (!more) {
                close(); // read to its end: the server has let go of it already; free it here too
            }
            return more;
        }

        @Override
        public Document next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return cursor.next();
        }

        void close() {
            closed = true;
            if (cursor != null) {
                cursor.close();
            }
        }
    }
}
