package th.pmqa.studio.infra.eventstore;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection's status counts each segment's lag with {@code storedAfter}, on every status request (the
 * dashboard's banner, a rebuild's progress). The embedded server answers a query from its {@code _id} index only when
 * the filter is on exactly that key; anything more ("and not a tombstone") made it scan the whole store, ten times per
 * request near the head, which stalled a rebuild of the benchmark (issue 18).
 */
class StoredAfterReadsByIdTest {

    @Test
    void theEventsStoredAfterAPositionAreAskedForByTheirIdsAloneAndTombstonesAreLeftOut() {
        List<BsonDocument> finds = new CopyOnWriteArrayList<>();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find") && event.getCommand().getString("find").getValue().equals("events")) {
                    finds.add(event.getCommand().getDocument("filter", new BsonDocument()).clone());
                }
            }
        };
        String name = MongoTestServer.freshDatabaseName("storedafter");
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(MongoTestServer.uri())).addCommandListener(listener).build())) {
            MongoDatabase database = client.getDatabase(name);
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database)
                    .eventSerializer(serializer).snapshotSerializer(serializer).build();
            for (int i = 0; i < 5; i++) {
                engine.appendEvents(new GenericDomainEventMessage<>("Assessment", "A-2567", i, "ร่างที่ " + i));
            }
            // a tombstone: an index reserved and then sealed because its commit never wrote it
            long tombstone = engine.headPosition() + 1;
            database.getCollection(GlobalIndex.COUNTERS).updateOne(
                    com.mongodb.client.model.Filters.eq(EventDocument.ID, "global-index"),
                    com.mongodb.client.model.Updates.inc("value", 1L));
            database.getCollection(EventDocument.EVENTS).insertOne(new org.bson.Document(EventDocument.ID, tombstone)
                                                                           .append(EventDocument.TOMBSTONE, true));
            engine.appendEvents(new GenericDomainEventMessage<>("Assessment", "B-2567", 0, "อีกฉบับ"));
            long head = engine.headPosition();
            finds.clear();

            List<StoredPosition> after = engine.storedAfter(2, 100);

            assertThat(after).extracting(StoredPosition::position).doesNotContain(tombstone).contains(tombstone + 1)
                             .hasSize((int) (head - 2 - 1)).allMatch(p -> p > 2);
            assertThat(finds).isNotEmpty();
            List<List<String>> keys = new ArrayList<>();
            finds.forEach(filter -> keys.add(new ArrayList<>(filter.keySet())));
            assertThat(keys).as("filters of the finds on events: %s", finds).allSatisfy(k -> assertThat(k).containsExactly("_id"));
            database.drop();
        }
    }
}
