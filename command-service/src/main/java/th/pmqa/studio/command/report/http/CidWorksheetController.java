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
import th.pmqa.studio.command.report.commands.AddCidRowCommand;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.CidKind;
import th.pmqa.studio.report.CidRow;
import th.pmqa.studio.report.CidRowId;
import th.pmqa.studio.report.CriterionId;
import th.pmqa.studio.command.report.commands.EditCidRowCommand;
import th.pmqa.studio.command.report.commands.RemoveCidRowCommand;
import th.pmqa.studio.command.report.commands.SavedRow;

import java.net.URI;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The C-I-D worksheet of a sub-criterion (the seed's table behind the Advance level): rows added, edited with a
 * revision like texts, and removed. Editing a row is an edit of its sub-criterion's section.
 */
@RestController
@RequestMapping("/api/assessments/{id}/criteria/{criterionId}/cid")
class CidWorksheetController {

    private static final String KIND = "C (Collaboration), I (Innovation) or D (Digitalization): the row of the "
                                       + "seed's '4.0 Performance' column";

    private final CommandSender commands;
    private final TextLimit textLimit;
    private final Authors authors;

    CidWorksheetController(CommandSender commands, TextLimit textLimit, Authors authors) {
        this.commands = commands;
        this.textLimit = textLimit;
        this.authors = authors;
    }

    record CidRowRequest(
            @Schema(requiredMode = REQUIRED, allowableValues = {"C", "I", "D"}, description = KIND) String kind,
            @Schema(requiredMode = REQUIRED, minLength = 1, description = "ระบุข้อมูล: who or what the row is about "
                    + "(partners, the innovation, the digital system); not blank") String data,
            @Schema(description = "ผลผลิตที่จะเกิดขึ้น; absent is empty") String output,
            @Schema(description = "กระบวนการที่เกี่ยวข้องกับ C I D; absent is empty") String process,
            @Schema(description = "ตอบสนองความต้องการ (whose needs); absent is empty") String need) {
    }

    record CidRowEdit(
            @Schema(requiredMode = REQUIRED, allowableValues = {"C", "I", "D"}, description = KIND) String kind,
            @Schema(requiredMode = REQUIRED, minLength = 1, description = "ระบุข้อมูล; not blank") String data,
            @Schema(description = "ผลผลิตที่จะเกิดขึ้น; absent is empty") String output,
            @Schema(description = "กระบวนการที่เกี่ยวข้องกับ C I D; absent is empty") String process,
            @Schema(description = "ตอบสนองความต้องการ; absent is empty") String need,
            @Schema(requiredMode = REQUIRED, minimum = "0", maximum = CommandRequests.MAX_REVISION_TEXT,
                    description = "the row's revision this edit started from. On an older one the edit is merged "
                                  + "field by field with what was saved since; the same field changed differently "
                                  + "is a 409 row-edit-conflict with the current row")
            Long baseRevision) {
    }

    @Schema(name = "CidRow")
    record CidRowView(@Schema(requiredMode = REQUIRED, allowableValues = {"C", "I", "D"}) String kind,
                      @Schema(requiredMode = REQUIRED) String data, @Schema(requiredMode = REQUIRED) String output,
                      @Schema(requiredMode = REQUIRED) String process, @Schema(requiredMode = REQUIRED) String need) {

        static CidRowView of(CidRow row) {
            return new CidRowView(row.kind().name(), row.data(), row.output(), row.process(), row.need());
        }
    }

    record CidRowAdded(@Schema(requiredMode = REQUIRED, format = "uuid") String rowId,
                       @Schema(requiredMode = REQUIRED, description = "the row's first revision, 1") long revision) {
    }

    /** What became of a row edit; {@code row} is the row as stored now (the merged row when merged). */
    record CidRowSaved(@Schema(requiredMode = REQUIRED, format = "uuid") String rowId,
                       @Schema(requiredMode = REQUIRED) long revision,
                       @Schema(requiredMode = REQUIRED, description = "false when the row already was what this "
                                                                      + "edit would make it: nothing new was stored")
                       boolean stored,
                       @Schema(requiredMode = REQUIRED) boolean merged,
                       @Schema(requiredMode = REQUIRED) CidRowView row,
                       @Schema(types = {"integer", "null"},
                               description = "the revision the edit started from, when merged") Long baseRevision,
                       @Schema(types = {"integer", "null"},
                               description = "the revision it was merged with, when merged") Long mergedWithRevision) {
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "the row, at revision 1; Location names it",
                 content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = CidRowAdded.class)))
    Mono<ResponseEntity<CidRowAdded>> add(@PathVariable String id, @PathVariable String criterionId,
                                          @RequestBody CidRowRequest request, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, CommandRequests.organizationOf(id));
        CidRow row = row(request.kind(), request.data(), request.output(), request.process(), request.need());
        CidRowId rowId = CidRowId.random();
        return commands.<CidRowId>send(new AddCidRowCommand(new AssessmentId(id), new CriterionId(criterionId), rowId,
                        row, author))
                .map(added -> ResponseEntity.created(URI.create("/api/assessments/" + id + "/criteria/" + criterionId
                                                                + "/cid/" + added.value()))
                        .body(new CidRowAdded(added.value(), 1)));
    }

    @PutMapping("/{rowId}")
    @ApiResponse(responseCode = "200", description = "stored, merged, or already so",
                 content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = CidRowSaved.class)))
    @ApiResponse(responseCode = "409", description = "the edit started from an older revision and changes a field "
                                                   + "differently from what was saved since; or the section is "
                                                   + "approved, or the assessment submitted",
                 content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = RowRequests.RowEditConflictDoc.class)))
    Mono<CidRowSaved> edit(@PathVariable String id, @PathVariable String criterionId, @PathVariable String rowId,
                           @RequestBody CidRowEdit request, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, CommandRequests.organizationOf(id));
        CidRow row = row(request.kind(), request.data(), request.output(), request.process(), request.need());
        long baseRevision = RowRequests.baseRevision(request.baseRevision());
        return commands.<SavedRow<CidRow>>send(new EditCidRowCommand(new AssessmentId(id), new CriterionId(criterionId),
                        new CidRowId(rowId), row, baseRevision, author))
                .map(saved -> new CidRowSaved(rowId, saved.revision(), saved.stored(), saved.merged(),
                                              CidRowView.of(saved.row()),
                                              saved.merged() ? saved.merge().baseRevision() : null,
                                              saved.merged() ? saved.merge().theirsRevision() : null));
    }

    @DeleteMapping("/{rowId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(@PathVariable String id, @PathVariable String criterionId, @PathVariable String rowId,
                      @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, CommandRequests.organizationOf(id));
        return commands.send(new RemoveCidRowCommand(new AssessmentId(id), new CriterionId(criterionId),
                new CidRowId(rowId), author)).then();
    }

    private CidRow row(String kind, String data, String output, String process, String need) {
        String code = Required.field(kind, "kind");
        CidKind cidKind = CidKind.fromCode(code).orElseThrow(
                () -> new InvalidInputException("kind", "kind is " + KIND + ", not " + code));
        CidRow row = new CidRow(cidKind, data, output, process, need);
        RowRequests.checkTexts(textLimit, row.fields());
        return row;
    }
}
