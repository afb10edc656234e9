package th.pmqa.studio.command.report;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AssessmentConfiguration {

    /**
     * A busy assessment collects thousands of edits over a fiscal year; a snapshot every {@code threshold} events
     * bounds how many events a command has to replay.
     */
    @Bean
    SnapshotTriggerDefinition assessmentSnapshotTrigger(Snapshotter snapshotter,
                                                        @Value("${studio.snapshot.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Assessments stay in memory between commands, so a command costs one append instead of a load and an append.
     * The {@code studio.command.cache-size} assessments used last are kept (a province's assessment is some tens of
     * kilobytes of text). Another node's write makes an entry stale; the
     * stale command then collides on the event store's unique (aggregate, sequence) index, Axon evicts the entry on
     * the rollback, and {@code CommandSender} sends the command again on state read fresh from the store. A refusal
     * decided on a stale entry is re-decided the same way.
     */
    @Bean
    Cache assessmentCache(@Value("${studio.command.cache-size:1000}") int size) {
        return new LeastRecentlyUsedCache(size);
    }
}
