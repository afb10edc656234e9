package th.pmqa.studio.query.comment;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.pmqa.studio.comment.ThreadStatus;
import th.pmqa.studio.query.live.Heartbeat;
import th.pmqa.studio.query.store.ReportViewStore;
import th.pmqa.studio.query.web.Blocking;
import th.pmqa.studio.query.web.Problems;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.List;

/**
 * The comment threads of an assessment, oldest first: of one section, open or resolved ones, or those that mention
 * someone ("mentions of me"). Who may read them is checked for every path under {@code /api/assessments/{id}/} by
 * {@code AssessmentReadAccess}.
 */
@RestController
public class CommentController {

    private static final Logger log = LoggerFactory.getLogger(CommentController.class);

    private final CommentThreadStore threads;
    private final ReportViewStore views;
    private final Duration pollInterval;

    public CommentController(CommentThreadStore threads, ReportViewStore views,
                             @Value("${studio.comments.poll-interval:1s}") Duration pollInterval) {
        this.threads = threads;
        this.views = views;
        this.pollInterval = pollInterval;
    }

    @Schema(name = "CommentThreads")
    public record CommentThreads(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String assessmentId,
                                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<CommentThreadView> threads) {
    }

    @GetMapping("/api/assessments/{id}/comments")
    @ApiResponse(responseCode = "200", description = "the threads that pass the filters, oldest first",
                 content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommentThreads.class)))
    public Mono<CommentThreads> threads(@PathVariable String id,
                                        @Parameter(description = "only threads on this section, e.g. criteria/1.1/basic/approach, "
                                                                 + "criteria/1.1/summary or profile/3")
                                        @RequestParam(name = "section", required = false) String section,
                                        @Parameter(description = "only open or only resolved threads",
                                                   schema = @Schema(allowableValues = {"OPEN", "RESOLVED"}))
                                        @RequestParam(name = "status", required = false) String status,
                                        @Parameter(description = "only threads in which someone mentioned this user id")
                                        @RequestParam(name = "mentions", required = false) String mentions) {
        return Blocking.call(() -> {
            ThreadStatus wanted = status(status);
            requireAssessment(id);
            return new CommentThreads(id, threads.find(id, section, wanted, mentions));
        });
    }

    /**
     * The comments of an assessment as they happen, with the same filters as the list. Each stream reads its
     * assessment's threads once a second (an indexed read of one assessment's threads) and sends those that moved on,
     * so it needs no tailer or broker and works the same on any query node.
     */
    @GetMapping(value = "/api/assessments/{id}/comments/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ApiResponse(responseCode = "200",
                 description = "a `threads` event with the list as GET …/comments answers it (CommentThreads), then "
                               + "a `thread` event (CommentThread, id: its position) each time a thread that passes "
                               + "the filters starts, gets a reply, or is resolved or reopened; with `status`, a "
                               + "thread that stops matching is sent once more with its new status",
                 content = @Content(mediaType = "text/event-stream",
                                    schema = @Schema(implementation = CommentThreads.class)))
    public Flux<ServerSentEvent<Object>> stream(@PathVariable String id,
                                                @Parameter(description = "only threads on this section")
                                                @RequestParam(name = "section", required = false) String section,
                                                @Parameter(description = "only open or only resolved threads",
                                                           schema = @Schema(allowableValues = {"OPEN", "RESOLVED"}))
                                                @RequestParam(name = "status", required = false) String status,
                                                @Parameter(description = "only threads in which someone mentioned this "
                                                                         + "user id: a person's own notifications")
                                                @RequestParam(name = "mentions", required = false) String mentions) {
        ThreadStatus wanted = status(status);
        // whatever their status: ThreadChanges applies the status filter, and sees a thread leave it
        Callable<List<CommentThreadView>> read = () -> threads.find(id, section, null, mentions);
        return Blocking.call(() -> {
                    requireAssessment(id);
                    return read.call();
                })
                .flatMapMany(all -> {
                    ThreadChanges changes = new ThreadChanges(wanted, all);
                    Flux<ServerSentEvent<Object>> updates = Flux.interval(pollInterval).onBackpressureDrop()
                            .concatMap(tick -> Blocking.call(read)
                                                       .onErrorResume(e -> {
                                                           // MongoDB away for a moment: the next tick catches up
                                                           log.debug("Comment stream read failed: {}", e.getMessage());
                                                           return Mono.empty();
                                                       }), 1)
                            .concatMapIterable(changes::next)
                            .map(thread -> ServerSentEvent.<Object>builder(thread).event("thread")
                                                          .id(Long.toString(thread.position())).build());
                    return Flux.just(ServerSentEvent.<Object>builder(new CommentThreads(id, changes.shown(all)))
                                                    .event("threads").build())
                               .concatWith(updates);
                })
                .mergeWith(Heartbeat.events());
    }

    private void requireAssessment(String id) {
        if (!views.exists(id)) {
            throw Problems.notFound("id", "no assessment " + id);
        }
    }

    private static ThreadStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return ThreadStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("status", "status is OPEN or RESOLVED, not " + status);
        }
    }
}
