package th.pmqa.studio.query.presence;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import th.pmqa.studio.infra.access.StudioUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This node's view of who is on which assessment. Heartbeats may arrive at any query node, so the shared truth is
 * the {@code presence} collection: the board reads every unexpired entry from it each poll interval (1 s; only
 * people active in the last 30 s, so few documents) and pushes the new state to this node's subscribers. A heartbeat
 * or leave received here is applied at once as well, so its sender sees it without waiting for the next poll. An
 * entry expires by the clock alone: the poll after its expiry drops it, whether or not any heartbeat arrives.
 * <p>
 * Every state (assessment id → entries, each list in {@link PresenceEntry#ORDER}) goes to one replaying sink that
 * keeps only the latest, so a new subscriber starts from the current state and then follows every change; streams
 * pick out what they show and send only when that changed.
 */
@Component
public class PresenceBoard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PresenceBoard.class);

    private final PresenceStore store;
    private final Clock clock;
    private final Duration expiry;
    private final Sinks.Many<Map<String, List<PresenceEntry>>> states = Sinks.many().replay().latest();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "presence-board");
        t.setDaemon(true);
        return t;
    });
    /** The latest state, also the latest one emitted. Guarded by {@code this}. */
    private Map<String, List<PresenceEntry>> current = Map.of();
    private boolean failing;

    @Autowired
    public PresenceBoard(PresenceStore store, Clock clock,
                         @Value("${studio.presence.expiry:30s}") Duration expiry,
                         @Value("${studio.presence.poll-interval:1s}") Duration pollInterval,
                         @Value("${studio.presence.cleanup-interval:1m}") Duration cleanupInterval) {
        this.store = store;
        this.clock = clock;
        this.expiry = expiry;
        states.tryEmitNext(current);
        timer.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::cleanup, cleanupInterval.toMillis(), cleanupInterval.toMillis(),
                                     TimeUnit.MILLISECONDS);
    }

    public Duration expiry() {
        return expiry;
    }

    /** The moment before which a heartbeat no longer counts. */
    Instant cutoff() {
        return clock.instant().minus(expiry);
    }

    /**
     * Reads every unexpired entry of every assessment and publishes the result if it differs from the last state.
     * Holds the board while reading, so that a heartbeat applied here meanwhile cannot be undone by a read taken
     * before it was stored. With MongoDB unreachable, entries still expire by the clock.
     */
    public synchronized void poll() {
        Instant cutoff = cutoff();
        Collection<PresenceEntry> entries;
        try {
            entries = store.seenSince(cutoff);
            if (failing) {
                log.info("Presence poll works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Presence poll failed, expiring by the clock until it works again: {}", e.getMessage());
                failing = true;
            }
            entries = entries(current);
        }
        publish(group(entries, cutoff));
    }

    /** Deletes the documents of expired entries (every node does it; reads never rely on it). */
    public void cleanup() {
        try {
            store.deleteSeenBefore(cutoff());
        } catch (RuntimeException e) {
            log.warn("Presence cleanup failed: {}", e.getMessage());
        }
    }

    /** Records a heartbeat of {@code user}'s tab {@code clientId} in MongoDB and on this board. */
    public PresenceEntry heartbeat(String assessmentId, StudioUser user, String clientId, String section,
                                   PresenceEntry.Activity activity) {
        Instant now = clock.instant();
        PresenceEntry entry = store.seen(assessmentId, user, clientId, section, activity, now, now.minus(expiry));
        synchronized (this) {
            List<PresenceEntry> all = new ArrayList<>(entries(current));
            all.removeIf(entry::sameTab);
            all.add(entry);
            publish(group(all, cutoff()));
        }
        return entry;
    }

    /** Removes {@code userId}'s tab {@code clientId} from MongoDB and from this board. */
    public void leave(String assessmentId, String userId, String clientId) {
        store.leave(assessmentId, userId, clientId);
        synchronized (this) {
            List<PresenceEntry> all = new ArrayList<>(entries(current));
            all.removeIf(e -> e.assessmentId().equals(assessmentId) && e.userId().equals(userId)
                              && e.clientId().equals(clientId));
            publish(group(all, cutoff()));
        }
    }

    /** Everyone on {@code assessmentId} now, in {@link PresenceEntry#ORDER}. */
    public List<PresenceEntry> people(String assessmentId) {
        return unexpired(current().getOrDefault(assessmentId, List.of()), cutoff());
    }

    /** How many different people are editing {@code assessmentId} now (two tabs of one person count once). */
    public int activeEditors(String assessmentId) {
        return activeEditors(people(assessmentId));
    }

    public static int activeEditors(List<PresenceEntry> entries) {
        return (int) entries.stream().filter(PresenceEntry::isEditing).map(PresenceEntry::userId).distinct().count();
    }

    /** The current state, without entries that expired since the last poll. */
    public Map<String, List<PresenceEntry>> current() {
        Map<String, List<PresenceEntry>> state;
        synchronized (this) {
            state = current;
        }
        return group(entries(state), cutoff());
    }

    /**
     * The current state at once, then every new one (expired entries left out). A subscriber that does not keep up
     * gets the latest state only: presence is a picture of now, not a log.
     */
    public Flux<Map<String, List<PresenceEntry>>> states() {
        return states.asFlux().onBackpressureLatest()
                     .map(state -> group(entries(state), cutoff()));
    }

    /** One assessment's list: the current one, then each time someone arrives, moves, changes activity or leaves. */
    public Flux<List<PresenceEntry>> watch(String assessmentId) {
        return states().map(state -> state.getOrDefault(assessmentId, List.of()))
                       .distinctUntilChanged(list -> list.stream().map(PresenceEntry::withoutSeenAt).toList());
    }

    private void publish(Map<String, List<PresenceEntry>> next) {
        if (!next.equals(current)) {
            current = next;
            Sinks.EmitResult result = states.tryEmitNext(next);
            if (result.isFailure()) {
                log.warn("Presence state not published: {}", result);
            }
        }
    }

    /** Every entry of a state, of all assessments. */
    private static List<PresenceEntry> entries(Map<String, List<PresenceEntry>> state) {
        return state.values().stream().flatMap(List::stream).toList();
    }

    private static Map<String, List<PresenceEntry>> group(Collection<PresenceEntry> entries, Instant cutoff) {
        Map<String, List<PresenceEntry>> byAssessment = new TreeMap<>();
        for (PresenceEntry entry : entries) {
            if (!entry.seenAt().isBefore(cutoff)) {
                byAssessment.computeIfAbsent(entry.assessmentId(), k -> new ArrayList<>()).add(entry);
            }
        }
        byAssessment.replaceAll((id, list) -> list.stream().sorted(PresenceEntry.ORDER).toList());
        return java.util.Collections.unmodifiableMap(byAssessment);
    }

    private static List<PresenceEntry> unexpired(List<PresenceEntry> list, Instant cutoff) {
        return list.stream().filter(e -> !e.seenAt().isBefore(cutoff)).toList();
    }

    @PreDestroy
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
