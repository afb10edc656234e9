package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.command.report.ReportBounds;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static th.pmqa.studio.command.report.http.IndicatorNumberDoc.INDICATOR_NUMBER;

/** The body of attaching a result, and of revising one. */
record AttachRequest(
        @Schema(requiredMode = REQUIRED, example = "7.1.1") String indicatorGroup,
        @Schema(requiredMode = REQUIRED) String name,
        String unit,
        @Schema(minimum = "-" + ReportBounds.INDICATOR_MAXIMUM, maximum = ReportBounds.INDICATOR_MAXIMUM,
                description = INDICATOR_NUMBER)
        BigDecimal target,
        @Schema(description = "value per Buddhist-era fiscal year (keys 2500–2700); each value: " + INDICATOR_NUMBER,
                additionalPropertiesSchema = IndicatorNumberDoc.class)
        Map<Integer, BigDecimal> values,
        @ArraySchema(maxItems = 20, arraySchema = @Schema(description =
                "what backs the figures: free text (a link, a document) or the evidenceId of an uploaded file of "
                + "this assessment (404 naming 'evidence' when it holds no such file)")) List<String> evidence,
        @Schema(description = "a comparison value (ค่าเทียบเคียง) and where it comes from; leave out for none")
        ComparisonRequest comparison,
        @Schema(allowableValues = {"higher", "lower"},
                description = "which way is better: higher (e.g. satisfaction) or lower (e.g. complaints). Left "
                              + "out, the report says how the figures moved (rising, falling) but not whether "
                              + "that is better or worse, and not whether the target is met")
        String direction) {
}
