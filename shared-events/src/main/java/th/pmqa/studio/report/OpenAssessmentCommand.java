package th.pmqa.studio.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts the report of an organization for a fiscal year against one catalog version. */
public record OpenAssessmentCommand(@TargetAggregateIdentifier AssessmentId assessmentId, String organizationCode, String organizationName,
                                    OrganizationType organizationType, int fiscalYear, String catalogVersion,
                                    Author author) {
}
