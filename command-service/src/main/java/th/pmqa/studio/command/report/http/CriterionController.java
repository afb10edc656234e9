package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PutMapping;
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
import th.pmqa.studio.command.report.commands.CriterionLinks;
import th.pmqa.studio.command.report.commands.LinkCriterionCommand;
import th.pmqa.studio.command.report.commands.RateLevelCommand;
import th.pmqa.studio.command.web.Required;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.report.KeyProcessId;

import java.util.List;

import static th.pmqa.studio.command.report.http.CommandRequests.organizationOf;

/** What a sub-criterion links to (OP items, indicator groups, key processes) and its rating. */
@RestController
@RequestMapping("/api/assessments")
@Tag(name = CommandRequests.TAG)
class CriterionController {

    private final CommandSender commands;
    private final TextLimit textLimit;
    private final Authors authors;

    CriterionController(CommandSender commands, TextLimit textLimit, Authors authors) {
        this.commands = commands;
        this.textLimit = textLimit;
        this.authors = authors;
    }

    @PutMapping("/{id}/criteria/{criterionId}/links")
    Mono<CriterionLinks> link(@PathVariable String id, @PathVariable String criterionId,
                              @RequestBody LinksRequest request, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, organizationOf(id));
        List<KeyProcessId> keyProcesses = request.keyProcesses() == null ? null
                : request.keyProcesses().stream().map(k -> k == null ? null : new KeyProcessId(k)).toList();
        return commands.send(new LinkCriterionCommand(new AssessmentId(id), new CriterionId(criterionId),
                request.profileItems(), request.indicatorGroups(), keyProcesses, author));
    }

    @PutMapping("/{id}/criteria/{criterionId}/rating")
    Mono<Rated> rate(@PathVariable String id, @PathVariable String criterionId,
                     @RequestBody RatingRequest request, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.RATE, organizationOf(id));
        String level = Required.field(request.level(), "level");
        LevelKind levelKind = LevelKind.fromPath(level).orElseThrow(() -> new InvalidInputException("level",
                "level is basic, advance or significance, not " + level));
        int score = Required.field(request.score(), "score");
        textLimit.check("rationale", request.rationale());
        return commands.send(new RateLevelCommand(new AssessmentId(id), new CriterionId(criterionId), levelKind,
                        score, request.rationale(), author))
                .then(Mono.just(new Rated(criterionId, levelKind.pathName(), score)));
    }
}
