package th.pmqa.studio.query.evidence;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.Filters;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.bson.BsonString;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import th.pmqa.studio.infra.evidence.EvidenceFiles;
import th.pmqa.studio.query.view.EvidenceViews;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.store.ReportViewStore;
import th.pmqa.studio.query.view.EvidenceView;
import th.pmqa.studio.query.web.AttachmentName;
import th.pmqa.studio.query.web.Blocking;
import th.pmqa.studio.query.web.Problems;

import java.util.List;

/**
 * The evidence of an assessment: the list the report holds (the projection), and each file's bytes streamed from
 * GridFS. Under {@code /api/assessments/{id}/}, so the report's read access decides who may
 * ({@code AssessmentReadAccess}). A file is served only while the report lists it: bytes of an upload the command
 * service refused, or of evidence removed since, never are.
 */
@RestController
@RequestMapping("/api/assessments")
class EvidenceController {

    private static final int CHUNK = 64 * 1024;

    private final ReportViewStore views;
    private final GridFSBucket bucket;

    EvidenceController(ReportViewStore views, MongoDatabase studioDatabase) {
        this.views = views;
        this.bucket = EvidenceFiles.bucket(studioDatabase);
    }

    @GetMapping("/{id}/evidence")
    @ApiResponse(responseCode = "200", description = "the report's evidence in upload order")
    @ApiResponse(responseCode = "404", description = "no such assessment",
            content = @Content(mediaType = "application/problem+json"))
    Mono<List<EvidenceView>> list(@PathVariable String id) {
        return Blocking.call(() -> EvidenceViews.all(report(id)));
    }

    @GetMapping("/{id}/evidence/{evidenceId}")
    @ApiResponse(responseCode = "200", description = "the file as uploaded, as an attachment with its original name "
                                                     + "(filename* in UTF-8)",
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "no such assessment, or it lists no such evidence",
            content = @Content(mediaType = "application/problem+json"))
    Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String id, @PathVariable String evidenceId) {
        return Blocking.call(() -> {
            ReportState.Evidence evidence = report(id).evidence.get(evidenceId);
            GridFSFile file = evidence == null ? null
                    : bucket.find(Filters.and(Filters.eq("_id", evidenceId),
                                              Filters.eq("metadata." + EvidenceFiles.ASSESSMENT, id))).first();
            if (file == null) {
                throw Problems.notFound("evidenceId", "assessment " + id + " lists no evidence " + evidenceId);
            }
            Flux<DataBuffer> bytes = DataBufferUtils.readInputStream(
                            () -> bucket.openDownloadStream(new BsonString(evidenceId)), DefaultDataBufferFactory.sharedInstance, CHUNK)
                    .subscribeOn(Schedulers.boundedElastic());
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, AttachmentName.contentDisposition(evidence.fileName()))
                    .header("X-Content-Type-Options", "nosniff")
                    // a file opened in the browser from this origin must not run anything
                    .header("Content-Security-Policy", "sandbox")
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                    .contentType(mediaType(evidence.contentType()))
                    .contentLength(file.getLength())
                    .body(bytes);
        });
    }

    private ReportState report(String id) {
        return views.load(id).orElseThrow(() -> Problems.notFound("id", "no assessment " + id));
    }

    private static MediaType mediaType(String contentType) {
        MediaType type = MediaType.parseMediaType(contentType);
        return type.getType().equals("text") ? new MediaType(type, java.nio.charset.StandardCharsets.UTF_8) : type;
    }
}
