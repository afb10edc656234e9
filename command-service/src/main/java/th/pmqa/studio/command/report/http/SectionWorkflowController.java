package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.tags.Tag;
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
import th.pmqa.studio.command.report.commands.ApproveSectionCommand;
import th.pmqa.studio.command.report.commands.MarkSectionReadyCommand;
import th.pmqa.studio.command.report.commands.ReopenSectionCommand;
import th.pmqa.studio.report.Section;
import th.pmqa.studio.report.SectionStatus;

import static th.pmqa.studio.command.report.http.CommandRequests.organizationOf;
import static th.pmqa.studio.command.report.http.CommandRequests.section;

/** The review workflow of a section: {@code profile} or a sub-criterion id such as {@code 1.1}. */
@RestController
@RequestMapping("/api/assessments")
@Tag(name = CommandRequests.TAG)
class SectionWorkflowController {

    private final CommandSender commands;
    private final TextLimit textLimit;
    private final Authors authors;

    SectionWorkflowController(CommandSender commands, TextLimit textLimit, Authors authors) {
        this.commands = commands;
        this.textLimit = textLimit;
        this.authors = authors;
    }

    /** Writers ask for review of a section: {@code profile} or a sub-criterion id such as {@code 1.1}. */
    @PostMapping("/{id}/workflow/{section}/ready")
    Mono<SectionState> markReady(@PathVariable String id, @PathVariable String section, @AuthenticationPrincipal Jwt jwt) {
        return moveSection(id, section, jwt, Action.EDIT_DRAFT, (assessment, target, author) ->
                new MarkSectionReadyCommand(assessment, target, author));
    }

    @PostMapping("/{id}/workflow/{section}/approve")
    Mono<SectionState> approve(@PathVariable String id, @PathVariable String section, @AuthenticationPrincipal Jwt jwt) {
        return moveSection(id, section, jwt, Action.APPROVE, ApproveSectionCommand::new);
    }

    @PostMapping("/{id}/workflow/{section}/reopen")
    Mono<SectionState> reopenSection(@PathVariable String id, @PathVariable String section,
                                     @RequestBody ReopenRequest request, @AuthenticationPrincipal Jwt jwt) {
        textLimit.check("reason", request.reason());
        return moveSection(id, section, jwt, Action.APPROVE, (assessment, target, author) ->
                new ReopenSectionCommand(assessment, target, request.reason(), author));
    }

    @FunctionalInterface
    private interface SectionCommand {
        Object of(AssessmentId assessment, Section section, Author author);
    }

    private Mono<SectionState> moveSection(String id, String section, Jwt jwt, Action action, SectionCommand command) {
        Author author = authors.require(jwt, action, organizationOf(id));
        Section target = section(section);
        return commands.<SectionStatus>send(command.of(new AssessmentId(id), target, author))
                .map(status -> new SectionState(target.value(), status));
    }
}
