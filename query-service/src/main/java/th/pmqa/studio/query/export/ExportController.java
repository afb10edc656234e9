package th.pmqa.studio.query.export;

import io.swagger.v3.oas.annotations.Operation;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import th.pmqa.studio.query.http.ReportAtPoint;
import th.pmqa.studio.query.http.ReportPoint;
import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.query.view.ReportViewBuilder;
import th.pmqa.studio.query.web.AttachmentName;
import th.pmqa.studio.query.web.Blocking;
import th.pmqa.studio.query.web.Problems;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Semaphore;

/**
 * The Application Report as a Word document and as a PDF, latest or as it was ({@code label}, {@code asOf} or
 * {@code position}, resolved as the report resolves them). Read access is the report's (AssessmentReadAccess covers
 * every path under the assessment). Renderings run off the event loop, at most {@code studio.export.max-concurrent}
 * at once: beyond that, 503 with Retry-After rather than memory for every waiting document. The last few PDFs are
 * kept ({@link RecentPdfs}): the same state asked again is not converted again.
 */
@RestController
public class ExportController {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final ReportAtPoint points;
    private final OfficeConverter office;
    private final Semaphore renders;
    private final Clock clock = Clock.systemUTC();
    private final RecentPdfs recent;

    public ExportController(ReportAtPoint points, OfficeConverter office,
                            @Value("${studio.export.max-concurrent:4}") int maxConcurrent,
                            @Value("${studio.export.recent-pdfs:8}") int recentPdfs) {
        this.points = points;
        this.office = office;
        this.renders = new Semaphore(Math.max(1, maxConcurrent));
        this.recent = new RecentPdfs(recentPdfs, 64L * 1024 * 1024);
    }

    @GetMapping(value = "/api/assessments/{id}/export.docx", produces = DOCX)
    @Operation(summary = "the Application Report as a Word document (DOCX)")
    @ApiResponse(responseCode = "200", description = "the document, as an attachment named "
                 + "PMQA-<fiscal year>-<organization>-<version>.docx (RFC 6266 filename*)",
                 content = @Content(mediaType = DOCX, schema = @Schema(type = "string", format = "binary")))
    public Mono<ResponseEntity<byte[]>> docx(@PathVariable String id, @ParameterObject ReportPoint point) {
        return Blocking.call(() -> {
            ReportState state = points.state(id, point.asOf(), point.position(), point.label());
            ExportVersion version = version(state, point.asOf(), point.position(), point.label(), clock.instant());
            byte[] docx = admitted(() -> ApplicationReportDocx.write(ReportViewBuilder.build(state), version));
            return file(docx, DOCX, ExportFileName.of(state.fiscalYear, state.organizationCode, version.fileNamePart(),
                                                      "docx"));
        });
    }

    @GetMapping(value = "/api/assessments/{id}/export.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "the Application Report as a PDF (our DOCX converted by LibreOffice, fonts embedded)")
    @ApiResponse(responseCode = "200", description = "the PDF, as an attachment named "
                 + "PMQA-<fiscal year>-<organization>-<version>.pdf (RFC 6266 filename*)",
                 content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                                    schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "503", description = "no office process can convert now (LibreOffice not installed, "
                 + "not started, or every process busy and the queue full); Retry-After says when to ask again",
                 content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public Mono<ResponseEntity<byte[]>> pdf(@PathVariable String id, @ParameterObject ReportPoint point) {
        // rendering and conversion are admitted separately: a report waiting for an office process holds only its DOCX
        return Blocking.call(() -> {
            ReportState state = points.state(id, point.asOf(), point.position(), point.label());
            ExportVersion version = version(state, point.asOf(), point.position(), point.label(), clock.instant());
            String key = RecentPdfs.key(id, state.position, version.description());
            String fileName = ExportFileName.of(state.fiscalYear, state.organizationCode, version.fileNamePart(), "pdf");
            byte[] pdf = recent.get(key).orElse(null);
            if (pdf == null) {
                office.requireInstalled(); // before rendering a document nothing could convert
                byte[] docx = admitted(() -> ApplicationReportDocx.write(ReportViewBuilder.build(state), version));
                pdf = office.toPdf(docx);
                recent.put(key, pdf);
            }
            return file(pdf, MediaType.APPLICATION_PDF_VALUE, fileName);
        });
    }


    static ExportVersion version(ReportState state, String asOf, String position, String label, Instant now) {
        if (label != null) {
            return new ExportVersion(label + " (ตำแหน่ง " + state.position + ")", label, now);
        }
        if (asOf != null) {
            return new ExportVersion("ณ " + asOf + " (ตำแหน่ง " + state.position + ")", "ณ" + asOf, now);
        }
        if (position != null) {
            return new ExportVersion("ตำแหน่ง " + state.position, "ตำแหน่ง" + state.position, now);
        }
        return new ExportVersion("ฉบับล่าสุด (ตำแหน่ง " + state.position + ")", "ล่าสุด", now);
    }

    private <T> T admitted(java.util.concurrent.Callable<T> work) throws Exception {
        if (!renders.tryAcquire()) {
            org.springframework.web.ErrorResponseException busy = Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                    "export-busy", null, "Too many exports are being made at once: try again shortly.");
            busy.getHeaders().set(HttpHeaders.RETRY_AFTER, OfficeConverter.RETRY_AFTER_SECONDS);
            throw busy;
        }
        try {
            return work.call();
        } finally {
            renders.release();
        }
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, String contentType, String fileName) {
        return ResponseEntity.ok()
                             .header(HttpHeaders.CONTENT_DISPOSITION, AttachmentName.contentDisposition(fileName))
                             .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                             .contentType(MediaType.parseMediaType(contentType))
                             .body(bytes);
    }
}
