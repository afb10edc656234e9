package th.pmqa.studio.command.report.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.OrganizationType;

/** Starts the report of an organization for a fiscal year against one catalog version. */
public record OpenAssessmentCommand(@TargetAggregateIdentifier AssessmentId assessmentId, String organizationCode, String organizationName,
                                    OrganizationType organizationType, int fiscalYear, String catalogVersion,
                                    Author author) {
}
