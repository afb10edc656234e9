package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.EvidenceId;
import th.pmqa.studio.report.ResultId;

/**
 * Records a file whose bytes are already stored (GridFS, under {@code evidenceId}) as evidence of the assessment,
 * optionally for a place of the report ({@code place}, its wire form) or an attached result ({@code resultId}).
 * Answers {@link EvidenceStored}: the same bytes (by SHA-256) already recorded answer the existing evidence.
 */
public record UploadEvidenceCommand(@TargetAggregateIdentifier AssessmentId assessmentId, EvidenceId evidenceId,
                                    String sha256, long size, String contentType, String fileName, String title,
                                    String place, ResultId resultId, Author author) {
}
