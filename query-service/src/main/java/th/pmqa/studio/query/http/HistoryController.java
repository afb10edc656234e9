package th.pmqa.studio.query.http;

import th.pmqa.studio.query.model.ChangeEntry;
import th.pmqa.studio.query.store.ChangeLogStore;
import th.pmqa.studio.query.store.CommentLogStore;
import th.pmqa.studio.query.web.Blocking;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.query.live.Heartbeat;
import th.pmqa.studio.query.live.LiveChanges;
import th.pmqa.studio.query.view.ReportViewBuilder;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.store.ReportViewStore;
import th.pmqa.studio.query.web.Problems;
import th.pmqa.studio.report.Place;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** Per-section history and the ordered change feed a facilitator steps through. */
@RestController
public class HistoryController {

    private static final int MAX_PAGE_SIZE = 200;

    private final ChangeLogStore changes;
    private final ReportViewStore views;
    private final LiveChanges live;
    private final CommentLogStore comments;

    public HistoryController(ChangeLogStore changes, ReportViewStore views, LiveChanges live, CommentLogStore comments) {
        this.changes = changes;
        this.comments = comments;
        this.views = views;
        this.live = live;
    }

    /**
     * Filters of a section's history. Numbers and instants arrive as text so that a bad one gets a problem naming
     * the parameter, not a binding error; the schemas say what is accepted.
     */
    record HistoryFilter(String page, String size, String author, String from, String to) {
    }

    // Filters are query parameters only, never the body: bound as a form object they made a GET with a multipart
    // Content-Type read its body and fail with 500 (found by the fuzzer).
    @GetMapping("/api/assessments/{id}/criteria/{criterionId}/history")
    public Mono<ChangeLogStore.Page> criterionHistory(@PathVariable String id, @PathVariable String criterionId,
            @Parameter(description = "page number from 0", schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
            @RequestParam(name = "page", required = false) String page,
            @Parameter(description = "changes per page", schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "20"))
            @RequestParam(name = "size", required = false) String size,
            @Parameter(description = "only changes by this user id") @RequestParam(name = "author", required = false) String author,
            @Parameter(description = "only changes at or after this instant", schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(name = "from", required = false) String from,
            @Parameter(description = "only changes at or before this instant", schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(name = "to", required = false) String to) {
        HistoryFilter params = new HistoryFilter(page, size, author, from, to);
        return Blocking.call(() -> {
            Catalog catalog = ReportViewBuilder.catalogOf(assessment(id));
            if (catalog.criterion(criterionId).isEmpty()) {
                throw Problems.notFound("criterionId", "no sub-criterion " + criterionId);
            }
            return page(id, Place.criterion(criterionId).format(), params);
        });
    }

    @GetMapping("/api/assessments/{id}/profile/{item}/history")
    public Mono<ChangeLogStore.Page> profileHistory(@PathVariable String id, @PathVariable String item,
            @Parameter(description = "page number from 0", schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
            @RequestParam(name = "page", required = false) String page,
            @Parameter(description = "changes per page", schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "20"))
            @RequestParam(name = "size", required = false) String size,
            @Parameter(description = "only changes by this user id") @RequestParam(name = "author", required = false) String author,
            @Parameter(description = "only changes at or after this instant", schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(name = "from", required = false) String from,
            @Parameter(description = "only changes at or before this instant", schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(name = "to", required = false) String to) {
        HistoryFilter params = new HistoryFilter(page, size, author, from, to);
        return Blocking.call(() -> {
            Catalog catalog = ReportViewBuilder.catalogOf(assessment(id));
            int number;
            try {
                number = Integer.parseInt(item);
            } catch (NumberFormatException e) {
                throw Problems.notFound("item", "no OP item " + item);
            }
            if (catalog.profileItem(number).isEmpty()) {
                throw Problems.notFound("item", "no OP item " + item);
            }
            return page(id, Place.opItem(number).format(), params);
        });
    }

    /** The history of the answer to one OP question (and the comments on it), like an OP item's. */
    @GetMapping("/api/assessments/{id}/profile/questions/{question}/history")
    public Mono<ChangeLogStore.Page> profileQuestionHistory(@PathVariable String id,
            @Parameter(description = "the OP question's number, 1–13 in pmqa-4.0/2567",
                       schema = @Schema(type = "integer", minimum = "1", maximum = "13"))
            @PathVariable String question,
            @Parameter(description = "page number from 0", schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
            @RequestParam(name = "page", required = false) String page,
            @Parameter(description = "changes per page", schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "20"))
            @RequestParam(name = "size", required = false) String size,
            @Parameter(description = "only changes by this user id") @RequestParam(name = "author", required = false) String author,
            @Parameter(description = "only changes at or after this instant", schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(name = "from", required = false) String from,
            @Parameter(description = "only changes at or before this instant", schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(name = "to", required = false) String to) {
        HistoryFilter params = new HistoryFilter(page, size, author, from, to);
        return Blocking.call(() -> {
            Catalog catalog = ReportViewBuilder.catalogOf(assessment(id));
            // plain decimal digits only, as the command side reads them: no sign, no other script's digits
            if (!question.matches("[0-9]{1,4}") || catalog.profileQuestion(Integer.parseInt(question)).isEmpty()) {
                throw Problems.notFound("question", "no OP question " + question);
            }
            return page(id, Place.opQuestion(Integer.parseInt(question)).format(), params);
        });
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

    private ChangeLogStore.Page page(String id, String section, HistoryFilter params) {
        long page = Problems.nonNegative("page", params.page() == null ? "0" : params.page());
        long size = Problems.nonNegative("size", params.size() == null ? "20" : params.size());
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Problems.invalid("size", "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (page > Integer.MAX_VALUE / size) {
            // the store skips page × size entries as an int; no history is that long
            throw Problems.invalid("page", "page " + page + " is beyond any history");
        }
        Instant from = Problems.instant("from", params.from());
        Instant to = Problems.instant("to", params.to());
        return merged(id, section, params.author(), from, to, (int) page, (int) size);
    }

    /**
     * The section's report changes and its comment activity (kinds {@code COMMENT}, {@code COMMENT_RESOLVED},
     * {@code COMMENT_REOPENED}), one history in position order. The two live in separate collections, so a page is
     * cut from both read side by side, in position order, from their first entries: the entries before the page are
     * read and dropped, never held (a deep page of large texts would not fit). A section without comments reads its
     * changes alone, as before.
     */
    private ChangeLogStore.Page merged(String id, String section, String author, Instant from, Instant to, int page,
                                       int size) {
        long commentTotal = comments.count(id, section, author, from, to);
        if (commentTotal == 0) {
            return changes.history(id, section, author, from, to, page, size);
        }
        long reportTotal = changes.count(id, section, author, from, to);
        long skip = (long) page * size;
        List<ChangeEntry> items = new ArrayList<>(size);
        try (Stream<ChangeEntry> reportChanges = changes.historyEntries(id, section, author, from, to);
             Stream<ChangeEntry> commentChanges = comments.entries(id, section, author, from, to)) {
            java.util.Iterator<ChangeEntry> merged = inPositionOrder(reportChanges.iterator(), commentChanges.iterator());
            for (long n = 0; n < skip + size && merged.hasNext(); n++) {
                ChangeEntry entry = merged.next();
                if (n >= skip) {
                    items.add(entry);
                }
            }
        }
        return new ChangeLogStore.Page(List.copyOf(items), reportTotal + commentTotal, page, size);
    }

    /** Two iterators in position order merged into one in position order. */
    private static java.util.Iterator<ChangeEntry> inPositionOrder(java.util.Iterator<ChangeEntry> a,
                                                                   java.util.Iterator<ChangeEntry> b) {
        return new java.util.Iterator<>() {
            private ChangeEntry nextA = a.hasNext() ? a.next() : null;
            private ChangeEntry nextB = b.hasNext() ? b.next() : null;

            @Override
            public boolean hasNext() {
                return nextA != null || nextB != null;
            }

            @Override
            public ChangeEntry next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                ChangeEntry taken;
                if (nextB == null || (nextA != null && nextA.position() <= nextB.position())) {
                    taken = nextA;
                    nextA = a.hasNext() ? a.next() : null;
                } else {
                    taken = nextB;
                    nextB = b.hasNext() ? b.next() : null;
                }
                return taken;
            }
        };
    }

    /**
     * A request body this controller cannot decode (a multipart Content-Type without a boundary, say) is the
     * request's fault: 400, not the 500 the fuzzer once found here.
     */
    @org.springframework.web.bind.annotation.ExceptionHandler(org.springframework.core.codec.DecodingException.class)
    org.springframework.http.ResponseEntity<org.springframework.http.ProblemDetail> undecodable(
            org.springframework.core.codec.DecodingException error) {
        return org.springframework.http.ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.invalid("Content-Type", "the request could not be read: " + error.getMessage()).getBody());
    }

    private ReportState assessment(String id) {
        return views.load(id).orElseThrow(() -> Problems.notFound("id", "no assessment " + id));
    }

}
