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

    @org.axonframework.serialization.Revision("2")
    record Drafted(String text, Long merge) {
    }

    @Test
    void aRevisionOneEventOfATypeThatOnlyGainedAFieldReadsAsRevisionTwoWithTheFieldAbsent() {
        engine().appendEvents(new GenericDomainEventMessage<>("Stub", "KKN-2568", 0, new Drafted("ร่าง ๑ ✍🏽", 7L), Map.of(),
                                                              "d0", Instant.now()));
        // what the previous version stored: revision 1, no merge field
        var stored = database.getCollection("events").find(Filters.eq("aggregateIdentifier", "KKN-2568")).first();
        String oldPayload = stored.getString("payload").replace(",\"merge\":7", "");
        assertThat(oldPayload).doesNotContain("merge");
        database.getCollection("events").updateOne(Filters.eq("_id", stored.get("_id")),
                Updates.combine(Updates.set("payloadRevision", "1"), Updates.set("payload", oldPayload)));
        // a later upcaster that only knows revision 2 must see the old event too
        var seenAtTwo = new org.axonframework.serialization.upcasting.event.SingleEventUpcaster() {
            @Override
            protected boolean canUpcast(org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation r) {
                return r.getType().getName().equals(Drafted.class.getName()) && "2".equals(r.getType().getRevision());
            }

            @Override
            protected org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation doUpcast(
                    org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation r) {
                return r.upcastPayload(new org.axonframework.serialization.SimpleSerializedType(Drafted.class.getName(), "3"),
                        com.fasterxml.jackson.databind.JsonNode.class,
                        json -> ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("merge", 3));
            }
        };
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        MongoEventStorageEngine upgraded = MongoEventStorageEngine.builder().database(database).eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new org.axonframework.serialization.upcasting.event.EventUpcasterChain(
                        new AddedFieldUpcaster(java.util.Set.of(Drafted.class.getName()), "1", "2"), seenAtTwo))
                .build();

        Drafted read = (Drafted) upgraded.readEvents("KKN-2568").asStream().findFirst().orElseThrow().getPayload();

        assertThat(read.text()).isEqualTo("ร่าง ๑ ✍🏽");
        assertThat(read.merge()).isEqualTo(3L);
    }
}
