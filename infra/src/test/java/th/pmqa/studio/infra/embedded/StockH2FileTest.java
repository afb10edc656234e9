package th.pmqa.studio.infra.embedded;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server's unique indexes keep H2's key order ({@link SerializedKeyOrder}), so a file written by the
 * stock backend (or by this one before it remembered keys) is searched correctly, and the other way round.
 */
class StockH2FileTest {

    private static final int DOCUMENTS = 3_000;

    @Test
    void aFileWrittenByTheStockBackendIsSearchedByItsIndexesAndWrittenBackReadableByIt(@TempDir Path dir) {
        Path file = dir.resolve("mongo.mv");
        with(new H2Backend(file.toString()), events -> {
            List<Document> batch = new ArrayList<>();
            for (long i = 1; i <= DOCUMENTS; i++) {
                batch.add(new Document("_id", i).append("key", "ประเมิน-" + i));
            }
            events.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            events.insertMany(batch);
        });

        with(DurableH2Backend.open(file), events -> {
            for (long i = 1; i <= DOCUMENTS; i += 7) {
                assertThat(events.find(Filters.eq("_id", i)).first()).as("_id %d", i).isNotNull()
                        .extracting(d -> d.get("key")).isEqualTo("ประเมิน-" + i);
                assertThat(events.find(Filters.in("_id", List.of(i, i + 1))).into(new ArrayList<>())).hasSize(
                        i + 1 <= DOCUMENTS ? 2 : 1);
            }
            assertThatThrownBy(() -> events.insertOne(new Document("_id", 1500L).append("key", "อื่น")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> events.insertOne(new Document("_id", -1L).append("key", "ประเมิน-77")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            events.insertOne(new Document("_id", DOCUMENTS + 1L).append("key", "ใหม่"));
        });

        with(new H2Backend(file.toString()), events -> {
            assertThat(events.find(Filters.eq("_id", DOCUMENTS + 1L)).first()).isNotNull();
            assertThat(events.find(Filters.eq("_id", 2_999L)).first()).isNotNull();
            assertThat(events.countDocuments()).isEqualTo(DOCUMENTS + 1);
            assertThatThrownBy(() -> events.insertOne(new Document("_id", 9_999L).append("key", "ใหม่")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        });
    }

    private static void with(MongoBackend backend, Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            use.accept(client.getDatabase("studio").getCollection("events"));
        } finally {
            server.shutdown();
        }
    }
}
