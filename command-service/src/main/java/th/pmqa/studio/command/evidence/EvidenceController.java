package th.pmqa.studio.command.evidence;

import com.mongodb.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.bson.BsonString;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import th.pmqa.studio.command.rejection.NotFoundException;
import th.pmqa.studio.command.report.commands.EvidenceStored;
import th.pmqa.studio.command.report.commands.RemoveEvidenceCommand;
import th.pmqa.studio.command.web.AssessmentPath;
import th.pmqa.studio.command.web.Authors;
import th.pmqa.studio.command.web.CommandSender;
import th.pmqa.studio.command.web.TextLimit;
import th.pmqa.studio.infra.access.Action;
import th.pmqa.studio.infra.evidence.EvidenceFiles;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.EvidenceId;

import java.net.URI;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Uploads and removals of evidence files. The bytes go to GridFS as they arrive (bounded, hashed, their type decided
 * on their first bytes: {@link EvidenceIntake}); then the assessment decides whether to record them
 * ({@code UploadEvidenceCommand}). Whatever is refused, before or after the bytes were stored, leaves no file and no
 * chunk behind. Lists and downloads are the query service's.
 */
@RestController
@RequestMapping("/api/assessments")
class EvidenceController {

    private final CommandSender commands;
    private final Authors authors;
    private final TextLimit textLimit;
    private final MongoDatabase database;
    private final long maxBytes;

    EvidenceController(CommandSender commands, Authors authors, TextLimit textLimit, MongoDatabase studioDatabase,
                       @Value("${studio.evidence.max-size:20MB}") DataSize maxSize) {
        this.commands = commands;
        this.authors = authors;
        this.textLimit = textLimit;
        this.database = studioDatabase;
        this.maxBytes = maxSize.toBytes();
    }

    record Uploaded(@Schema(requiredMode = REQUIRED, format = "uuid") String evidenceId,
                    @Schema(requiredMode = REQUIRED, description = "SHA-256 of the bytes, 64 lower-case hex digits")
                    String sha256,
                    @Schema(requiredMode = REQUIRED, minimum = "1") long size,
                    @Schema(requiredMode = REQUIRED, description = "the type the bytes were found to be")
                    String contentType,
                    @Schema(requiredMode = REQUIRED, description = "false: the same bytes were already evidence of the "
                                                                   + "assessment, and this is that evidence")
                    boolean created) {
        static Uploaded of(EvidenceStored stored) {
            return new Uploaded(stored.evidenceId().value(), stored.sha256(), stored.size(), stored.contentType(),
                    stored.created());
        }
    }

    /** The multipart form, for the API description only: the body is read as a stream of parts. */
    record UploadForm(
            @Schema(requiredMode = REQUIRED, type = "string", format = "binary",
                    description = "the file: PDF, PNG, JPEG, DOCX, XLSX, PPTX or UTF-8 plain text; 1 byte up to "
                                  + "studio.evidence.max-size (20 MB by default). Its declared type must agree with its "
                                  + "bytes; executables and HTML are refused. The file name is kept (Thai too), "
                                  + "without folders or control characters")
            String file,
            @Schema(maxLength = 500, description = "what the file shows") String title,
            @Schema(example = "criteria/1.1/basic/approach",
                    description = "the place of the report the file supports (as comments and history name places)")
            String place,
            @Schema(format = "uuid", description = "an attached result the file supports") String resultId) {
    }

    @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload one evidence file",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = UploadForm.class),
                    encoding = @Encoding(name = "file", contentType = "application/octet-stream"))))
    @ApiResponse(responseCode = "201", description = "recorded; Location names the download (query service)",
            content = @Content(schema = @Schema(implementation = Uploaded.class)))
    @ApiResponse(responseCode = "200", description = "the same bytes (by SHA-256) are already evidence of this "
                                                     + "assessment: that evidence, nothing stored again",
            content = @Content(schema = @Schema(implementation = Uploaded.class)))
    @ApiResponse(responseCode = "400", description = "empty file, a type not accepted or contradicted by the bytes, "
                                                     + "an unknown place or field, a malformed form; nothing stored",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "no such assessment, or resultId names no attached result",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "the file is larger than studio.evidence.max-size; refused while "
                                                     + "it arrived, nothing stored",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "the body is not multipart/form-data",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ResponseEntity<Uploaded>> upload(@PathVariable String id, ServerWebExchange exchange,
                                          @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, AssessmentPath.of(id).organizationCode());
        AssessmentId assessment = AssessmentPath.of(id);
        EvidenceForm form = new EvidenceForm(database, maxBytes, textLimit, EvidenceId.random(), assessment, author);
        return form.read(exchange.getRequest())
                .flatMap(stored -> commands.<EvidenceStored>send(form.command(stored)))
                .flatMap(answer -> answer.created() ? Mono.just(answer)
                        // the same bytes are evidence already: this upload's copy goes
                        : Mono.fromRunnable(form::discard).subscribeOn(Schedulers.boundedElastic()).thenReturn(answer))
                .map(answer -> answer.created()
                        ? ResponseEntity.created(URI.create("/api/assessments/" + id + "/evidence/"
                                                            + answer.evidenceId().value())).body(Uploaded.of(answer))
                        : ResponseEntity.ok(Uploaded.of(answer)))
                .onErrorResume(error -> Mono.fromRunnable(form::discard).subscribeOn(Schedulers.boundedElastic())
                                            .then(Mono.error(error)))
                .doOnCancel(() -> Schedulers.boundedElastic().schedule(form::discard));
    }

    @DeleteMapping("/{id}/evidence/{evidenceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "204", description = "removed; its bytes are deleted")
    @ApiResponse(responseCode = "404", description = "no such assessment or evidence",
            content = @Content(mediaType = "application/problem+json"))
    Mono<Void> remove(@PathVariable String id, @PathVariable String evidenceId, @AuthenticationPrincipal Jwt jwt) {
        Author author = authors.require(jwt, Action.EDIT_DRAFT, AssessmentPath.of(id).organizationCode());
        if (!EvidenceId.isWellFormed(evidenceId)) {
            throw new NotFoundException("evidenceId", "the assessment has no evidence " + evidenceId);
        }
        EvidenceId evidence = new EvidenceId(evidenceId);
        return commands.send(new RemoveEvidenceCommand(AssessmentPath.of(id), evidence, author))
                .then(Mono.fromRunnable(() -> EvidenceFiles.bucket(database).delete(new BsonString(evidence.value())))
                          .subscribeOn(Schedulers.boundedElastic()))
                // bytes already gone (a removal retried after its delete) are what the removal wanted
                .onErrorResume(com.mongodb.MongoGridFSException.class, gone -> Mono.empty())
                .then();
    }
}
