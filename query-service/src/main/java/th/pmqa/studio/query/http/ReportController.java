package th.pmqa.studio.query.http;

import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.store.ReportViewStore;
import th.pmqa.studio.query.view.ReportDiff;
import th.pmqa.studio.query.view.ReportHtml;
import th.pmqa.studio.query.view.ReportJson;
import th.pmqa.studio.query.view.ReportViewBuilder;
import io.swagger.v3.oas.annotations.Parameter;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import th.pmqa.studio.query.web.Blocking;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.query.store.ChangeLogStore;
import th.pmqa.studio.query.store.ChangeLogStore.StoredChange;
import th.pmqa.studio.query.live.Heartbeat;
import th.pmqa.studio.query.live.LiveChanges;
import th.pmqa.studio.query.view.SseFrames;
import org.springframework.core.io.buffer.DataBuffer;
import th.pmqa.studio.query.projection.TimeTravel;
import th.pmqa.studio.query.view.LabelsView;
import th.pmqa.studio.query.view.ReportDiffView;
import th.pmqa.studio.query.view.ReportView;
import th.pmqa.studio.query.web.Problems;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The report of one assessment: live, as of a past moment, compared between two moments, and streamed. */
@RestController
public class ReportController {

    private final ReportViewStore views;
    private final TimeTravel timeTravel;
    private final ChangeLogStore changes;
    private final LiveChanges live;
    private final th.pmqa.studio.query.projection.ProjectionStatus projection;
    private final th.pmqa.studio.infra.eventstore.EventStoreReads events;
    private final ReportAtPoint points;

    public ReportController(ReportViewStore views, TimeTravel timeTravel, ChangeLogStore changes, LiveChanges live,
                            th.pmqa.studio.query.projection.ProjectionStatus projection,
                            th.pmqa.studio.infra.eventstore.EventStoreReads events) {
        this.views = views;
        this.timeTravel = timeTravel;
        this.changes = changes;
        this.live = live;
        this.projection = projection;
        this.events = events;
        this.points = new ReportAtPoint(views, timeTravel);
    }

    /**
     * Changes already in the log but not yet in the stored report: they belong to a batch still being written, so
     * they lie above the projection's floor and at most at the event store's head. Read as a window of exact
     * positions, which every server answers from its index; a thousand subscribers connecting at once would
     * otherwise each scan the whole change log on the embedded server (measured: its socket reads timed out).
     * A stream over a cursor, to close: a batch of large changes is more than one reply, or one list, should hold.
     */
    private java.util.stream.Stream<StoredChange> notYetInReport(String id, long reportPosition) {
        long from = Math.max(reportPosition, projection.position());
        long to = events.headPosition();
        if (to - from > 10_000) {
            return changes.streamAfter(id, reportPosition).limit(10_000); // far behind: rare enough to pay for the scan
        }
        return changes.window(from + 1, (int) Math.max(0, to - from) + 64)
                      .filter(c -> c.entry().assessmentId().equals(id) && c.position() > reportPosition);
    }

    @GetMapping("/api/catalog")
    public Catalog catalog(@RequestParam(name = "version", required = false) String version) {
        if (version == null) {
            return Catalogs.current();
        }
        return Catalogs.load(version).orElseThrow(() -> Problems.notFound("version", "no catalog " + version));
    }

    /** The named versions of a report, oldest first; each is usable as {@code label=} and {@code from=label:…}. */
    @GetMapping("/api/assessments/{id}/labels")
    @ApiResponse(responseCode = "200", description = "the named versions",
                 content = @Content(mediaType = "application/json", schema = @Schema(implementation = LabelsView.class)))
    public Mono<LabelsView> labels(@PathVariable String id) {
        return Blocking.call(() -> {
            ReportState current = views.load(id).orElseThrow(() -> Problems.notFound("id", "no assessment " + id));
            return new LabelsView(id, ReportViewBuilder.labels(current));
        });
    }

    @GetMapping("/api/assessments/{id}/report")
    @ApiResponse(responseCode = "200", description = "the report",
                 content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportView.class)))
    public Mono<ReportView> report(@PathVariable String id, @ParameterObject ReportPoint point) {
        return Blocking.call(() -> ReportViewBuilder.build(state(id, point)));
    }

    @GetMapping(value = "/api/assessments/{id}/report.html", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<String> reportHtml(@PathVariable String id, @ParameterObject ReportPoint point) {
        return Blocking.call(() -> ReportHtml.render(state(id, point)));
    }

    @GetMapping("/api/assessments/{id}/report/diff")
    @ApiResponse(responseCode = "200", description = "the changes between from and to",
                 content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportDiffView.class)))
    public Mono<ReportDiffView> diff(@PathVariable String id, @Parameter(description = "a global position, an instant (ISO-8601) or label:<name>", example = "2026-11-01T00:00:00Z")
                                          @RequestParam(name = "from") String from,
                                          @Parameter(description = "a global position, an instant (ISO-8601) or label:<name>", example = "12")
                                          @RequestParam(name = "to") String to) {
        return Blocking.call(() -> {
            ReportState before = pointInTime(id, "from", from).orElseGet(() -> emptyLike(id));
            ReportState after = pointInTime(id, "to", to)
                    .orElseThrow(() -> Problems.notFound("to", "assessment " + id + " did not exist yet at " + to));
            return ReportDiff.between(before, after);
        });
    }

    /**
     * Section updates of one report as server-sent events: first the whole report ({@code report}), then one
     * {@code section} event per change carrying that section's new content.
     */
    @GetMapping(value = "/api/assessments/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<DataBuffer> stream(@PathVariable String id) {
        return Flux.defer(() -> {
            LiveChanges.Buffered live = this.live.bufferFor(id);
            AtomicLong last = new AtomicLong();
            Mono<DataBuffer> report = Blocking.call(() -> {
                ReportState state = views.load(id).orElseThrow(() -> Problems.notFound("id", "no assessment " + id));
                last.set(state.position);
                return SseFrames.buffer(SseFrames.frame("report", state.position,
                                                        ReportJson.write(ReportViewBuilder.build(state))));
            });
            // the changes the stored report misses, from a cursor as the client takes them (blocking: boundedElastic)
            Flux<DataBuffer> missed = Flux.defer(() -> {
                long reportPosition = last.get();
                return Flux.fromStream(() -> notYetInReport(id, reportPosition))
                           .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
            }).map(change -> {
                last.set(change.position());
                return sectionEvent(change);
            });
            return report.flux().concatWith(missed)
                       .concatWith(live.changes().filter(c -> c.position() > last.get())
                                         .doOnNext(c -> last.set(c.position())).map(ReportController::sectionEvent))
                       .mergeWith(Heartbeat.frames())
                       .doFinally(signal -> live.subscription().dispose());
        });
    }

    static DataBuffer sectionEvent(StoredChange change) {
        return SseFrames.buffer(change.sectionFrame());
    }

    private ReportState state(String id, ReportPoint point) {
        return points.state(id, point.asOf(), point.position(), point.label());
    }

    private long labelPosition(String id, String label) {
        return points.labelPosition(id, label);
    }

    /**
     * A point in time is an ISO instant, a global position, or {@code label:<name>}. What is neither an instant nor a
     * label is read as a position, so that {@code -1} is told what a position is, not what an instant is.
     */
    private Optional<ReportState> pointInTime(String id, String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problems.invalid(field, field + " is required");
        }
        if (value.startsWith("label:")) {
            return timeTravel.atPosition(id, labelPosition(id, value.substring("label:".length())));
        }
        if (value.contains("T")) {
            return atInstant(id, field, value);
        }
        try {
            return timeTravel.atPosition(id, Problems.position(field, value));
        } catch (org.springframework.web.ErrorResponseException notAPosition) {
            throw Problems.invalid(field, field + " is a global position (a whole number from 0 to "
                    + Problems.MAX_POSITION + "), an ISO-8601 instant or label:<name>, not '" + value + "'");
        }
    }

    private Optional<ReportState> atInstant(String id, String field, String value) {
        return points.atInstant(id, field, value);
    }

    private ReportState emptyLike(String id) {
        ReportState latest = views.load(id).orElseThrow(() -> Problems.notFound("id", "no assessment " + id));
        ReportState empty = new ReportState();
        empty.assessmentId = latest.assessmentId;
        empty.organizationCode = latest.organizationCode;
        empty.organizationName = latest.organizationName;
        empty.organizationType = latest.organizationType;
        empty.fiscalYear = latest.fiscalYear;
        empty.catalogVersion = latest.catalogVersion;
        return empty;
    }

}
