package th.pmqa.studio.query.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.report.Author;

import java.time.Instant;

/**
 * An evidence file of the report: its metadata (the bytes are downloaded from {@code /evidence/{evidenceId}}), what it
 * supports ({@code place}, {@code resultId}, either absent) and the section of the report that is ({@code supports}).
 * It is {@code place}, not {@code section}: a {@code section} member marks a renderable section for live updates.
 */
@Schema(name = "ReportEvidence")
public record EvidenceView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String evidenceId,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String fileName,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String title,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String contentType,
                           long size,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sha256,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String place,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String resultId,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String supports,
                           Author uploadedBy, Instant uploadedAt) {
}
