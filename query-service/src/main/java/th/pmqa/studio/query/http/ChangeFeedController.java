package th.pmqa.studio.query.http;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import th.pmqa.studio.query.live.Heartbeat;
import th.pmqa.studio.query.live.LiveChanges;
import th.pmqa.studio.query.model.ChangeEntry;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.store.ChangeLogStore;
import th.pmqa.studio.query.store.ReportViewStore;
import th.pmqa.studio.query.web.Blocking;
import th.pmqa.studio.query.web.Problems;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The ordered change feed a facilitator steps through ("change x of y"), as pages and as a stream. */
@RestController
@Tag(name = "history-controller") // the tag of the controller it was split from: the OpenAPI description is unchanged
public class ChangeFeedController {

    private static final int MAX_PAGE_SIZE = 200;

    private final ChangeLogStore changes;
    private final ReportViewStore views;
    private final LiveChanges live;

    public ChangeFeedController(ChangeLogStore changes, ReportViewStore views, LiveChanges live) {
        this.changes = changes;
        this.views = views;
        this.live = live;
    }

    /** One entry of the change feed (and the data of a {@code change} event of its stream). */
    @Schema(name = "FeedItem")
    record FeedItemDoc(@Schema(description = "1-based number of the change in this assessment") long index,
                       @Schema(description = "number of changes (absent in the stream)") Long total,
                       long position, java.time.Instant at, th.pmqa.studio.report.Author author, String section,
                       String kind, String what, String summary, String before, String after,
                       List<th.pmqa.studio.query.model.TextDiff.Chunk> diff,
                       @Schema(description = ChangeEntry.COARSE_DIFF) boolean coarseDiff,
                       @Schema(types = {"integer", "null"}, description = "the text's revision after a text change")
                       Long revision,
                       @Schema(types = {"object", "null"},
                               description = "{baseRevision, theirsRevision} when the change merged concurrent edits")
                       th.pmqa.studio.report.Merge merge) {
    }

    @Schema(name = "ChangeFeed")
    record ChangeFeedDoc(String assessmentId, long total, List<FeedItemDoc> items,
                         @Schema(types = {"integer", "null"}, description = "the after= of the next page; null at the end")
                         Long next) {
    }

    /**
     * The change feed: "change x of y", oldest first, after a position. A page may hold fewer than {@code limit}
     * changes when they are large (see {@link ChangeLogStore#entriesAfter}); {@code next} goes on from there.
     */
    @GetMapping("/api/assessments/{id}/changes")
    @ApiResponse(responseCode = "200", description = "a page of the change feed",
                 content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChangeFeedDoc.class)))
    public Mono<Map<String, Object>> changes(@PathVariable String id,
                                             @Parameter(description = "changes after this global position", schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
                                             @RequestParam(name = "after", defaultValue = "0") String after,
                                             @Parameter(description = "changes per page (at most 200)", schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "50"))
                                             @RequestParam(name = "limit", defaultValue = "50") String limit) {
        return Blocking.call(() -> {
            assessment(id);
            long afterPosition = Problems.nonNegative("after", after);
            int size = (int) Math.min(MAX_PAGE_SIZE, Math.max(1, Problems.nonNegative("limit", limit)));
            long total = changes.count(id);
            long index = changes.countUpTo(id, afterPosition);
            List<Object> items = new ArrayList<>();
            for (ChangeEntry entry : changes.entriesAfter(id, afterPosition, size)) {
                items.add(feedItem(entry, ++index, total));
            }
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("assessmentId", id);
            page.put("total", total);
            page.put("items", items);
            page.put("next", items.isEmpty() ? null : ((Map<?, ?>) items.get(items.size() - 1)).get("position"));
            return page;
        });
    }

    /** The change feed as server-sent events: the history after {@code after} first, then live changes. */
    @GetMapping(value = "/api/assessments/{id}/changes/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> changeStream(@PathVariable String id,
                                                      @Parameter(description = "replay the changes after this global position first", schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
                                                      @RequestParam(name = "after", defaultValue = "0") String after) {
        return Flux.defer(() -> {
            long afterPosition = Problems.nonNegative("after", after);
            LiveChanges.Buffered live = this.live.bufferFor(id);
            AtomicLong last = new AtomicLong(afterPosition);
            AtomicLong index = new AtomicLong();
            // The history is read from a cursor as the client takes it, never as one list: a long history of large
            // texts is more than a reply (or the heap) holds. Cursor reads block, so they run on boundedElastic.
            Flux<ServerSentEvent<Object>> history = Blocking.call(() -> {
                assessment(id);
                index.set(changes.countUpTo(id, afterPosition));
                return afterPosition;
            }).flatMapMany(from -> Flux.fromStream(() -> changes.streamEntriesAfter(id, from))
                                       .subscribeOn(Schedulers.boundedElastic()))
              .map(entry -> {
                  last.set(entry.position());
                  return event(entry, index.incrementAndGet());
              });
            Flux<ServerSentEvent<Object>> following = live.changes().filter(c -> c.position() > last.get())
                    .map(c -> {
                        last.set(c.position());
                        return event(c.entry(), index.incrementAndGet());
                    });
            // With no history to send, a comment at once: the answer's headers go out with the first bytes, and a
            // client (or proxy) would otherwise wait for a change before it knows the stream is open.
            Flux<ServerSentEvent<Object>> opening = history.switchIfEmpty(Flux.just(Heartbeat.comment("no changes after " + afterPosition)));
            return opening.concatWith(following).mergeWith(Heartbeat.events())
                          .doFinally(s -> live.subscription().dispose());
        });
    }

    private static ServerSentEvent<Object> event(ChangeEntry entry, long index) {
        return ServerSentEvent.builder((Object) feedItem(entry, index, null)).event("change")
                              .id(Long.toString(entry.position())).build();
    }

    private static Map<String, Object> feedItem(ChangeEntry entry, long index, Long total) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("index", index);
        if (total != null) {
            item.put("total", total);
        }
        item.put("position", entry.position());
        item.put("at", entry.at());
        item.put("author", entry.author());
        item.put("section", entry.section());
        item.put("kind", entry.kind());
        item.put("what", entry.what());
        item.put("summary", entry.summary());
        item.put("before", entry.before());
        item.put("after", entry.after());
        item.put("diff", entry.diff());
        item.put("coarseDiff", entry.coarseDiff());
        item.put("revision", entry.revision());
        item.put("merge", entry.merge());
        return item;
    }

    /**
     * A request body this controller cannot decode (a multipart Content-Type without a boundary, say) is the
     * request's fault: 400, not the 500 the fuzzer once found here.
     */
    @org.springframework.web.bind.annotation.ExceptionHandler(org.springframework.core.codec.DecodingException.class)
    org.springframework.http.ResponseEntity<org.springframework.http.ProblemDetail> undecodable(
            org.springframework.core.codec.DecodingException error) {
        return UndecodableRequest.problem(error);
    }

    private ReportState assessment(String id) {
        return views.load(id).orElseThrow(() -> Problems.notFound("id", "no assessment " + id));
    }
}
