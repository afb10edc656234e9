package th.pmqa.studio.command.report.commands;

import th.pmqa.studio.report.EvidenceId;

/**
 * The answer to an upload: the evidence that holds the bytes, and whether this upload recorded it ({@code false}:
 * the same bytes were already evidence of the assessment, and the upload's own copy is to be deleted).
 */
public record EvidenceStored(EvidenceId evidenceId, String sha256, long size, String contentType, boolean created) {
}
