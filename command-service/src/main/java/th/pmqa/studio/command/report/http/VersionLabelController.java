package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
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
import th.pmqa.studio.command.report.commands.LabelVersionCommand;

import static th.pmqa.studio.command.report.http.CommandRequests.organizationOf;

/** Names for versions of the report. */
@RestController
@RequestMapping("/api/assessments")
@Tag(name = CommandRequests.TAG)
class VersionLabelController {

    private final CommandSender commands;
    private final TextLimit textLimit;
    private final Authors authors;

    VersionLabelController(CommandSender commands, TextLimit textLimit, Authors authors) {
        this.commands = commands;
        this.textLimit = textLimit;
        this.authors = authors;
    }

    /** Names the report as it stands now; the query side resolves the name to that version's position. */
    @PostMapping("/{id}/labels")
    Mono<ResponseEntity<Labeled>> label(@PathVariable String id, @RequestBody LabelRequest request,
                                        @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.LABEL, organizationOf(id));
        textLimit.check("label", request.label());
        return commands.<String>send(new LabelVersionCommand(new AssessmentId(id), request.label(), author))
                .map(label -> ResponseEntity.status(HttpStatus.CREATED).body(new Labeled(id, label)));
    }
}
