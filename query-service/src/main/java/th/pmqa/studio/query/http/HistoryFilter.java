package th.pmqa.studio.query.http;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Filters of a section's history, as query parameters, shared by the three history endpoints. Bound from the query
 * string only ({@link HistoryFilterResolver}): as a form object they made a GET with a multipart Content-Type read its
 * body and fail with 500 (found by the fuzzer). Numbers and instants arrive as text so that a bad one gets a problem
 * naming the parameter, not a binding error; the schemas say what is accepted.
 */
public record HistoryFilter(
        @Parameter(in = ParameterIn.QUERY, name = "page", description = "page number from 0",
                   schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
        String page,
        @Parameter(in = ParameterIn.QUERY, name = "size", description = "changes per page",
                   schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "20"))
        String size,
        @Parameter(in = ParameterIn.QUERY, name = "author", description = "only changes by this user id")
        String author,
        @Parameter(in = ParameterIn.QUERY, name = "from", description = "only changes at or after this instant",
                   schema = @Schema(type = "string", format = "date-time"))
        String from,
        @Parameter(in = ParameterIn.QUERY, name = "to", description = "only changes at or before this instant",
                   schema = @Schema(type = "string", format = "date-time"))
        String to) {
}
