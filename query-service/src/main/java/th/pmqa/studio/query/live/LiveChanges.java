package th.pmqa.studio.query.live;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import th.pmqa.studio.infra.mongo.BoundedReads;
import th.pmqa.studio.query.store.ChangeLogStore;
import th.pmqa.studio.query.store.ChangeLogStore.StoredChange;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
 * <p>
 * A poll reads at most {@value #WINDOW} positions and {@link #POLL_BYTES} of changes (a change of a 50,000-character
 * text is ~600 KB), from a cursor, delivering each change as it is read. When it stops short of the floor, the next
 * poll goes on from where it stopped rather than from the floor: a backlog is delivered over several polls, never
 * passed over.
 */
@Component
public class LiveChanges {

    private static final Logger log = LoggerFactory.getLogger(LiveChanges.class);
    /** Positions read per poll above the floor; a larger backlog is delivered over the next polls. */
    static final int WINDOW = 1_000;
    /** Bytes of changes (their encoded section updates) read per poll; at least one change. */
    static final long POLL_BYTES = BoundedReads.PAGE_BYTES;
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
    public LiveChanges(ChangeLogStore changes, th.pmqa.studio.query.projection.ProjectionStatus projection,
                       th.pmqa.studio.infra.eventstore.EventStoreReads events,
                       @Value("${studio.live.poll-interval:10ms}") Duration interval) {
        this(changes, projection::position, events::headPosition, interval);
    }

    LiveChanges(ChangeLogStore changes, java.util.function.LongSupplier floor, java.util.function.LongSupplier head,
                Duration interval) {
        this.changes = changes;
        this.floor = floor;
        this.head = head;
        poller.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private volatile DroppedSubscribers dropped = DroppedSubscribers.NONE;

    /** Counts the subscribers {@link #bufferFor} lets go. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void countDropsWith(DroppedSubscribers dropped) {
        this.dropped = dropped;
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
                                   Sinks.EmitResult result = buffer.tryEmitNext(c);
                                   // full (FAIL_ZERO_SUBSCRIBER: full before the stream subscribed); not a
                                   // stream that already ended or whose client went away
                                   if (result.isFailure() && buffer.tryEmitComplete().isSuccess()
                                       && (result == Sinks.EmitResult.FAIL_OVERFLOW
                                           || result == Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER)) {
                                       dropped.dropped();
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
            // Positions delivered already are not asked for again: while a segment holds the floor back, the same
            // window is polled every few milliseconds, and its changes may be large.
            List<Long> wanted = java.util.stream.LongStream.rangeClosed(from + 1, from + size)
                                                          .filter(p -> !delivered.contains(p)).boxed().toList();
            // the last position this poll has read everything up to: the window's end, unless it stopped early
            long covered = from + size;
            long bytes = 0;
            try (Stream<StoredChange> window = changes.window(wanted)) {
                Iterator<StoredChange> it = window.iterator();
                while (it.hasNext()) {
                    StoredChange change = it.next();
                    if (delivered.add(change.position())) {
                        sink.tryEmitNext(change);
                    }
                    bytes += change.sectionFrame().length;
                    if (bytes >= POLL_BYTES && it.hasNext()) {
                        covered = change.position();
                        break;
                    }
                }
            }
            // Everything at or below the floor taken before this poll was stored before it began, so this poll read
            // it, up to where it stopped.
            readFrom = Math.min(nextFrom, covered);
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
