package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.command.web.Authors;
import th.pmqa.studio.command.web.CommandSender;
import th.pmqa.studio.command.web.Required;
import th.pmqa.studio.command.web.TextLimit;
import th.pmqa.studio.infra.access.Action;
import th.pmqa.studio.command.report.commands.AddKeyProcessCommand;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.command.report.commands.EditKeyProcessCommand;
import th.pmqa.studio.report.KeyProcess;
import th.pmqa.studio.report.KeyProcessId;
import th.pmqa.studio.command.report.commands.RemoveKeyProcessCommand;
import th.pmqa.studio.command.report.commands.SavedRow;
import th.pmqa.studio.report.ValueChainStage;

import java.net.URI;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The assessment's key processes (the seed's key-process profile and value chain for category 6): added, edited with
 * a revision, removed. They are written and reviewed with sub-criterion 6.1, so an edit is an edit of that section;
 * sub-criteria of category 6 link to them through {@code PUT …/criteria/{criterionId}/links} {@code keyProcesses}.
 */
@RestController
@RequestMapping("/api/assessments/{id}/key-processes")
class KeyProcessController {

    private static final String STAGE = "where the process sits in the value chain: upstream (ต้นทาง), midstream "
                                        + "(กลางทาง) or downstream (ปลายทาง)";

    private final CommandSender commands;
    private final TextLimit textLimit;
    private final Authors authors;

    KeyProcessController(CommandSender commands, TextLimit textLimit, Authors authors) {
        this.commands = commands;
        this.textLimit = textLimit;
        this.authors = authors;
    }

    record KeyProcessRequest(
            @Schema(requiredMode = REQUIRED, minLength = 1, description = "ชื่อกระบวนการหลัก; not blank") String name,
            @Schema(description = "สอดคล้องกับยุทธศาสตร์ชาติ; absent is empty") String nationalStrategy,
            @Schema(description = "วัตถุประสงค์ของกระบวนการ; absent is empty") String objectives,
            @Schema(description = "การเพิ่มขีดความสามารถในการแข่งขัน; absent is empty") String competitiveness,
            @Schema(description = "ผลผลิตของกระบวนการที่จะเกิดขึ้น; absent is empty") String outputs,
            @Schema(description = "ปัจจัยที่เกี่ยวข้องและส่งผลกระทบต่อความสำเร็จของกระบวนการ; absent is empty")
            String successFactors,
            @Schema(description = "ตัวชี้วัด (Leading Indicator); absent is empty") String leadingIndicators,
            @Schema(requiredMode = REQUIRED, allowableValues = {"upstream", "midstream", "downstream"},
                    description = STAGE) String stage) {
    }

    record KeyProcessEdit(
            @Schema(requiredMode = REQUIRED, minLength = 1, description = "ชื่อกระบวนการหลัก; not blank") String name,
            String nationalStrategy, String objectives, String competitiveness, String outputs, String successFactors,
            String leadingIndicators,
            @Schema(requiredMode = REQUIRED, allowableValues = {"upstream", "midstream", "downstream"},
                    description = STAGE) String stage,
            @Schema(requiredMode = REQUIRED, minimum = "0", maximum = CommandRequests.MAX_REVISION_TEXT,
                    description = "the process's revision this edit started from. On an older one the edit is "
                                  + "merged field by field with what was saved since; the same field changed "
                                  + "differently is a 409 row-edit-conflict with the current process")
            Long baseRevision) {
    }

    @Schema(name = "KeyProcess")
    record KeyProcessView(@Schema(requiredMode = REQUIRED) String name,
                          @Schema(requiredMode = REQUIRED) String nationalStrategy,
                          @Schema(requiredMode = REQUIRED) String objectives,
                          @Schema(requiredMode = REQUIRED) String competitiveness,
                          @Schema(requiredMode = REQUIRED) String outputs,
                          @Schema(requiredMode = REQUIRED) String successFactors,
                          @Schema(requiredMode = REQUIRED) String leadingIndicators,
                          @Schema(requiredMode = REQUIRED, allowableValues = {"upstream", "midstream", "downstream"})
                          String stage) {

        static KeyProcessView of(KeyProcess process) {
            return new KeyProcessView(process.name(), process.nationalStrategy(), process.objectives(),
                                      process.competitiveness(), process.outputs(), process.successFactors(),
                                      process.leadingIndicators(), process.stage().pathName());
        }
    }

    record KeyProcessAdded(@Schema(requiredMode = REQUIRED, format = "uuid") String processId,
                           @Schema(requiredMode = REQUIRED, description = "the process's first revision, 1")
                           long revision) {
    }

    /** What became of an edit; {@code process} is the process as stored now (the merged one when merged). */
    record KeyProcessSaved(@Schema(requiredMode = REQUIRED, format = "uuid") String processId,
                           @Schema(requiredMode = REQUIRED) long revision,
                           @Schema(requiredMode = REQUIRED, description = "false when the process already was "
                                   + "what this edit would make it: nothing new was stored")
                           boolean stored,
                           @Schema(requiredMode = REQUIRED) boolean merged,
                           @Schema(requiredMode = REQUIRED) KeyProcessView process,
                           @Schema(types = {"integer", "null"},
                                   description = "the revision the edit started from, when merged") Long baseRevision,
                           @Schema(types = {"integer", "null"},
                                   description = "the revision it was merged with, when merged")
                           Long mergedWithRevision) {
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "the key process, at revision 1; Location names it",
                 content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = KeyProcessAdded.class)))
    Mono<ResponseEntity<KeyProcessAdded>> add(@PathVariable String id, @RequestBody KeyProcessRequest request,
                                              @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, CommandRequests.organizationOf(id));
        KeyProcess process = process(request.name(), request.nationalStrategy(), request.objectives(),
                                     request.competitiveness(), request.outputs(), request.successFactors(),
                                     request.leadingIndicators(), request.stage());
        KeyProcessId processId = KeyProcessId.random();
        return commands.<KeyProcessId>send(new AddKeyProcessCommand(new AssessmentId(id), processId, process, author))
                .map(added -> ResponseEntity.created(URI.create("/api/assessments/" + id + "/key-processes/"
                                                                + added.value()))
                        .body(new KeyProcessAdded(added.value(), 1)));
    }

    @PutMapping("/{processId}")
    @ApiResponse(responseCode = "200", description = "stored, merged, or already so",
                 content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = KeyProcessSaved.class)))
    @ApiResponse(responseCode = "409", description = "the edit started from an older revision and changes a field "
                                                   + "differently from what was saved since; or 6.1 is approved, or "
                                                   + "the assessment submitted",
                 content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = RowRequests.RowEditConflictDoc.class)))
    Mono<KeyProcessSaved> edit(@PathVariable String id, @PathVariable String processId,
                               @RequestBody KeyProcessEdit request, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, CommandRequests.organizationOf(id));
        KeyProcess process = process(request.name(), request.nationalStrategy(), request.objectives(),
                                     request.competitiveness(), request.outputs(), request.successFactors(),
                                     request.leadingIndicators(), request.stage());
        long baseRevision = RowRequests.baseRevision(request.baseRevision());
        return commands.<SavedRow<KeyProcess>>send(new EditKeyProcessCommand(new AssessmentId(id),
                        new KeyProcessId(processId), process, baseRevision, author))
                .map(saved -> new KeyProcessSaved(processId, saved.revision(), saved.stored(), saved.merged(),
                                                  KeyProcessView.of(saved.row()),
                                                  saved.merged() ? saved.merge().baseRevision() : null,
                                                  saved.merged() ? saved.merge().theirsRevision() : null));
    }

    /** Removes the process and unlinks it from every sub-criterion that linked to it. */
    @DeleteMapping("/{processId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(@PathVariable String id, @PathVariable String processId, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, CommandRequests.organizationOf(id));
        return commands.send(new RemoveKeyProcessCommand(new AssessmentId(id), new KeyProcessId(processId), author))
                       .then();
    }

    private KeyProcess process(String name, String nationalStrategy, String objectives, String competitiveness,
                               String outputs, String successFactors, String leadingIndicators, String stage) {
        String path = Required.field(stage, "stage");
        ValueChainStage valueChainStage = ValueChainStage.fromPath(path).orElseThrow(
                () -> new InvalidInputException("stage", "stage is " + STAGE + ", not " + path));
        KeyProcess process = new KeyProcess(name, nationalStrategy, objectives, competitiveness, outputs,
                                            successFactors, leadingIndicators, valueChainStage);
        RowRequests.checkTexts(textLimit, process.fields());
        return process;
    }
}
