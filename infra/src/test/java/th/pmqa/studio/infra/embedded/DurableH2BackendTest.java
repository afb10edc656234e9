package th.pmqa.studio.infra.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The embedded server's backend in this JVM, with an fsync the test can hold up. */
class DurableH2BackendTest {

    private final AtomicInteger fsyncs = new AtomicInteger();
    private volatile CountDownLatch fsyncGate = new CountDownLatch(0);
    private DurableH2Backend backend;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> documents;

    @BeforeEach
    void start(@TempDir Path dir) {
        backend = new DurableH2Backend(DurableH2Backend.openStore(dir.resolve("mongo.mv")), store -> {
            fsyncs.incrementAndGet();
            try {
                assertThat(fsyncGate.await(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            store.sync();
        });
        server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        documents = client.getDatabase("durable").getCollection("documents");
        documents.insertOne(new Document("_id", "before"));
    }

    @AfterEach
    void stop() {
        fsyncGate.countDown();
        client.close();
        server.shutdownNow();
    }

    @Test
    void aWriteIsAnsweredOnlyAfterItsCommitWasFsyncedWhileReadsAreAnsweredMeanwhile() throws Exception {
        fsyncGate = new CountDownLatch(1);
        int fsyncsBefore = fsyncs.get();
        CompletableFuture<Void> write =
                CompletableFuture.runAsync(() -> documents.insertOne(new Document("_id", "held")));
        await().atMost(Duration.ofSeconds(10)).until(() -> fsyncs.get() > fsyncsBefore);

        // the write's commit is at its fsync: the reply waits, other connections' reads do not
        assertThat(write).isNotDone();
        List<CompletableFuture<Long>> reads = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // several at once: they land on several of the server's event loops
            reads.add(CompletableFuture.supplyAsync(() -> documents.countDocuments(Filters.eq("_id", "before"))));
        }
        for (CompletableFuture<Long> read : reads) {
            assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        // the window docs/operations.md names ("The embedded database"): a write is visible to readers before its
        // writer is answered
        assertThat(documents.countDocuments(Filters.eq("_id", "held"))).isEqualTo(1);
        assertThat(write).isNotDone();

        fsyncGate.countDown();
        write.get(10, TimeUnit.SECONDS);
    }

    @Test
    void readsAskForNoCommit() {
        long commits = backend.commits();
        for (int i = 0; i < 10; i++) {
            assertThat(documents.find(Filters.eq("_id", "before")).first()).isNotNull();
            assertThat(documents.countDocuments()).isEqualTo(1);
            assertThat(documents.aggregate(List.of(new Document("$match", new Document("_id", "before")))).first())
                    .isNotNull();
        }
        assertThat(backend.commits()).isEqualTo(commits);
    }

    @Test
    void everyCommandThatChangesDataIsAWrite() {
        for (String write : List.of("insert", "update", "delete", "findAndModify", "create", "createIndexes", "drop",
                                    "dropIndexes", "dropDatabase", "renameCollection")) {
            assertThat(DurableH2Backend.isWrite(write, command(write))).as(write).isTrue();
        }
        assertThat(DurableH2Backend.isWrite("aggregate", command("aggregate", "$match", "$out"))).isTrue();
        assertThat(DurableH2Backend.isWrite("aggregate", command("aggregate", "$match", "$merge"))).isTrue();
        for (String read : List.of("find", "getMore", "count", "distinct", "listCollections", "listIndexes", "hello",
                                   "isMaster", "ping", "buildInfo", "killCursors", "dbStats", "collStats")) {
            assertThat(DurableH2Backend.isWrite(read, command(read))).as(read).isFalse();
        }
        assertThat(DurableH2Backend.isWrite("aggregate", command("aggregate", "$match", "$group"))).isFalse();
    }

    /** A command as the wire server hands it to the backend, with a pipeline of the given stages. */
    private static de.bwaldvogel.mongo.bson.Document command(String name, String... stages) {
        List<de.bwaldvogel.mongo.bson.Document> pipeline = new ArrayList<>();
        for (String stage : stages) {
            pipeline.add(new de.bwaldvogel.mongo.bson.Document(stage, new de.bwaldvogel.mongo.bson.Document()));
        }
        return new de.bwaldvogel.mongo.bson.Document(name, "documents").append("pipeline", pipeline);
    }
}
