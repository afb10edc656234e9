package th.pmqa.studio.infra.metrics;

/**
 * Every meter the studio registers, in one place, as Micrometer names: Prometheus shows dots as underscores, a timer
 * as {@code _seconds_count/_sum/_max} and a counter with {@code _total}. What each means, and the queries over them:
 * docs/operations.md, "Metrics".
 */
public final class MeterNames {

    /** Timer per command: tags {@code command} (its class's simple name) and {@code outcome} (see {@link #OUTCOMES}). */
    public static final String COMMANDS = "studio.commands";
    /** What became of a command: stored as sent, merged with others' edits, lost to a conflict, refused, or failed. */
    public static final java.util.List<String> OUTCOMES = java.util.List.of("accepted", "merged", "conflict", "refused", "error");
    /** Counter: a command sent again because another node appended to its assessment first (tag {@code command}). */
    public static final String COMMAND_RETRIES = "studio.commands.retries";

    /** Timer per commit written to the event store: tag {@code outcome} = stored | failed. */
    public static final String EVENTSTORE_APPEND = "studio.eventstore.append";
    /** Counter: a commit written again on a fresh global index range (its range was sealed or handed out twice). */
    public static final String EVENTSTORE_APPEND_RETRIES = "studio.eventstore.append.retries";
    /** Counter: global indexes a reader sealed with a tombstone after waiting out the seal timeout. */
    public static final String EVENTSTORE_SEALED = "studio.eventstore.sealed";

    /** Gauge per projection segment (tag {@code segment}): events stored but not yet projected. */
    public static final String PROJECTION_LAG_EVENTS = "studio.projection.lag.events";
    /** Gauge per projection segment: age of the oldest stored event the segment has not projected yet, 0 when none. */
    public static final String PROJECTION_LAG_SECONDS = "studio.projection.lag.seconds";

    /** Gauge per stream kind (tag {@code stream}): open server-sent event subscriptions on this node. */
    public static final String LIVE_SUBSCRIBERS = "studio.live.subscribers";

    /** Counter: write requests refused with 429 by the per-user rate limit. */
    public static final String RATE_LIMITED = "studio.ratelimit.refused";

    private MeterNames() {
    }
}
