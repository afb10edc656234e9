package th.pmqa.studio.query.http;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Which state of a report a request names, as query parameters: the latest, or a past one by {@code asOf},
 * {@code position} or {@code label} (at most one; {@link ReportAtPoint} resolves and checks them). Shared by every
 * rendering of the report (JSON, HTML, Word, PDF). Bound from the query string only ({@link ReportPointResolver}),
 * as text, so that a bad value gets a problem naming its parameter.
 */
public record ReportPoint(
        @Parameter(in = ParameterIn.QUERY, name = "asOf", description = "the report as it was at this instant",
                   schema = @Schema(type = "string", format = "date-time"))
        String asOf,
        @Parameter(in = ParameterIn.QUERY, name = "position",
                   description = "the report as it was at this global position: a whole number from 0",
                   schema = @Schema(type = "integer", minimum = "0", maximum = "9007199254740991"))
        String position,
        @Parameter(in = ParameterIn.QUERY, name = "label", description = "the report as it was when this label was set")
        String label) {
}
