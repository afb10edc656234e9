package th.pmqa.studio.report;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An organization started its report for a fiscal year; every later edit is validated against {@code catalogVersion}. */
@Revision("1")
public record AssessmentOpenedEvent(AssessmentId assessmentId, String organizationCode, String organizationName,
                                    OrganizationType organizationType, int fiscalYear, String catalogVersion,
                                    Author author, Instant at) implements AssessmentEvent {
}
