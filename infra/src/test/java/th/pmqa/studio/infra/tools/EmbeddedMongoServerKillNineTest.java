package th.pmqa.studio.infra.tools;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.pmqa.studio.infra.testing.EmbeddedMongoProcess;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/** The embedded MongoDB killed with SIGKILL while clients insert: what it acknowledged is still there. */
@Tag("slow")
class EmbeddedMongoServerKillNineTest {

    private static final int WRITERS = 8;

    @Test
    void everyInsertTheServerAcknowledgedIsInItsFileAfterAKillNine(@TempDir Path dataDir) throws Exception {
        assumeThat(MongoTestServer.serverName()).as("kills the embedded server, whatever the tests run against: one "
                                                    + "run is enough").isEqualTo("embedded");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (EmbeddedMongoProcess server = EmbeddedMongoProcess.start(dataDir)) {
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            try (MongoClient client = MongoClients.create(server.uri("kill"))) {
                MongoCollection<Document> documents = client.getDatabase("kill").getCollection("documents");
                documents.insertOne(new Document("_id", "first"));
                acknowledged.add("first");
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.submit(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            String id = writer + "-" + i;
                            try {
                                documents.insertOne(new Document("_id", id)
                                                            .append("text", "ข้อความที่ " + i));
                            } catch (RuntimeException serverGone) {
                                return null; // not acknowledged
                            }
                            acknowledged.add(id);
                        }
                        return null;
                    });
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 2_000);
                server.kill();
                stop.set(true);
                writers.shutdown();
                assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }

            server.restart();
            try (MongoClient client = MongoClients.create(server.uri("kill"))) {
                Set<String> stored = new HashSet<>();
                client.getDatabase("kill").getCollection("documents").find()
                      .forEach(document -> stored.add(document.getString("_id")));
                List<String> lost = new ArrayList<>(acknowledged);
                lost.removeAll(stored);
                assertThat(lost.size()).as("acknowledged inserts missing after the kill (of %d acknowledged, "
                                           + "%d stored; some lost: %s)", acknowledged.size(), stored.size(),
                                           lost.subList(0, Math.min(5, lost.size()))).isZero();
            }
        }
    }
}
