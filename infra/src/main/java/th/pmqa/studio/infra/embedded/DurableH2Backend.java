package th.pmqa.studio.infra.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * mongo-java-server's H2 backend that acknowledges a write only once it is on disk: after each write command the
 * MVStore is committed and fsynced before the reply leaves, by a {@link GroupCommit} that lets concurrent writers
 * share one commit and one fsync. Reads neither commit nor wait for one.
 *
 * <h2>What the stock backend does, and why it lost acknowledged writes</h2>
 * {@code H2Backend} opens the MVStore with auto-commit: a background thread commits at most once a second (or when
 * ~19 MB of changes pile up) and hands the new chunk to two more threads that serialize and write it. The server
 * answers a write as soon as the in-memory maps changed, so a kill -9 lost up to a second of acknowledged writes
 * (measured: 685 of 2,015 inserts).
 *
 * <h2>What {@code MVStore.commit()} guarantees, and what {@code sync()} adds</h2>
 * {@code commit()} captures every map at a new version and has the changed pages serialized into a chunk and written
 * with {@code FileChannel.write}; it returns once that write is done. The data are then in the operating system's
 * page cache: they survive the death of this process (kill -9, OOM kill) but not a kernel crash or a power cut. It is
 * no fsync, and with auto-commit on it is not even that: when the background thread has just taken the changes,
 * {@code commit()} finds nothing unsaved and returns at once while that chunk may still wait in the serializer's
 * queue. {@code sync()} is {@code FileChannel.force(true)}, an fsync of what was written so far, no more.
 * <p>
 * Here the committer captures with {@code tryCommit()}, which returns once the maps are captured and the chunk is
 * handed to H2's serializer and writer threads, then runs the fsync through {@code executeFilestoreOperation}, which
 * first waits until those threads have written every chunk handed to them: only then is a write acknowledged. If the
 * fsync fails, H2 closes the store (what the page cache holds can no longer be trusted), so nothing after it is
 * acknowledged. Nothing else commits: the commit a writer would run itself when its unsaved changes exceed the buffer
 * is off ({@code autoCommitBufferSize} 0), and the background thread, which H2 only starts together with the writer
 * threads, gets an auto-commit delay of {@code Integer.MAX_VALUE} ms (it commits only after 24 days without a commit).
 *
 * <h2>Whole commands only</h2>
 * A capture takes the maps one after another, so one taken while a command runs could store half of it: a document
 * without its unique-index entry, the next insert of the same key then accepted. Write commands therefore hold the
 * shared side of a lock and the capture the exclusive side: the file only ever holds whole commands. Reads do not
 * take the lock. Serializing, writing and the fsync happen outside it, so writers are held back only for a capture
 * (about half a millisecond under load here), never for the disk.
 *
 * <h2>Housekeeping, and what the file costs</h2>
 * H2's background thread also compacted the file. The committer does that itself between commits
 * ({@link #compact(boolean)}). A commit per write group writes a chunk per group (tens of KB: the touched pages of
 * every changed map), and H2 reuses a dead chunk's space only after its retention time (45 s, kept: it is what keeps
 * the older versions a long scan still reads), so a sustained write load grows the file by what it wrote in the last
 * 45 s. Measured with 8 threads inserting for 60 s on a busy 2-core machine: 575 MB against 168 MB with the stock
 * backend, for half as many inserts; a few commits a second (people editing) keep about 10 MB in retention.
 */
public final class DurableH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    /** The commands of mongo-java-server 1.47 that change data, in lower case; aggregate counts with $out/$merge. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");
    /** Housekeeping at most once a second while writes come, and after a second without writes. */
    private static final long HOUSEKEEPING_MILLIS = 1_000;
    /** Compaction rewrites chunks until this share of their pages is live (the MVStore default). */
    private static final int TARGET_FILL_RATE = 90;
    /** Bytes of live pages rewritten per round: little while writes wait for commits, more once they paused. */
    private static final int BUSY_COMPACTION_BYTES = 512 * 1024;
    private static final int IDLE_COMPACTION_BYTES = 4 * 1024 * 1024;

    private final MVStore store;
    private final Consumer<MVStore> fsync;
    private final ReentrantReadWriteLock commands = new ReentrantReadWriteLock();
    private final GroupCommit groupCommit;
    /** The store version the last fsync covered; the committer thread's only. */
    private long syncedVersion = -1;
    // how long captures held writers back (the exclusive lock), written by the committer thread only
    private volatile long exclusiveNanos;
    private volatile long exclusiveCount;

    /** Opens (or creates) the H2 file. */
    public static DurableH2Backend open(Path file) {
        return new DurableH2Backend(openStore(file), MVStore::sync);
    }

    static MVStore openStore(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(0)
                                             .open();
        // starts H2's serializer and writer threads (and the background thread, which never commits at this delay)
        store.setAutoCommitDelay(Integer.MAX_VALUE);
        return store;
    }

    /** @param fsync forces what {@code commit()} wrote to the disk ({@link MVStore#sync()}; tests slow it down) */
    DurableH2Backend(MVStore store, Consumer<MVStore> fsync) {
        super(store);
        this.store = store;
        this.fsync = fsync;
        // opening may have changed metadata: start from a durable point
        commitAndSync();
        this.groupCommit = new GroupCommit("embedded-mongo-group-commit", this::commitAndSync, this::compact,
                                           HOUSEKEEPING_MILLIS);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new KeyOrderedDatabase(databaseName);
    }

    /**
     * H2's database with its unique indexes ordered by {@link SerializedKeyOrder}. Not static: the stock database
     * opens its indexes in its constructor, before a field of a subclass could hold the store, and called from the
     * backend's own constructor too, before this class's fields are set; the backend's store is there already.
     */
    private final class KeyOrderedDatabase extends H2Database {

        KeyOrderedDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            // the map name is H2Database's, so the indexes of an existing file are found
            MVMap<KeyValue, Object> map = getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(new SerializedKeyOrder()));
            return new SerializedKeyIndex(map, indexName, keys, sparse);
        }
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!isWrite(command, query)) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        Lock shared = commands.readLock();
        shared.lock();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            shared.unlock();
            // also after a failed command: what it changed before failing must be durable before anyone is told
            answerWhenDurable(channel, groupCommit.request());
        }
    }

    private static void answerWhenDurable(Channel channel, CompletableFuture<Void> durable) {
        if (channel != null && channel.eventLoop().inEventLoop()) {
            HeldReplies.holdNextReply(channel, durable);
        } else {
            // not called by the wire server (a test, a tool): the caller's thread may wait
            try {
                durable.join();
            } catch (CompletionException e) {
                throw new IllegalStateException("the write could not be made durable", e.getCause());
            }
        }
    }

    static boolean isWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (WRITES.contains(name)) {
            return true;
        }
        if (name.equals("aggregate") && query.get("pipeline") instanceof List<?> stages) {
            return stages.stream().anyMatch(stage -> stage instanceof Map<?, ?> m
                                                     && (m.containsKey("$out") || m.containsKey("$merge")));
        }
        return false;
    }

    /**
     * The committer's: one capture of every write applied before it began, then, once H2's threads have written it,
     * one fsync if anything was written.
     */
    private void commitAndSync() {
        Lock exclusive = commands.writeLock();
        exclusive.lock();
        long start = System.nanoTime();
        try {
            // tryCommit() skips the capture when another store operation holds H2's store lock (none should,
            // housekeeping runs on this thread): then the blocking commit() does it
            if (store.tryCommit() < 0 && store.hasUnsavedChanges()) {
                store.commit();
            }
        } finally {
            exclusive.unlock();
            exclusiveNanos += System.nanoTime() - start;
            exclusiveCount++;
        }
        long version = store.getCurrentVersion();
        if (version != syncedVersion) {
            store.executeFilestoreOperation(() -> fsync.accept(store));
            syncedVersion = version;
        }
    }

    /**
     * The committer's, between commits: copies the live pages of some sparse chunks into the next chunk, so that the
     * old ones die and their space is reused. A commit per write group leaves many chunks each holding a few live
     * pages (every commit rewrites the leaves it touched, scattered over the index trees), which without this grow the
     * file by the size of every commit. Rewriting a page does not change what the maps hold, so this runs beside the
     * writers, without the lock; a capture taking half of it still holds whole commands. While writes come, the next
     * group's commit stores the rewritten pages; once they paused, this commits them itself. Whether more is left.
     */
    private boolean compact(boolean idle) {
        boolean rewritten = store.compact(TARGET_FILL_RATE, idle ? IDLE_COMPACTION_BYTES : BUSY_COMPACTION_BYTES);
        if (rewritten && idle) {
            commitAndSync();
        }
        return rewritten;
    }

    /** How many write commands were made durable, in how many commits, at what cost. */
    public String groupCommitStatistics() {
        long n = exclusiveCount;
        return String.format(Locale.ROOT, "%s; writers held back %.2f ms per commit on average (the capture)",
                             groupCommit.statistics(), n == 0 ? 0.0 : exclusiveNanos / 1e6 / n);
    }

    long commits() {
        return groupCommit.commits();
    }

    @Override
    public void close() {
        groupCommit.close();
        log.info(groupCommitStatistics());
        super.close();
    }
}
