package th.pmqa.studio.infra.tools;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.pmqa.studio.infra.embedded.DurableH2Backend;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded default's backup and restore on files (the whole stack through them: query-service BackupRestoreTest). */
class EmbeddedBackupTest {

    @TempDir
    Path dir;

    private List<Document> writeAndStop(Path dataDir, int count) throws java.io.IOException {
        Files.createDirectories(dataDir);
        MongoServer server = new MongoServer(DurableH2Backend.open(dataDir.resolve("mongo.mv")));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            var documents = client.getDatabase("studio").getCollection("documents");
            for (int i = 0; i < count; i++) {
                documents.insertOne(new Document("_id", i).append("text", "ข้อความที่ " + i));
            }
            return documents.find().into(new ArrayList<>());
        } finally {
            server.shutdownNow();
        }
    }

    private List<Document> read(Path dataDir) {
        MongoServer server = new MongoServer(DurableH2Backend.open(dataDir.resolve("mongo.mv")));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            return client.getDatabase("studio").getCollection("documents").find().into(new ArrayList<>());
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aBackupRestoredIntoAFreshFolderHoldsEveryDocument() throws Exception {
        List<Document> written = writeAndStop(dir.resolve("data"), 200);
        EmbeddedBackup.backup(dir.resolve("data"), dir.resolve("backup"));
        EmbeddedBackup.restore(dir.resolve("backup"), dir.resolve("fresh"), false);
        assertThat(read(dir.resolve("fresh"))).hasSize(200).isEqualTo(written);
    }

    @Test
    void aRestoreIntoAFolderThatHoldsAnythingIsRefusedAndChangesNothing() throws Exception {
        writeAndStop(dir.resolve("data"), 3);
        EmbeddedBackup.backup(dir.resolve("data"), dir.resolve("backup"));
        Files.createDirectories(dir.resolve("used"));
        Files.writeString(dir.resolve("used/notes.txt"), "keep me");
        assertThatThrownBy(() -> EmbeddedBackup.restore(dir.resolve("backup"), dir.resolve("used"), false))
                .isInstanceOf(EmbeddedBackup.Refused.class).hasMessageContaining("not empty")
                .hasMessageContaining("--force");
        try (var entries = Files.list(dir.resolve("used"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void aForcedRestoreReplacesTheDataAndKeepsTheReplacedFileBesideIt() throws Exception {
        writeAndStop(dir.resolve("data"), 5);
        EmbeddedBackup.backup(dir.resolve("data"), dir.resolve("backup"));
        writeAndStop(dir.resolve("other"), 9);
        EmbeddedBackup.restore(dir.resolve("backup"), dir.resolve("other"), true);
        assertThat(read(dir.resolve("other"))).hasSize(5);
        try (var entries = Files.list(dir.resolve("other"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("mongo.mv.replaced-"));
        }
    }

    @Test
    void aBackupOfARunningServerIsRefusedInsteadOfCopiedTorn() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        MongoServer server = new MongoServer(DurableH2Backend.open(dir.resolve("data/mongo.mv")));
        server.bind();
        try {
            assertThatThrownBy(() -> EmbeddedBackup.backup(dir.resolve("data"), dir.resolve("backup")))
                    .isInstanceOf(EmbeddedBackup.Refused.class).hasMessageContaining("in use");
            assertThat(dir.resolve("backup/mongo.mv")).doesNotExist();
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aDamagedBackupIsRefused() throws Exception {
        writeAndStop(dir.resolve("data"), 3);
        EmbeddedBackup.backup(dir.resolve("data"), dir.resolve("backup"));
        byte[] bytes = Files.readAllBytes(dir.resolve("backup/mongo.mv"));
        bytes[bytes.length / 2] ^= 1;
        Files.write(dir.resolve("backup/mongo.mv"), bytes);
        assertThatThrownBy(() -> EmbeddedBackup.restore(dir.resolve("backup"), dir.resolve("fresh"), false))
                .isInstanceOf(EmbeddedBackup.Refused.class).hasMessageContaining("damaged");
        assertThat(dir.resolve("fresh")).doesNotExist();
    }
}
