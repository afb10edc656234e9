package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.tags.Tag;
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
import th.pmqa.studio.command.report.commands.OpenAssessmentCommand;
import th.pmqa.studio.command.report.commands.ReopenAssessmentCommand;
import th.pmqa.studio.command.report.commands.SubmitAssessmentCommand;
import th.pmqa.studio.command.web.Required;
import th.pmqa.studio.report.AssessmentStatus;

import java.net.URI;

import static th.pmqa.studio.command.report.http.CommandRequests.organizationOf;

/** An assessment opened, submitted and reopened. */
@RestController
@RequestMapping("/api/assessments")
@Tag(name = CommandRequests.TAG)
class AssessmentLifecycleController {

    private final CommandSender commands;
    private final TextLimit textLimit;
    private final Authors authors;

    AssessmentLifecycleController(CommandSender commands, TextLimit textLimit, Authors authors) {
        this.commands = commands;
        this.textLimit = textLimit;
        this.authors = authors;
    }

    @PostMapping
    Mono<ResponseEntity<Opened>> open(@RequestBody OpenRequest request, @AuthenticationPrincipal Jwt jwt) {
        String code = Required.field(request.organizationCode(), "organizationCode");
        Author author = authors.require(jwt, Action.OPEN, code);
        int fiscalYear = Required.field(request.fiscalYear(), "fiscalYear");
        textLimit.check("organizationName", request.organizationName());
        AssessmentId id = AssessmentId.of(code, fiscalYear);
        return commands.<AssessmentId>send(new OpenAssessmentCommand(id, code, request.organizationName(),
                        request.organizationType(), fiscalYear, request.catalogVersion(), author))
                .map(opened -> ResponseEntity.created(URI.create("/api/assessments/" + opened.value()))
                        .body(new Opened(opened.value())));
    }

    @PostMapping("/{id}/submit")
    Mono<Status> submit(@PathVariable String id, @RequestBody(required = false) SubmitRequest request,
                        @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.SUBMIT, organizationOf(id));
        String override = request == null ? null : request.overrideReason();
        textLimit.check("overrideReason", override);
        return commands.<AssessmentStatus>send(new SubmitAssessmentCommand(new AssessmentId(id), override, author))
                .map(Status::new);
    }

    @PostMapping("/{id}/reopen")
    Mono<Status> reopen(@PathVariable String id, @RequestBody ReopenRequest request,
                        @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.SUBMIT, organizationOf(id));
        textLimit.check("reason", request.reason());
        return commands.<AssessmentStatus>send(new ReopenAssessmentCommand(new AssessmentId(id), request.reason(),
                author)).map(Status::new);
    }
}
