package th.pmqa.studio.query.view;

import io.swagger.v3.oas.annotations.media.Schema;
import th.pmqa.studio.catalog.LevelKind;
import th.pmqa.studio.report.Author;
import th.pmqa.studio.report.Comparison;
import th.pmqa.studio.report.ResultDirection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A measured result as the report shows it: everything stored about it ({@code level} as {@code BASIC} …;
 * {@code comparison} and {@code direction} null when not given) and, in the same object, how its figures read
 * ({@link ResultJudgement}: {@code trend}, {@code targetGap}, {@code comparisonGap}).
 */
@Schema(name = "ReportResult")
public record ResultView(String resultId, LevelKind level,
                         @Schema(types = {"string", "null"}) String indicatorGroup,
                         @Schema(types = {"string", "null"}) String name,
                         @Schema(types = {"string", "null"}) String unit,
                         @Schema(types = {"number", "null"}) BigDecimal target,
                         @Schema(types = {"object", "null"}, description = "fiscal year → value")
                         Map<Integer, BigDecimal> valuesByFiscalYear,
                         @Schema(types = {"array", "null"}) List<String> evidence,
                         Author author, Instant at,
                         @Schema(types = {"object", "null"}) Comparison comparison,
                         @Schema(types = {"string", "null"}) ResultDirection direction,
                         @Schema(types = {"object", "null"}) ResultJudgement.Trend trend,
                         @Schema(types = {"object", "null"}) ResultJudgement.TargetGap targetGap,
                         @Schema(types = {"object", "null"}) ResultJudgement.ComparisonGap comparisonGap) {

    /** How the figures read, as {@link ResultJudgement#of} computed them. */
    public ResultJudgement judgement() {
        return new ResultJudgement(trend, targetGap, comparisonGap);
    }
}
