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

    /** Gauge per processor (tag {@code processor}): events the last rebuild has replayed so far (0 before any). */
    public static final String REBUILD_REPLAYED = "studio.projection.rebuild.replayed";
    /** Gauge per processor: events the last rebuild has to replay (the head when it began; 0 before any). */
    public static final String REBUILD_TARGET = "studio.projection.rebuild.target";

    /** Counter: live-stream subscribers let go (their stream ended) because they fell too far behind. */
    public static final String LIVE_DROPPED = "studio.live.dropped";

    /** Gauge: people present (one entry per person, assessment and browser tab) on this node's presence board. */
    public static final String PRESENCE_ENTRIES = "studio.presence.entries";

    /** Timer per export: tags {@code format} (docx, pdf) and {@code outcome} (see {@link #EXPORT_OUTCOMES}). */
    public static final String EXPORTS = "studio.exports";
    /** What became of an export: a file sent, refused (4xx), or failed (5xx, a PDF without LibreOffice included). */
    public static final java.util.List<String> EXPORT_OUTCOMES = java.util.List.of("ok", "refused", "error");

    /** Gauge: bytes of evidence files stored in the GridFS bucket {@code evidence}. */
    public static final String EVIDENCE_BYTES = "studio.evidence.bytes";

    /** Counter: write requests refused with 429 by the per-user rate limit. */
    public static final String RATE_LIMITED = "studio.ratelimit.refused";

    private MeterNames() {
    }
}
