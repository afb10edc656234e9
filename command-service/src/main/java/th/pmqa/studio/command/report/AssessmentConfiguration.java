package th.pmqa.studio.command.report;

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
}
