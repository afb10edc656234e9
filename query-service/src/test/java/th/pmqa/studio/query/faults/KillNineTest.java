package th.pmqa.studio.query.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import th.pmqa.studio.infra.testing.DevelopmentTokens;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.command.CommandServiceApplication;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.testing.EmbeddedMongoProcess;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.QueryServiceApplication;
import th.pmqa.studio.query.store.DashboardStore;
import th.pmqa.studio.query.store.ChangeLogStore;
import th.pmqa.studio.query.store.ReportViewStore;
import th.pmqa.studio.query.testing.ServiceProcess;
import th.pmqa.studio.report.*;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of a process of the default run (a service, the embedded database) in the middle of its work, then what is
 * left behind.
 */
@Tag("slow")
class KillNineTest {

    private static final String[] CRITERIA = {"1.1", "1.2", "2.1", "2.2", "3.1", "4.1"};
    /** Nine writers at once, as when the embedded database was seen to lose acknowledged edits. */
    private static final String[] NINE_CRITERIA = {"1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "4.1", "5.1", "6.1"};
    private static final String TOKEN = DevelopmentTokens.mint(
            "u-fault", "ผู้ทดสอบ", "KILL", List.of("ADMIN", "LEAD"), Duration.ofHours(1));

    private static WebClient client(ServiceProcess service) {
        return WebClient.builder().baseUrl(service.baseUrl()).defaultHeader("Authorization", "Bearer " + TOKEN).build();
    }

    private static MongoEventStorageEngine engine(MongoDatabase database) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return MongoEventStorageEngine.builder().database(database).eventSerializer(serializer)
                                      .snapshotSerializer(serializer).build();
    }

    @Test
    void everyCommandThatGotA2xxSurvivesAKillNineOfTheCommandService() throws Exception {
        String database = MongoTestServer.freshDatabaseName("kill_command");
        MongoDatabase db = MongoTestServer.client().getDatabase(database);
        String id;
        EditLoad load;
        try (ServiceProcess command = ServiceProcess.start(CommandServiceApplication.class, MongoTestServer.uri(database))) {
            WebClient http = client(command.awaitHealthy());
            id = EditLoad.openAssessment(http, "KILL");
            load = EditLoad.start(http, id, List.of(CRITERIA));
            try (load) {
                await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledgedCount() >= 120);
                command.kill();
                int beforeKill = load.acknowledgedCount();
                command.restart();
                command.awaitHealthy();
                await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledgedCount() >= beforeKill + 120);
            }
        }
        load.assertAllStored(db, id);
        db.drop();
    }

    @Test
    void everyCommandThatGotA2xxSurvivesAKillNineOfTheEmbeddedDatabase(@TempDir Path dataDir) throws Exception {
        assumeThat(MongoTestServer.serverName()).as("kills the embedded server of the default run, whatever the "
                                                    + "tests run against: one run is enough").isEqualTo("embedded");
        String id;
        EditLoad load;
        try (EmbeddedMongoProcess mongo = EmbeddedMongoProcess.start(dataDir);
             ServiceProcess command = ServiceProcess.start(CommandServiceApplication.class, mongo.uri("kill_mongo"))) {
            WebClient http = client(command.awaitHealthy());
            id = EditLoad.openAssessment(http, "KILL");
            load = EditLoad.start(http, id, List.of(NINE_CRITERIA));
            try (load) {
                await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledgedCount() >= 100);
                mongo.kill();
                int beforeKill = load.acknowledgedCount();
                mongo.restart();
                try (MongoClient client = MongoClients.create(mongo.uri("kill_mongo"))) {
                    // what the database had acknowledged when it died, before the writers build on it again
                    load.assertAllStored(client.getDatabase("kill_mongo"), id);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledgedCount() >= beforeKill + 100);
            }
            try (MongoClient client = MongoClients.create(mongo.uri("kill_mongo"))) {
                load.assertAllStored(client.getDatabase("kill_mongo"), id);
            }
        }
    }

    @Test
    void afterAKillNineDuringLiveProcessingAndDuringARebuildTheReadModelsEqualAFreshRebuild() throws Exception {
        String database = MongoTestServer.freshDatabaseName("kill_query");
        MongoDatabase db = MongoTestServer.client().getDatabase(database);
        MongoEventStorageEngine engine = engine(db);
        int assessments = 6;
        int eventsEach = 400;
        for (int a = 0; a < assessments; a++) {
            AssessmentId id = new AssessmentId("Q" + a + "-2567");
            Author author = new Author("u-" + a, "ผู้เขียน " + a);
            List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
            batch.add(new GenericDomainEventMessage<>("Assessment", id.value(), 0, new AssessmentOpenedEvent(id, "Q" + a,
                    "หน่วยงาน " + a, OrganizationType.AGENCY, 2567, "pmqa-4.0/2567", author, Instant.now())));
            for (int i = 1; i < eventsEach; i++) {
                batch.add(new GenericDomainEventMessage<>("Assessment", id.value(), i, new ResultDraftedEvent(id,
                        new CriterionId(CRITERIA[i % CRITERIA.length]), LevelKind.values()[i % 3],
                        "ผลลัพธ์ที่ " + i, (i / (CRITERIA.length * 3)) + 1L, author, Instant.now())));
                if (batch.size() == 50) {
                    engine.appendEvents(batch);
                    batch.clear();
                }
            }
            engine.appendEvents(batch);
        }
        long total = (long) assessments * eventsEach;
        try (ServiceProcess query = ServiceProcess.start(QueryServiceApplication.class, MongoTestServer.uri(database))) {
            WebClient http = client(query.awaitHealthy());
            await().atMost(Duration.ofSeconds(60)).until(() -> position(http) > total / 4);
            query.kill(); // in the middle of live processing
            query.restart();
            WebClient again = client(query.awaitHealthy());
            await().atMost(Duration.ofSeconds(120)).until(() -> lag(again) == 0);

            again.post().uri("/api/admin/projections/rebuild").retrieve().toBodilessEntity().block();
            await().atMost(Duration.ofSeconds(60)).until(() -> position(again) > total / 4);
            query.kill(); // in the middle of a rebuild
            query.restart();
            WebClient third = client(query.awaitHealthy());
            await().atMost(Duration.ofSeconds(120)).until(() -> lag(third) == 0 && !replaying(third));
            Map<String, List<Document>> afterKills = readModels(db);

            third.post().uri("/api/admin/projections/rebuild").retrieve().toBodilessEntity().block();
            await().atMost(Duration.ofSeconds(120)).until(() -> rebuildDone(third));
            Map<String, List<Document>> fresh = readModels(db);
            fresh.forEach((name, docs) -> {
                List<Document> before = afterKills.get(name);
                assertThat(docs).as(name + " size").hasSameSizeAs(before);
                for (int i = 0; i < docs.size(); i++) {
                    assertThat(docs.get(i)).as(name + " document " + i).isEqualTo(before.get(i));
                }
            });
            assertThat(afterKills.get(ChangeLogStore.COLLECTION)).hasSize((int) total);
        }
        db.drop();
    }

    private static Map<?, ?> status(WebClient http) {
        // the status counts each segment's lag from the store: on FerretDB, which scans a collection per query, that
        // takes seconds while the node catches up on a loaded machine
        return http.get().uri("/api/admin/projections").retrieve().bodyToMono(Map.class).block(Duration.ofSeconds(30));
    }

    private static long position(WebClient http) {
        return ((Number) status(http).get("position")).longValue();
    }

    private static long lag(WebClient http) {
        return ((Number) status(http).get("lag")).longValue();
    }

    private static boolean replaying(WebClient http) {
        return Boolean.TRUE.equals(status(http).get("rebuilding"));
    }

    private static boolean rebuildDone(WebClient http) {
        Map<?, ?> last = (Map<?, ?>) status(http).get("lastRebuild");
        return last != null && Boolean.TRUE.equals(last.get("done"));
    }

    private static Map<String, List<Document>> readModels(MongoDatabase db) {
        Map<String, List<Document>> models = new LinkedHashMap<>();
        for (String name : List.of(ReportViewStore.COLLECTION, ChangeLogStore.COLLECTION, DashboardStore.COLLECTION)) {
            models.put(name, db.getCollection(name).find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return models;
    }
}
