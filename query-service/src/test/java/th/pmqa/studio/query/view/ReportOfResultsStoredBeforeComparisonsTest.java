package th.pmqa.studio.query.view;

import th.pmqa.studio.query.model.ReportFold;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import th.pmqa.studio.infra.config.StudioMongoAutoConfiguration;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;
import th.pmqa.studio.infra.testing.MongoTestServer;
import th.pmqa.studio.report.AssessmentEvent;
import th.pmqa.studio.report.Comparison;
import th.pmqa.studio.report.ResultAttachedEvent;
import th.pmqa.studio.report.ResultDirection;
import th.pmqa.studio.report.ResultId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static th.pmqa.studio.catalog.LevelKind.BASIC;
import static th.pmqa.studio.query.model.TestEvents.*;

/**
 * Issue 12: a store written before results had a comparison and a direction. Its revision 1 attachments are read
 * through the services' own upcaster beans, reach later upcasters at revision 2, and fold into a report that
 * judges nothing it cannot.
 */
class ReportOfResultsStoredBeforeComparisonsTest {

    private final MongoDatabase database = MongoTestServer.freshDatabase("upgrade-results");
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().addModule(new JavaTimeModule())
                                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build())
            .build();

    @AfterEach
    void tearDown() {
        database.drop();
    }

    private MongoEventStorageEngine engine(EventUpcasterChain upcasters) {
        MongoEventStorageEngine.Builder builder = MongoEventStorageEngine.builder().database(database)
                .eventSerializer(serializer).snapshotSerializer(serializer);
        return (upcasters == null ? builder : builder.upcasterChain(upcasters)).build();
    }

    private static ResultAttachedEvent attachment(Comparison comparison, ResultDirection direction) {
        return new ResultAttachedEvent(ID, c("1.1"), BASIC, new ResultId("r-1"), "7.1.1", "ร้อยละความสำเร็จ ๑",
                                       "ร้อยละ", new BigDecimal("80"),
                                       Map.of(2565, new BigDecimal("70"), 2566, new BigDecimal("78")),
                                       List.of("รายงาน"), SOMCHAI, at(1), comparison, direction);
    }

    @Test
    void aRevisionOneAttachmentReadsAtRevisionTwoWithNoComparisonOrDirectionAndItsReportJudgesNothing() {
        engine(null).appendEvents(new GenericDomainEventMessage<>("Assessment", ID.value(), 0, attachment(null, null),
                                                                  Map.of(), "e-1", at(1)));
        // what the previous version stored: revision 1, without the two fields
        Document stored = database.getCollection("events").find(Filters.eq("aggregateIdentifier", ID.value())).first();
        String oldPayload = stored.getString("payload").replace(",\"comparison\":null", "")
                                  .replace(",\"direction\":null", "");
        assertThat(oldPayload).doesNotContain("comparison", "direction").contains("ร้อยละความสำเร็จ ๑");
        database.getCollection("events").updateOne(Filters.eq("_id", stored.get("_id")),
                Updates.combine(Updates.set("payloadRevision", "1"), Updates.set("payload", oldPayload)));
        // a later upcaster written for revision 2 must meet the old event too
        AtomicInteger seenAtTwo = new AtomicInteger();
        SingleEventUpcaster revisionTwo = new SingleEventUpcaster() {
            @Override
            protected boolean canUpcast(IntermediateEventRepresentation r) {
                return r.getType().getName().equals(ResultAttachedEvent.class.getName())
                       && "2".equals(r.getType().getRevision());
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation r) {
                seenAtTwo.incrementAndGet();
                return r;
            }
        };
        StudioMongoAutoConfiguration configuration = new StudioMongoAutoConfiguration();
        MongoEventStorageEngine upgraded = engine(new EventUpcasterChain(configuration.textEventsGainedMerge(),
                configuration.resultsGainedComparisonAndDirection(), revisionTwo));

        ResultAttachedEvent read = (ResultAttachedEvent) upgraded.readEvents(ID.value()).asStream().findFirst()
                                                                 .orElseThrow().getPayload();

        assertThat(seenAtTwo).hasValue(1);
        assertThat(read).isEqualTo(attachment(null, null));
        List<AssessmentEvent> events = new ArrayList<>(List.of(opened(), read));
        JsonNode result = ReportJson.MAPPER.valueToTree(ReportViewBuilder.build(ReportFold.replay(events)))
                                           .at("/categories/0/criteria/0/levels/0/results/0");
        assertThat(result.get("comparison").isNull()).isTrue();
        assertThat(result.get("direction").isNull()).isTrue();
        assertThat(result.at("/trend/movement").asText()).isEqualTo("rising");
        assertThat(result.at("/trend/judgement").isNull()).isTrue();
        assertThat(result.at("/targetGap/met").isNull()).isTrue();
        assertThat(result.at("/targetGap/difference").decimalValue()).isEqualByComparingTo("-2");
    }

    @Test
    void aRevisionTwoAttachmentKeepsItsComparisonExactAndItsDirectionAsTheWordTheApiUses() {
        ResultAttachedEvent sent = attachment(new Comparison(new BigDecimal("76.250000"), "ค่าเฉลี่ย ๒๕๖๖ 👩‍💼"),
                                              ResultDirection.LOWER);
        engine(null).appendEvents(new GenericDomainEventMessage<>("Assessment", ID.value(), 0, sent, Map.of(), "e-2",
                                                                  at(1)));
        Document stored = database.getCollection("events").find(Filters.eq("aggregateIdentifier", ID.value())).first();
        assertThat(stored.getString("payloadRevision")).isEqualTo("2");
        assertThat(stored.getString("payload")).contains("\"direction\":\"lower\"");

        StudioMongoAutoConfiguration configuration = new StudioMongoAutoConfiguration();
        Object read = engine(new EventUpcasterChain(configuration.textEventsGainedMerge(),
                                                    configuration.resultsGainedComparisonAndDirection()))
                .readEvents(ID.value()).asStream().findFirst().orElseThrow().getPayload();

        assertThat(read).isEqualTo(sent);
        assertThat(((ResultAttachedEvent) read).comparison().value().toPlainString()).isEqualTo("76.250000");
    }
}
