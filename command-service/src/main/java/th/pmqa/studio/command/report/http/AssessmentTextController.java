package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
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
import th.pmqa.studio.catalog.AdrPart;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.command.report.commands.AnswerProfileQuestionCommand;
import th.pmqa.studio.command.report.commands.DraftApproachCommand;
import th.pmqa.studio.command.report.commands.DraftDeploymentCommand;
import th.pmqa.studio.command.report.commands.DraftProfileItemCommand;
import th.pmqa.studio.command.report.commands.DraftResultCommand;
import th.pmqa.studio.command.report.commands.SavedText;
import th.pmqa.studio.command.report.commands.WriteCriterionAnalysisCommand;
import th.pmqa.studio.command.report.commands.WriteCriterionSummaryCommand;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.report.ProfileQuestionNumber;

import static th.pmqa.studio.command.report.http.CommandRequests.MAX_PROFILE_QUESTION;
import static th.pmqa.studio.command.report.http.CommandRequests.checkEdit;
import static th.pmqa.studio.command.report.http.CommandRequests.organizationOf;
import static th.pmqa.studio.command.report.http.CommandRequests.pathLevel;
import static th.pmqa.studio.command.report.http.CommandRequests.profileItemNumber;
import static th.pmqa.studio.command.report.http.CommandRequests.profileQuestionNumber;

/**
 * The revisioned texts of the report: OP items and questions, A-D-R parts, a sub-criterion's summary and analysis.
 * Each is merged with what others saved since the edit's base revision ({@link TextEditAnswers}); every rule about
 * the report itself is decided by the aggregate.
 */
@RestController
@RequestMapping("/api/assessments")
@Tag(name = CommandRequests.TAG)
class AssessmentTextController {

    private final CommandSender commands;
    private final TextLimit textLimit;
    private final Authors authors;

    AssessmentTextController(CommandSender commands, TextLimit textLimit, Authors authors) {
        this.commands = commands;
        this.textLimit = textLimit;
        this.authors = authors;
    }

    @PutMapping("/{id}/profile/{item}")
    @TextEditAnswers
    Mono<Revision> draftProfileItem(@PathVariable String id, @PathVariable String item,
                                    @RequestBody TextEdit edit, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, organizationOf(id));
        int number = profileItemNumber(item);
        checkEdit(textLimit, edit);
        return commands.<SavedText>send(new DraftProfileItemCommand(new AssessmentId(id), number, edit.text(),
                edit.baseRevision(), author)).map(Revision::of);
    }

    @PutMapping("/{id}/criteria/{criterionId}/levels/{level}/{part}")
    @TextEditAnswers
    Mono<Revision> draftPart(@PathVariable String id, @PathVariable String criterionId, @PathVariable String level,
                             @PathVariable String part, @RequestBody TextEdit edit,
                             @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, organizationOf(id));
        LevelKind levelKind = pathLevel(level);
        AdrPart adrPart = AdrPart.fromPath(part).orElseThrow(
                () -> new NotFoundException("part", "part is approach, deploy or result, not " + part));
        checkEdit(textLimit, edit);
        AssessmentId assessment = new AssessmentId(id);
        CriterionId criterion = new CriterionId(criterionId);
        Object command = switch (adrPart) {
            case APPROACH -> new DraftApproachCommand(assessment, criterion, levelKind, edit.text(),
                    edit.baseRevision(), author);
            case DEPLOY -> new DraftDeploymentCommand(assessment, criterion, levelKind, edit.text(),
                    edit.baseRevision(), author);
            case RESULT -> new DraftResultCommand(assessment, criterion, levelKind, edit.text(),
                    edit.baseRevision(), author);
        };
        return commands.<SavedText>send(command).map(Revision::of);
    }

    @PutMapping("/{id}/criteria/{criterionId}/summary")
    @TextEditAnswers
    Mono<Revision> writeSummary(@PathVariable String id, @PathVariable String criterionId,
                                @RequestBody TextEdit edit, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, organizationOf(id));
        checkEdit(textLimit, edit);
        return commands.<SavedText>send(new WriteCriterionSummaryCommand(new AssessmentId(id),
                new CriterionId(criterionId), edit.text(), edit.baseRevision(), author)).map(Revision::of);
    }

    /**
     * Answers a whole OP question, besides the texts of its items: question (6) โครงสร้างองค์การ has no item of its
     * own. Revisioned and merged like every text.
     */
    @PutMapping("/{id}/profile/questions/{question}")
    @TextEditAnswers
    Mono<Revision> answerProfileQuestion(@PathVariable String id,
                                         @Parameter(description = "the OP question's number, 1–13 in pmqa-4.0/2567",
                                                    schema = @Schema(type = "integer", minimum = "1",
                                                                     maximum = MAX_PROFILE_QUESTION))
                                         @PathVariable String question,
                                         @RequestBody TextEdit edit, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, organizationOf(id));
        ProfileQuestionNumber number = profileQuestionNumber(question);
        checkEdit(textLimit, edit);
        return commands.<SavedText>send(new AnswerProfileQuestionCommand(new AssessmentId(id), number, edit.text(),
                edit.baseRevision(), author)).map(Revision::of);
    }

    /** The Step-1 analysis of a sub-criterion ("วิเคราะห์เกณฑ์และคำถาม"), revisioned and merged like every text. */
    @PutMapping("/{id}/criteria/{criterionId}/analysis")
    @TextEditAnswers
    Mono<Revision> writeAnalysis(@PathVariable String id, @PathVariable String criterionId,
                                 @RequestBody TextEdit edit, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, organizationOf(id));
        checkEdit(textLimit, edit);
        return commands.<SavedText>send(new WriteCriterionAnalysisCommand(new AssessmentId(id),
                new CriterionId(criterionId), edit.text(), edit.baseRevision(), author)).map(Revision::of);
    }
}
