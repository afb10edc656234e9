package th.pmqa.studio.query.live;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import th.pmqa.studio.query.history.ChangeLogStore;
import th.pmqa.studio.query.history.ChangeLogStore.StoredChange;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Live changes for this instance's subscribers. Every instance tails the change log in MongoDB itself, so a
 * subscriber gets every update whichever instance runs the projection's segments, with no broker: the database that
 * already orders the events is the fan-out. Polls only while someone listens. Subscribers that cannot keep up lose
 * items rather than slow the others down (each stream decides how to cope: catch up from the log, or conflate).
 */
@Component
public class LiveChanges {

    private static final Logger log = LoggerFactory.getLogger(LiveChanges.class);

    private final ChangeLogStore changes;
    private final Sinks.Many<StoredChange> sink = Sinks.many().multicast().directBestEffort();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-changes");
        t.setDaemon(true);
        return t;
    });
    private volatile long lastSeen = -1;

    public LiveChanges(ChangeLogStore changes, @Value("${studio.live.poll-interval:50ms}") Duration interval) {
        this.changes = changes;
        poller.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every change stored after the moment of subscription (and possibly a few before). */
    public Flux<StoredChange> flux() {
        return sink.asFlux();
    }

    /** One assessment's live changes, buffered from the moment of this call; dispose when the stream ends. */
    public record Buffered(Flux<StoredChange> changes, reactor.core.Disposable subscription) {
    }

    /**
     * Subscribes now, before the caller reads the state it starts from, so no change can fall between the two. A
     * subscriber more than 4096 changes behind is let go (its stream ends) rather than slowing anyone down;
     * reconnecting gives it a fresh state.
     */
    public Buffered bufferFor(String assessmentId) {
        Sinks.Many<StoredChange> buffer = Sinks.many().unicast()
                                               .onBackpressureBuffer(new java.util.concurrent.ArrayBlockingQueue<>(4096));
        var subscription = sink.asFlux().filter(c -> c.entry().assessmentId().equals(assessmentId))
                               .subscribe(c -> {
                                   if (buffer.tryEmitNext(c).isFailure()) {
                                       buffer.tryEmitComplete();
                                   }
                               });
        return new Buffered(buffer.asFlux(), subscription);
    }

    private void poll() {
        try {
            if (sink.currentSubscriberCount() == 0) {
                lastSeen = -1; // nobody listens: start from "now" when someone does
                return;
            }
            if (lastSeen < 0) {
                lastSeen = changes.lastPosition();
                return;
            }
            List<StoredChange> batch;
            do {
                batch = changes.tail(lastSeen, 500);
                for (StoredChange change : batch) {
                    sink.tryEmitNext(change);
                    lastSeen = change.position();
                }
            } while (batch.size() == 500);
        } catch (RuntimeException e) {
            log.warn("Live change poll failed: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }
}
