package th.pmqa.studio.infra.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import th.pmqa.studio.infra.eventstore.MongoEventStorageEngine;

import java.util.concurrent.TimeUnit;

/**
 * One MongoDB for everything Axon keeps (events, snapshots, processor tokens) and for the read models. Declared by
 * hand because the axon-mongo Spring Boot starter stops at Boot 2.7.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
@EnableConfigurationProperties(StudioMongoProperties.class)
public class StudioMongoAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public MongoClient mongoClient(StudioMongoProperties properties) {
        long timeoutMs = properties.timeout().toMillis();
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(properties.uri()))
                // fail fast while the server is away: a request should get a 503, not hang
                .applyToClusterSettings(b -> b.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout((int) timeoutMs, TimeUnit.MILLISECONDS))
                // notice a server that went away, or came back, within a couple of seconds
                .applyToServerSettings(b -> b.heartbeatFrequency(2, TimeUnit.SECONDS))
                .build();
        return MongoClients.create(settings);
    }

    @Bean
    @ConditionalOnMissingBean
    public MongoDatabase studioDatabase(MongoClient client, StudioMongoProperties properties) {
        String fromUri = new ConnectionString(properties.uri()).getDatabase();
        return client.getDatabase(fromUri != null ? fromUri : properties.database());
    }

    /**
     * Events whose revision 2 only added fields: text events gained {@code merge} (three-way merge of concurrent
     * edits), a submission gained its override; revision 1 events read with those absent.
     */
    @Bean
    public EventUpcaster textEventsGainedMerge() {
        String report = "th.pmqa.studio.report.";
        return new th.pmqa.studio.infra.eventstore.AddedFieldUpcaster(java.util.Set.of(
                report + "ProfileItemDraftedEvent", report + "ApproachDraftedEvent", report + "DeploymentDraftedEvent",
                report + "ResultDraftedEvent", report + "CriterionSummaryWrittenEvent",
                // gained overrideReason and unapprovedSections with the section workflow
                report + "AssessmentSubmittedEvent"), "1", "2");
    }

    /**
     * A result attachment's revision 2 only added {@code comparison} and {@code direction}: revision 1 events read with
     * both absent.
     */
    @Bean
    public EventUpcaster resultsGainedComparisonAndDirection() {
        return new th.pmqa.studio.infra.eventstore.AddedFieldUpcaster(
                java.util.Set.of("th.pmqa.studio.report.ResultAttachedEvent"), "1", "2");
    }

    @Bean
    @ConditionalOnMissingBean(EventStorageEngine.class)
    public MongoEventStorageEngine eventStorageEngine(MongoDatabase database,
                                                     @Qualifier("eventSerializer") Serializer eventSerializer,
                                                     Serializer serializer,
                                                     ObjectProvider<EventUpcaster> upcasters,
                                                     StudioMongoProperties properties,
                                                     @org.springframework.beans.factory.annotation.Value("${studio.eventstore.batch-size:500}") int batchSize,
                                                     ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meterRegistry) {
        // Events per read: a replay reads a million events in 2,000 round trips instead of 10,000.
        return MongoEventStorageEngine.builder()
                .batchSize(batchSize)
                .database(database)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                .sealTimeout(properties.sealTimeout())
                .meterRegistry(meterRegistry.getIfAvailable(io.micrometer.core.instrument.composite.CompositeMeterRegistry::new))
                .build();
    }

    /**
     * Axon's embedded event store over our engine, polling every {@code studio.eventstore.fetch-delay} (10 ms) for
     * events that other service instances wrote: the default 1 s would put a second between a command on one node
     * and the read models on another, and the wait is part of every live update's latency. A poll at the head reads
     * the counter and a few exact global indexes beyond it, answered from the _id index, so 100 polls a second cost
     * the server little.
     */
    @Bean
    @ConditionalOnMissingBean(org.axonframework.eventsourcing.eventstore.EventStore.class)
    public org.axonframework.eventsourcing.eventstore.EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine,
            @org.springframework.beans.factory.annotation.Value("${studio.eventstore.fetch-delay:10ms}") java.time.Duration fetchDelay) {
        return org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    public TokenStore tokenStore(MongoDatabase database, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .serializer(serializer)
                .build();
    }

    @Bean
    public MongoHealthIndicator mongoHealthIndicator(MongoDatabase database, StudioMongoProperties properties) {
        return new MongoHealthIndicator(database, properties.timeout());
    }
}
