package th.pmqa.studio.command.report;

import th.pmqa.studio.catalog.Catalogs;
import th.pmqa.studio.command.rejection.InvalidInputException;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.command.report.commands.OpenAssessmentCommand;

/** What opening an assessment asks of its command: a valid organization, year, id and a catalog that exists. */
final class OpeningRules {

    private OpeningRules() {
    }

    static void check(OpenAssessmentCommand command) {
        String code = command.organizationCode();
        if (!AssessmentId.isOrganizationCode(code)) {
            throw new InvalidInputException("organizationCode",
                    "organizationCode must be 2 to 32 letters, digits or underscores (no hyphen), and not \"null\"");
        }
        if (command.fiscalYear() < Assessment.FIRST_FISCAL_YEAR || command.fiscalYear() > Assessment.LAST_FISCAL_YEAR) {
            throw new InvalidInputException("fiscalYear", "fiscalYear is a Buddhist-era year from "
                    + Assessment.FIRST_FISCAL_YEAR + " to " + Assessment.LAST_FISCAL_YEAR);
        }
        if (!AssessmentId.of(code, command.fiscalYear()).equals(command.assessmentId())) {
            throw new InvalidInputException("assessmentId", "assessmentId must be <organizationCode>-<fiscalYear>");
        }
        if (command.organizationName() == null || command.organizationName().isBlank()) {
            throw new InvalidInputException("organizationName", "organizationName is required");
        }
        if (command.organizationType() == null) {
            throw new InvalidInputException("organizationType", "organizationType is PROVINCE or AGENCY");
        }
        if (Catalogs.load(command.catalogVersion()).isEmpty()) {
            throw new InvalidInputException("catalogVersion",
                    "catalogVersion " + command.catalogVersion() + " is unknown (current: "
                            + Catalogs.CURRENT_VERSION + ")");
        }
    }
}
