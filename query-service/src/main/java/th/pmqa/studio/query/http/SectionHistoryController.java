package th.pmqa.studio.query.http;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.store.ChangeLogStore;
import th.pmqa.studio.query.store.ReportViewStore;
import th.pmqa.studio.query.view.ReportViewBuilder;
import th.pmqa.studio.query.web.Blocking;
import th.pmqa.studio.query.web.Problems;
import th.pmqa.studio.report.Place;

/** The history of one section (a sub-criterion, an OP item, an OP question's answer) with its comments, page by page. */
@RestController
@Tag(name = "history-controller") // the tag of the controller it was split from: the OpenAPI description is unchanged
public class SectionHistoryController {

    private final SectionHistories histories;
    private final ReportViewStore views;

    public SectionHistoryController(SectionHistories histories, ReportViewStore views) {
        this.histories = histories;
        this.views = views;
    }

    // Filters are query parameters only, never the body (HistoryFilterResolver binds them).
    @GetMapping("/api/assessments/{id}/criteria/{criterionId}/history")
    public Mono<ChangeLogStore.Page> criterionHistory(@PathVariable String id, @PathVariable String criterionId,
                                                      @ParameterObject HistoryFilter params) {
        return Blocking.call(() -> {
            Catalog catalog = ReportViewBuilder.catalogOf(assessment(id));
            if (catalog.criterion(criterionId).isEmpty()) {
                throw Problems.notFound("criterionId", "no sub-criterion " + criterionId);
            }
            return histories.page(id, Place.criterion(criterionId).format(), params);
        });
    }

    @GetMapping("/api/assessments/{id}/profile/{item}/history")
    public Mono<ChangeLogStore.Page> profileHistory(@PathVariable String id, @PathVariable String item,
                                                    @ParameterObject HistoryFilter params) {
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
            return histories.page(id, Place.opItem(number).format(), params);
        });
    }

    /** The history of the answer to one OP question (and the comments on it), like an OP item's. */
    @GetMapping("/api/assessments/{id}/profile/questions/{question}/history")
    public Mono<ChangeLogStore.Page> profileQuestionHistory(@PathVariable String id,
            @Parameter(description = "the OP question's number, 1–13 in pmqa-4.0/2567",
                       schema = @Schema(type = "integer", minimum = "1", maximum = "13"))
            @PathVariable String question,
            @ParameterObject HistoryFilter params) {
        return Blocking.call(() -> {
            Catalog catalog = ReportViewBuilder.catalogOf(assessment(id));
            // plain decimal digits only, as the command side reads them: no sign, no other script's digits
            if (!question.matches("[0-9]{1,4}") || catalog.profileQuestion(Integer.parseInt(question)).isEmpty()) {
                throw Problems.notFound("question", "no OP question " + question);
            }
            return histories.page(id, Place.opQuestion(Integer.parseInt(question)).format(), params);
        });
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
