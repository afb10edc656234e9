package th.pmqa.studio.query.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A result as the report shows it: everything stored about it, and beside it, in the same object, how its figures
 * read ({@link ResultJudgement}: {@code trend}, {@code targetGap}, {@code comparisonGap}).
 */
public record ResultView(@JsonUnwrapped ReportState.Result result, @JsonUnwrapped ResultJudgement judgement) {

    public static ResultView of(ReportState.Result result) {
        return new ResultView(result, ResultJudgement.of(result));
    }
}
