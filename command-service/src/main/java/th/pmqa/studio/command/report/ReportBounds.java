package th.pmqa.studio.command.report;

/**
 * Bounds the aggregate applies to request values, published so that the API description (command.report.http) states
 * the same numbers; constants, so that annotations can use them.
 */
public final class ReportBounds {

    /** The largest indicator number, either sign. */
    public static final String INDICATOR_MAXIMUM = IndicatorNumber.MAXIMUM;

    /** The longest source of a comparison value, in code points. */
    public static final int MAX_COMPARISON_SOURCE = ResultFigures.MAX_SOURCE_LENGTH;

    private ReportBounds() {
    }
}
