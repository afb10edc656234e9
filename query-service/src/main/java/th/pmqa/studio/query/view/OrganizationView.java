package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;

/** The organization the report is of: its code, name and type ({@code PROVINCE} …). */
@Schema(name = "ReportOrganization")
public record OrganizationView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String code,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String type) {
}
