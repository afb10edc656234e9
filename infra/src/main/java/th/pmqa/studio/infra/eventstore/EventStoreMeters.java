package th.pmqa.studio.infra.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import th.pmqa.studio.infra.metrics.MeterNames;

/** The event store's meters: append latency and outcome, appends retried on a fresh range, seal-timeout tombstones. */
final class EventStoreMeters {

    private final Timer stored;
    private final Timer failed;
    private final Counter retries;
    private final Counter sealed;

    EventStoreMeters(MeterRegistry registry) {
        this.stored = appendTimer(registry, "stored");
        this.failed = appendTimer(registry, "failed");
        this.retries = Counter.builder(MeterNames.EVENTSTORE_APPEND_RETRIES)
                              .description("Commits written again on a fresh global index range").register(registry);
        this.sealed = Counter.builder(MeterNames.EVENTSTORE_SEALED)
                             .description("Global indexes sealed with a tombstone after the seal timeout").register(registry);
    }

    private static Timer appendTimer(MeterRegistry registry, String outcome) {
        return Timer.builder(MeterNames.EVENTSTORE_APPEND).tag("outcome", outcome)
                    .description("Commits written to the event store").register(registry);
    }

    void appended(long startNanos, boolean ok) {
        (ok ? stored : failed).record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    void retried() {
        retries.increment();
    }

    void sealedOne() {
        sealed.increment();
    }
}
