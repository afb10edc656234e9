package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.pmqa.studio.command.web.Authors;
import th.pmqa.studio.command.web.CommandSender;
import th.pmqa.studio.command.web.TextLimit;
import th.pmqa.studio.infra.access.Action;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.report.commands.AttachResultCommand;
import th.pmqa.studio.command.report.commands.DetachResultCommand;
import th.pmqa.studio.command.report.commands.ReviseResultCommand;
import th.pmqa.studio.report.Comparison;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.report.ResultDirection;
import th.pmqa.studio.report.ResultId;

import java.net.URI;

import static th.pmqa.studio.command.report.http.CommandRequests.organizationOf;
import static th.pmqa.studio.command.report.http.CommandRequests.pathLevel;

/** The results (indicator figures) attached to a level of a sub-criterion. */
@RestController
@RequestMapping("/api/assessments")
@Tag(name = CommandRequests.TAG)
class ResultController {

    private final CommandSender commands;
    private final TextLimit textLimit;
    private final Authors authors;

    ResultController(CommandSender commands, TextLimit textLimit, Authors authors) {
        this.commands = commands;
        this.textLimit = textLimit;
        this.authors = authors;
    }

    @PostMapping("/{id}/criteria/{criterionId}/levels/{level}/results")
    Mono<ResponseEntity<Attached>> attachResult(@PathVariable String id, @PathVariable String criterionId,
                                                @PathVariable String level, @RequestBody AttachRequest request,
                                                @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, organizationOf(id));
        LevelKind levelKind = pathLevel(level);
        ResultDirection direction = checkResult(request);
        ResultId resultId = ResultId.random();
        return commands.<ResultId>send(new AttachResultCommand(new AssessmentId(id), new CriterionId(criterionId),
                        levelKind, resultId, request.indicatorGroup(), request.name(), request.unit(),
                        request.target(), request.values(), request.evidence(), comparison(request), direction,
                        author))
                .map(attached -> ResponseEntity
                        .created(URI.create("/api/assessments/" + id + "/criteria/" + criterionId + "/levels/"
                                + levelKind.pathName() + "/results/" + attached.value()))
                        .body(new Attached(attached.value())));
    }

    @DeleteMapping("/{id}/criteria/{criterionId}/levels/{level}/results/{resultId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> detachResult(@PathVariable String id, @PathVariable String criterionId, @PathVariable String level,
                            @PathVariable String resultId, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, organizationOf(id));
        LevelKind levelKind = pathLevel(level);
        return commands.send(new DetachResultCommand(new AssessmentId(id), new CriterionId(criterionId),
                levelKind, new ResultId(resultId), author)).then();
    }

    /** The same body as attaching; the result keeps its id, level and place. */
    @PutMapping("/{id}/criteria/{criterionId}/levels/{level}/results/{resultId}")
    Mono<Revised> reviseResult(@PathVariable String id, @PathVariable String criterionId, @PathVariable String level,
                               @PathVariable String resultId, @RequestBody AttachRequest request,
                               @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, organizationOf(id));
        LevelKind levelKind = pathLevel(level);
        ResultDirection direction = checkResult(request);
        return commands.<Boolean>send(new ReviseResultCommand(new AssessmentId(id), new CriterionId(criterionId),
                        levelKind, new ResultId(resultId), request.indicatorGroup(), request.name(), request.unit(),
                        request.target(), request.values(), request.evidence(), comparison(request), direction,
                        author))
                .map(stored -> new Revised(resultId, stored));
    }

    /** The texts of a result body within the text limit, and its direction read; the rest is the aggregate's. */
    private ResultDirection checkResult(AttachRequest request) {
        textLimit.check("name", request.name());
        textLimit.check("unit", request.unit());
        if (request.evidence() != null) {
            for (int i = 0; i < request.evidence().size(); i++) {
                textLimit.check("evidence[" + i + "]", request.evidence().get(i));
            }
        }
        if (request.comparison() != null) {
            textLimit.check("comparison.source", request.comparison().source());
        }
        String direction = request.direction();
        return direction == null ? null : ResultDirection.fromPath(direction).orElseThrow(() ->
                new InvalidInputException("direction", "direction is higher or lower (which way is better); "
                                                       + "leave it out when neither is"));
    }

    private static Comparison comparison(AttachRequest request) {
        return request.comparison() == null ? null
                : new Comparison(request.comparison().value(), request.comparison().source());
    }
}
