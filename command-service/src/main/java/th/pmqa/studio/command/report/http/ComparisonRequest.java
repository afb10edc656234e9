package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.command.report.ReportBounds;

import java.math.BigDecimal;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static th.pmqa.studio.command.report.http.IndicatorNumberDoc.INDICATOR_NUMBER;

@Schema(name = "Comparison")
record ComparisonRequest(
        @Schema(requiredMode = REQUIRED, minimum = "-" + ReportBounds.INDICATOR_MAXIMUM,
                maximum = ReportBounds.INDICATOR_MAXIMUM, description = INDICATOR_NUMBER) BigDecimal value,
        @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = ReportBounds.MAX_COMPARISON_SOURCE,
                example = "ค่าเฉลี่ยจังหวัดในกลุ่มภาคตะวันออกเฉียงเหนือ ปี 2566",
                description = "where the comparison value comes from; stored exactly as sent") String source) {
}
