package th.pmqa.studio.query.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import th.pmqa.studio.infra.metrics.MeterNames;

/**
 * Live-stream subscribers let go for falling behind ({@link MeterNames#LIVE_DROPPED}): a report or change stream whose
 * client has not taken 4096 changes ends, and the client reconnects to a fresh state ({@link LiveChanges#bufferFor}).
 * A steady rise means clients on slow links or a node too busy to write to them.
 */
@Component
public class DroppedSubscribers {

    /** Counts nothing: for a {@link LiveChanges} built without Spring (public: the two may move apart). */
    public static final DroppedSubscribers NONE = new DroppedSubscribers(null);

    private final Counter dropped;

    public DroppedSubscribers(MeterRegistry registry) {
        this.dropped = registry == null ? null
                : Counter.builder(MeterNames.LIVE_DROPPED)
                         .description("Live-stream subscribers let go because they fell too far behind")
                         .register(registry);
    }

    public void dropped() {
        if (dropped != null) {
            dropped.increment();
        }
    }
}
