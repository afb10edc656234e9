package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.report.AssessmentId;
import th.pmqa.studio.report.OrganizationType;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

// The schemas of the requests describe what the service accepts, so that clients and the fuzzer in .ci/run know it; the
// checks themselves stay in the controllers and the aggregate, which answer with the field at fault.
record OpenRequest(
        @Schema(requiredMode = REQUIRED, pattern = "^" + AssessmentId.ORGANIZATION_CODE + "$", example = "KKN",
                description = "2–32 letters, digits or underscores; not null in any case") String organizationCode,
        @Schema(requiredMode = REQUIRED, minLength = 1, example = "จังหวัดขอนแก่น") String organizationName,
        @Schema(requiredMode = REQUIRED) OrganizationType organizationType,
        @Schema(requiredMode = REQUIRED, minimum = "2500", maximum = "2700", example = "2567",
                description = "Buddhist-era fiscal year: a whole number (not text, no fraction)") Integer fiscalYear,
        @Schema(requiredMode = REQUIRED, example = "pmqa-4.0/2567",
                description = "a catalog version published at /api/catalog") String catalogVersion) {
}
