package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
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
import th.pmqa.studio.command.report.commands.ExtendSubmissionWindowCommand;
import th.pmqa.studio.command.report.commands.SetSubmissionWindowCommand;

import java.time.Instant;

import static th.pmqa.studio.command.report.http.CommandRequests.instant;
import static th.pmqa.studio.command.report.http.CommandRequests.organizationOf;

/** When an assessment may be submitted: the window set, and its close extended. */
@RestController
@RequestMapping("/api/assessments")
@Tag(name = CommandRequests.TAG)
class SubmissionWindowController {

    private final CommandSender commands;
    private final TextLimit textLimit;
    private final Authors authors;

    SubmissionWindowController(CommandSender commands, TextLimit textLimit, Authors authors) {
        this.commands = commands;
        this.textLimit = textLimit;
        this.authors = authors;
    }

    @PutMapping("/{id}/submission-window")
    Mono<Window> setWindow(@PathVariable String id, @RequestBody WindowRequest request, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.MANAGE_WINDOW, organizationOf(id));
        Instant opensAt = instant("opensAt", request.opensAt());
        Instant closesAt = instant("closesAt", request.closesAt());
        return commands.send(new SetSubmissionWindowCommand(new AssessmentId(id), opensAt, closesAt, author))
                .then(Mono.just(new Window(id, opensAt.toString(), closesAt.toString())));
    }

    @PostMapping("/{id}/submission-window/extend")
    Mono<Window> extendWindow(@PathVariable String id, @RequestBody ExtendRequest request,
                              @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.MANAGE_WINDOW, organizationOf(id));
        Instant closesAt = instant("closesAt", request.closesAt());
        textLimit.check("reason", request.reason());
        return commands.send(new ExtendSubmissionWindowCommand(new AssessmentId(id), closesAt, request.reason(), author))
                .then(Mono.just(new Window(id, null, closesAt.toString())));
    }
}
