package th.pmqa.studio.query.projection;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A projection never skips an event. Axon's default for a failing event handler logs the failure and moves the
 * token past the event ("Continuing"), so the read models lose that change for good while the processor looks
 * healthy; a handler interrupted by Axon's handler timeout went the same way. Propagating the failure instead makes
 * the processor roll the batch back, release the segment and retry it with a growing pause, and the segment's error
 * shows in {@code GET /api/admin/projections} and in health until the event goes through.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionErrors {

    @Bean
    public ConfigurerModule projectionNeverSkipsAnEvent() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                AssessmentProjector.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
