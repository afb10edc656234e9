package th.pmqa.studio.command.report.http;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.command.report.ReportBounds;

/** How an indicator number is described wherever a request carries one (the map values of a result's figures). */
@Schema(name = "IndicatorNumber", type = "number", minimum = "-" + ReportBounds.INDICATOR_MAXIMUM,
        maximum = ReportBounds.INDICATOR_MAXIMUM, description = IndicatorNumberDoc.INDICATOR_NUMBER)
final class IndicatorNumberDoc {

    static final String INDICATOR_NUMBER = "a number from -" + ReportBounds.INDICATOR_MAXIMUM + " to "
                                           + ReportBounds.INDICATOR_MAXIMUM
                                           + " with at most 6 digits after the decimal point, without quotes";

    private IndicatorNumberDoc() {
    }
}
