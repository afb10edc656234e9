package th.pmqa.studio.query.projection;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.report.OrganizationType;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.query.store.DashboardStore;
import th.pmqa.studio.query.store.ChangeLogStore;
import th.pmqa.studio.query.store.ReportViewStore;
import th.pmqa.studio.query.model.TestEvents;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.AssessmentOpenedEvent;
import th.pmqa.studio.report.CriterionId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild replays the whole store in large batches (several assessments per batch, each read model written once
 * per batch, the missing ones inserted together); live processing met the same events a commit at a time. Both must
 * leave the same documents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "studio.eventstore.fetch-delay=50ms")
class RebuildEqualsIncrementalTest {

    private static final String DATABASE = MongoTestServer.freshDatabaseName("rebuildbatch");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("studio.mongodb.uri", () -> MongoTestServer.uri(DATABASE));
    }

    @Autowired
    MongoEventStorageEngine engine;
    @Autowired
    ProjectionStatus projection;
    @Autowired
    MongoDatabase database;

    private static final String[] CRITERIA = {"1.1", "2.1", "3.1", "4.1", "5.1", "6.1"};

    @Test
    void rebuildingInBatchesOfSeveralAssessmentsGivesTheDocumentsIncrementalProcessingGave() {
        int assessments = 5;
        long[] sequences = new long[assessments];
        long events = 0;
        for (int a = 0; a < assessments; a++) {
            AssessmentId id = AssessmentId.of("RB" + a, 2567);
            engine.appendEvents(List.of(message(id, sequences[a]++, new AssessmentOpenedEvent(id, "RB" + a,
                    "จังหวัดที่ " + a, OrganizationType.PROVINCE, 2567, "pmqa-4.0/2567", TestEvents.SOMCHAI, TestEvents.at(0)))));
            events++;
        }
        // commits of a few events each, round robin over the assessments, texts revised again and again
        for (int round = 0; round < 6; round++) {
            for (int a = 0; a < assessments; a++) {
                AssessmentId id = AssessmentId.of("RB" + a, 2567);
                List<GenericDomainEventMessage<?>> commit = new ArrayList<>();
                for (int k = 0; k < 3; k++) {
                    long sequence = sequences[a]++;
                    String criterion = CRITERIA[(int) (sequence % CRITERIA.length)];
                    commit.add(message(id, sequence, new th.pmqa.studio.report.ApproachDraftedEvent(id, new CriterionId(criterion),
                            LevelKind.BASIC, "แนวทางฉบับที่ " + round + " ของ " + criterion, sequence / CRITERIA.length + 1,
                            TestEvents.SUDA, TestEvents.at(round * 10 + k))));
                }
                engine.appendEvents(commit);
                events += commit.size();
            }
        }
        long head = events;
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
               .until(() -> Boolean.TRUE.equals(projection.status().get("caughtUp"))
                            && ((Number) projection.status().get("position")).longValue() >= head);
        Map<String, List<Document>> incremental = readModels();
        assertThat(incremental.get(ChangeLogStore.COLLECTION)).hasSize((int) events);

        projection.rebuild();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
               .until(() -> projection.status().get("lastRebuild") instanceof Map<?, ?> last
                            && Boolean.TRUE.equals(last.get("done")));

        assertThat(readModels()).isEqualTo(incremental);
    }

    private static GenericDomainEventMessage<?> message(AssessmentId id, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Assessment", id.value(), sequence, payload);
    }

    private Map<String, List<Document>> readModels() {
        Map<String, List<Document>> models = new LinkedHashMap<>();
        for (String name : List.of(ReportViewStore.COLLECTION, ChangeLogStore.COLLECTION, DashboardStore.COLLECTION)) {
            models.put(name, database.getCollection(name).find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return models;
    }
}
