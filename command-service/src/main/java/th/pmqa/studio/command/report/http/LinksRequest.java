package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

record LinksRequest(
        @ArraySchema(schema = @Schema(types = {"integer"}, format = "int32", minimum = "1", maximum = "29"),
                     arraySchema = @Schema(description = "OP item numbers of the catalog (1–29 in pmqa-4.0/2567)"))
        List<Integer> profileItems,
        @Schema(description = "indicator group codes of the catalog, e.g. 7.1.1") List<String> indicatorGroups,
        @ArraySchema(schema = @Schema(format = "uuid"),
                     arraySchema = @Schema(description = "ids of the assessment's key processes (POST "
                                                         + "…/key-processes); sub-criteria of category 6 only, "
                                                         + "elsewhere only an empty list"))
        List<String> keyProcesses) {
}
