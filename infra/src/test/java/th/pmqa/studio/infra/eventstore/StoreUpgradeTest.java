package th.pmqa.studio.infra.eventstore;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoreUpgradeTest {

    private final MongoDatabase database = MongoTestServer.freshDatabase("upgrade");

    @AfterEach
    void tearDown() {
        database.drop();
    }

    private MongoEventStorageEngine engine() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return MongoEventStorageEngine.builder().database(database).eventSerializer(serializer)
                                      .snapshotSerializer(serializer).build();
    }

    @Test
    void eventsStoredBeforeTheStreamKeyExistedGetItAtStartAndTheirAggregateStillLoads() {
        MongoEventStorageEngine before = engine();
        before.appendEvents(new GenericDomainEventMessage<>("Stub", "KKN-2567", 0, "เปิดแบบประเมิน", Map.of(), "e0", Instant.now()),
                            new GenericDomainEventMessage<>("Stub", "KKN-2567", 1, "ร่างแนวทาง", Map.of(), "e1", Instant.now()));
        // what a store written by the previous version looks like
        database.getCollection("events").dropIndex("stream_key");
        database.getCollection("events").updateMany(Filters.empty(), Updates.unset("streamKey"));

        MongoEventStorageEngine after = engine();

        assertThat(after.readEvents("KKN-2567").asStream().map(EventMessage::getIdentifier)).containsExactly("e0", "e1");
        assertThat(database.getCollection("events").countDocuments(Filters.eq("streamKey", "KKN-2567/1"))).isEqualTo(1);
    }
}
