package th.pmqa.studio.query.comment;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.pmqa.studio.comment.ThreadStatus;
import th.pmqa.studio.query.report.ReportViewStore;
import th.pmqa.studio.query.web.Blocking;
import th.pmqa.studio.query.web.Problems;

import java.util.List;

/**
 * The comment threads of an assessment, oldest first: of one section, open or resolved ones, or those that mention
 * someone ("mentions of me"). Who may read them is checked for every path under {@code /api/assessments/{id}/} by
 * {@code AssessmentReadAccess}.
 */
@RestController
public class CommentController {

    private final CommentThreadStore threads;
    private final ReportViewStore views;

    public CommentController(CommentThreadStore threads, ReportViewStore views) {
        this.threads = threads;
        this.views = views;
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
            if (views.load(id).isEmpty()) {
                throw Problems.notFound("id", "no assessment " + id);
            }
            return new CommentThreads(id, threads.find(id, section, wanted, mentions));
        });
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
