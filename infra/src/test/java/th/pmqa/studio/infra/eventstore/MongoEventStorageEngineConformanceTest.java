package th.pmqa.studio.infra.eventstore;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngineTest;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.util.function.UnaryOperator;

/**
 * Axon's own storage-engine conformance suite (from the axon-eventsourcing test jar), run against our engine on
 * whichever MongoDB the tests use.
 */
class MongoEventStorageEngineConformanceTest
        extends BatchingEventStorageEngineTest<MongoEventStorageEngine, MongoEventStorageEngine.Builder> {

    private MongoDatabase database;

    @BeforeEach
    void setUp() {
        database = MongoTestServer.freshDatabase("conformance");
        setTestSubject(createEngine());
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    @Override
    protected MongoEventStorageEngine createEngine(UnaryOperator<MongoEventStorageEngine.Builder> customization) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        MongoEventStorageEngine.Builder builder = MongoEventStorageEngine.builder()
                .database(database)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer);
        MongoEventStorageEngine engine = customization.apply(builder).build();
        setTestSubject(engine);
        return engine;
    }
}
