package th.pmqa.studio.infra.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.testing.MongoTestServer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracking reads ask for the global indexes up to the head and a little beyond: a processor at the head (every
 * processor, 100 times a second) asks for a few ids, not a whole batch, and a counter left behind a written index
 * (a lost {@code $inc} on FerretDB) still lets the readers read on.
 */
class TrackingWindowTest {

    @Test
    void aReaderAsksForTheIndexesUpToTheHeadPlusTheSlackAndAtMostABatch() {
        assertThat(TrackingReads.windowSize(11, 10, 500)).isEqualTo(TrackingReads.HEAD_SLACK);
        assertThat(TrackingReads.windowSize(1, 10, 500)).isEqualTo(10 + TrackingReads.HEAD_SLACK);
        assertThat(TrackingReads.windowSize(1, 1_000_000, 500)).isEqualTo(500);
    }

    @Test
    void aReaderAtTheHeadAsksForAFewIdsAndEveryEventIsReadEvenWithTheCounterLeftBehind() {
        List<Integer> idsAsked = new CopyOnWriteArrayList<>();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find") && event.getCommand().getString("find").getValue().equals("events")
                    && event.getCommand().getDocument("filter").containsKey("_id")
                    && event.getCommand().getDocument("filter").get("_id").isDocument()
                    && event.getCommand().getDocument("filter").getDocument("_id").containsKey("$in")) {
                    idsAsked.add(event.getCommand().getDocument("filter").getDocument("_id").getArray("$in").size());
                }
            }
        };
        String name = MongoTestServer.freshDatabaseName("trackingwindow");
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(MongoTestServer.uri())).addCommandListener(listener).build())) {
            MongoDatabase database = client.getDatabase(name);
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database).batchSize(500)
                    .eventSerializer(serializer).snapshotSerializer(serializer).build();
            for (int i = 0; i < 100; i++) {
                engine.appendEvents(new GenericDomainEventMessage<>("Assessment", "A-2567", i, "ร่างที่ " + i));
            }

            idsAsked.clear();
            assertThat(read(engine)).hasSize(100);
            assertThat(idsAsked).as("ids asked for per window").allMatch(n -> n <= 100 + TrackingReads.HEAD_SLACK);

            // the counter left behind the written indexes, as a lost $inc leaves it on FerretDB
            database.getCollection(GlobalIndex.COUNTERS).updateOne(Filters.eq(EventDocument.ID, "global-index"),
                                                                   Updates.set("value", 10L));
            assertThat(read(engine)).hasSize(100);
            database.drop();
        }
    }

    private static List<Long> read(MongoEventStorageEngine engine) {
        try (var stream = engine.readEvents(null, false)) {
            return stream.map(TrackedEventMessage::trackingToken).map(t -> t.position().orElseThrow())
                         .collect(Collectors.toCollection(ArrayList::new));
        }
    }
}
