package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A file became evidence of the assessment. The bytes are not in the event store: they are the GridFS file named
 * {@code evidenceId} (bucket {@code evidence}), and {@code sha256} is their hash. {@code place} (the wire form of a
 * {@link Place}) and {@code resultId} say what the evidence supports; either may be null.
 */
@Revision("1")
public record EvidenceUploadedEvent(AssessmentId assessmentId, EvidenceId evidenceId, String sha256, long size,
                                    String contentType, String fileName, String title, String place,
                                    ResultId resultId, Author author, Instant at) implements AssessmentEvent {
}
