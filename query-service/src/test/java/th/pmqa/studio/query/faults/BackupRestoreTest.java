package th.pmqa.studio.query.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.reactive.function.client.WebClient;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.security.DevelopmentKey;
import th.pmqa.studio.infra.security.TokenMinter;
import th.pmqa.studio.infra.testing.EmbeddedMongoProcess;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.infra.tools.EmbeddedBackup;
import th.pmqa.studio.query.QueryServiceApplication;
import th.pmqa.studio.query.testing.ServiceProcess;
import th.pmqa.studio.report.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default's backup and restore as an operator runs them ({@code infra/run.sh backup} / {@code restore}
 * call {@link EmbeddedBackup}): events written and projected, the stack stopped, backed up, restored into a fresh
 * folder, started on it: every stored document is there, and a rebuild of the read models equals the originals.
 */
@Tag("slow")
class BackupRestoreTest {

    private static final String DATABASE = "backup_restore";
    /** The read models (names, not the store classes' constants: those classes are moving between packages). */
    private static final List<String> READ_MODELS = List.of("report_views", "report_changes", "dashboard_rows");
    private static final String[] CRITERIA = {"1.1", "1.2", "2.1", "3.1", "4.1", "7.1"};
    private static final String TOKEN = TokenMinter.mint(DevelopmentKey.loadOrCreate(DevelopmentKey.dataDir()),
            "u-backup", "ผู้สำรองข้อมูล", "BACKUP", List.of("ADMIN"), Duration.ofHours(1));

    @Test
    void aBackupRestoredIntoAFreshFolderHoldsEveryEventAndRebuildsEqualReadModels(@TempDir Path dir) throws Exception {
        assumeThat(MongoTestServer.serverName()).as("backs up the embedded server of the default run, whatever the "
                                                    + "tests run against: one run is enough").isEqualTo("embedded");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        int assessments = 3;
        int eventsEach = 120;
        Map<String, List<Document>> original;
        try (EmbeddedMongoProcess mongo = EmbeddedMongoProcess.start(data)) {
            try (MongoClient client = MongoClients.create(mongo.uri(DATABASE))) {
                appendEvents(client.getDatabase(DATABASE), assessments, eventsEach);
            }
            try (ServiceProcess query = ServiceProcess.start(QueryServiceApplication.class, mongo.uri(DATABASE))) {
                WebClient http = client(query.awaitHealthy());
                await().atMost(Duration.ofSeconds(120)).until(() -> lag(http) == 0 && position(http) > 0);
            }
            try (MongoClient client = MongoClients.create(mongo.uri(DATABASE))) {
                original = everything(client.getDatabase(DATABASE));
            }
        } // SIGTERM: the embedded server closes its file cleanly, as Ctrl-C in infra/run.sh does
        assertThat(original.get("events")).hasSize(assessments * eventsEach);
        assertThat(original.get("report_changes")).hasSize(assessments * eventsEach);

        EmbeddedBackup.backup(data, dir.resolve("backup"));
        assertThatThrownBy(() -> EmbeddedBackup.restore(dir.resolve("backup"), data, false))
                .as("the old folder is not empty").isInstanceOf(EmbeddedBackup.Refused.class);
        Path fresh = dir.resolve("fresh");
        EmbeddedBackup.restore(dir.resolve("backup"), fresh, false);

        try (EmbeddedMongoProcess mongo = EmbeddedMongoProcess.start(fresh);
             MongoClient client = MongoClients.create(mongo.uri(DATABASE))) {
            MongoDatabase restored = client.getDatabase(DATABASE);
            Map<String, List<Document>> asRestored = everything(restored);
            assertThat(asRestored.keySet()).isEqualTo(original.keySet());
            asRestored.forEach((name, docs) -> assertThat(docs).as(name).isEqualTo(original.get(name)));

            try (ServiceProcess query = ServiceProcess.start(QueryServiceApplication.class, mongo.uri(DATABASE))) {
                WebClient http = client(query.awaitHealthy());
                // a rebuild needs every segment claimed by this node (409 otherwise), and the restored tokens show no
                // lag before this node has claimed anything: wait for the claims themselves
                await().atMost(Duration.ofSeconds(120)).until(() -> allSegmentsClaimedHere(http));
                http.post().uri("/api/admin/projections/rebuild").retrieve().toBodilessEntity().block();
                await().atMost(Duration.ofSeconds(120)).until(() -> rebuildDone(http));
            }
            Map<String, List<Document>> rebuilt = everything(restored);
            for (String name : READ_MODELS) {
                assertThat(rebuilt.get(name)).as(name + " rebuilt on the restored data").hasSameSizeAs(original.get(name))
                                             .isEqualTo(original.get(name));
            }
            assertThat(rebuilt.get("events")).isEqualTo(original.get("events"));
        }
    }

    private static void appendEvents(MongoDatabase db, int assessments, int eventsEach) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(db).eventSerializer(serializer)
                                                                .snapshotSerializer(serializer).build();
        for (int a = 0; a < assessments; a++) {
            AssessmentId id = new AssessmentId("B" + a + "-2567");
            Author author = new Author("u-" + a, "ผู้เขียน " + a);
            List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
            batch.add(new GenericDomainEventMessage<>("Assessment", id.value(), 0, new AssessmentOpenedEvent(id,
                    "B" + a, "หน่วยงาน " + a, OrganizationType.AGENCY, 2567, "pmqa-4.0/2567", author, Instant.now())));
            for (int i = 1; i < eventsEach; i++) {
                batch.add(new GenericDomainEventMessage<>("Assessment", id.value(), i, new ResultDraftedEvent(id,
                        new CriterionId(CRITERIA[i % CRITERIA.length]), LevelKind.values()[i % 3],
                        "ผลลัพธ์ที่ " + i + " ก้าวหน้า", (i / (CRITERIA.length * 3)) + 1L, author, Instant.now())));
            }
            engine.appendEvents(batch);
        }
    }

    /** Every collection's documents by id. */
    private static Map<String, List<Document>> everything(MongoDatabase db) {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String name : db.listCollectionNames().into(new TreeSet<>())) {
            all.put(name, db.getCollection(name).find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return all;
    }

    private static WebClient client(ServiceProcess service) {
        return WebClient.builder().baseUrl(service.baseUrl()).defaultHeader("Authorization", "Bearer " + TOKEN).build();
    }

    private static Map<?, ?> status(WebClient http) {
        return http.get().uri("/api/admin/projections").retrieve().bodyToMono(Map.class).block(Duration.ofSeconds(30));
    }

    private static long position(WebClient http) {
        return ((Number) status(http).get("position")).longValue();
    }

    private static long lag(WebClient http) {
        return ((Number) status(http).get("lag")).longValue();
    }

    private static boolean allSegmentsClaimedHere(WebClient http) {
        Map<?, ?> status = status(http);
        int segments = ((Number) status.get("segments")).intValue();
        return segments > 0 && segments == ((Number) status.get("segmentsClaimedHere")).intValue();
    }

    private static boolean rebuildDone(WebClient http) {
        Map<?, ?> last = (Map<?, ?>) status(http).get("lastRebuild");
        return last != null && Boolean.TRUE.equals(last.get("done"));
    }
}
