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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Live changes for this instance's subscribers. Every instance tails the change log in MongoDB itself, so a
 * subscriber gets every update whichever instance runs the projection's segments, with no broker: the database that
 * already orders the events is the fan-out. Polls only while someone listens. Subscribers that cannot keep up lose
 * items rather than slow the others down (each stream decides how to cope: catch up from the log, or conflate).
 * <p>
 * The projection's segments write the log independently, so position 11 (one assessment, one segment) can appear
 * after position 12 (another assessment, the other segment): "everything after the last position seen" would skip
 * 11 for good. The tailer therefore reads from the projection's floor, the lowest position every segment has
 * stored, below which nothing can appear any more, and remembers what it delivered above it. Reading from the floor
 * taken at the previous poll, which the segments had not passed when that poll began, catches every change written
 * since. One assessment's changes come from one segment in order, so per assessment the order is kept.
 */
@Component
public class LiveChanges {

    private static final Logger log = LoggerFactory.getLogger(LiveChanges.class);
    /** Positions read per poll above the floor; a backlog larger than that is delivered as the floor moves on. */
    static final int WINDOW = 1_000;
    private static final int HEAD_SLACK = 64;

    private final ChangeLogStore changes;
    private final java.util.function.LongSupplier floor;
    /** The event store's highest reserved position: no change lies above it, so polls ask for no more. */
    private final java.util.function.LongSupplier head;
    private final Sinks.Many<StoredChange> sink = Sinks.many().multicast().directBestEffort();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-changes");
        t.setDaemon(true);
        return t;
    });
    /** The floor taken at the previous poll; -1 before the first. */
    private long readFrom = -1;
    /** Positions above {@link #readFrom} already delivered. */
    private final java.util.TreeSet<Long> delivered = new java.util.TreeSet<>();

    @org.springframework.beans.factory.annotation.Autowired
    public LiveChanges(ChangeLogStore changes, th.pmqa.studio.query.rebuild.ProjectionStatus projection,
                       th.pmqa.studio.infra.eventstore.MongoEventStorageEngine events,
                       @Value("${studio.live.poll-interval:25ms}") Duration interval) {
        this(changes, projection::position, events::headPosition, interval);
    }

    LiveChanges(ChangeLogStore changes, java.util.function.LongSupplier floor, java.util.function.LongSupplier head,
                Duration interval) {
        this.changes = changes;
        this.floor = floor;
        this.head = head;
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
            long nextFrom = floor.getAsLong();
            if (sink.currentSubscriberCount() == 0) {
                // Keep the floor current while nobody listens: whatever lies at or below it was stored before the
                // next subscriber subscribes, so that subscriber finds it in the state it starts from.
                readFrom = nextFrom;
                delivered.clear();
                return;
            }
            // A subscriber that came before the first poll: read from the start rather than guess (streams drop
            // what their starting state already holds).
            long from = Math.max(readFrom, 0);
            // a little beyond the head: on FerretDB a lost $inc can leave the counter below a written position
            int size = (int) Math.max(HEAD_SLACK, Math.min(WINDOW, head.getAsLong() - from + HEAD_SLACK));
            for (StoredChange change : changes.window(from + 1, size)) {
                if (delivered.add(change.position())) {
                    sink.tryEmitNext(change);
                }
            }
            readFrom = nextFrom;
            delivered.headSet(readFrom, true).clear();
        } catch (RuntimeException e) {
            log.warn("Live change poll failed: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }
}
