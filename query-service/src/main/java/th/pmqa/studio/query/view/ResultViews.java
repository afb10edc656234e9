package th.pmqa.studio.query.view;

import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.IndicatorCount;
import th.pmqa.studio.catalog.IndicatorGroup;
import th.pmqa.studio.catalog.ResultDimension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The results of the report: each as attached (with how its figures read), and category 7 by dimension and group. */
public final class ResultViews {

    private ResultViews() {
    }

    public static ResultView of(ReportState.Result r) {
        ResultJudgement judgement = ResultJudgement.of(r.valuesByFiscalYear(), r.target(), r.comparison(), r.direction());
        return new ResultView(r.resultId(), r.level(), r.indicatorGroup(), r.name(), r.unit(), r.target(),
                              r.valuesByFiscalYear(), r.evidence(), r.author(), r.at(), r.comparison(), r.direction(),
                              judgement.trend(), judgement.targetGap(), judgement.comparisonGap());
    }

    /** หมวด 7: every dimension and indicator group of the catalog, with the results attached in each. */
    static List<ResultDimensionView> categorySeven(ReportState state, Catalog catalog) {
        List<ResultDimensionView> dimensions = new ArrayList<>();
        for (ResultDimension dimension : catalog.resultDimensions()) {
            List<IndicatorGroupView> groups = catalog.indicatorGroups().stream()
                    .filter(group -> group.dimension().equals(dimension.id()))
                    .map(group -> group(state, group)).toList();
            dimensions.add(new ResultDimensionView(dimension.id(), groups, dimension.title()));
        }
        return dimensions;
    }

    private static IndicatorGroupView group(ReportState state, IndicatorGroup group) {
        List<GroupResultView> results = new ArrayList<>();
        state.criteria.forEach((criterionId, section) -> section.results.values().stream()
                .filter(r -> group.id().equals(r.indicatorGroup()))
                .forEach(r -> results.add(new GroupResultView(criterionId, of(r)))));
        // the seed's count guidance (7.1.1: 2 to 3 indicators) with the count and whether it is within
        return new IndicatorGroupView(group.id(), group.title(), indicatorCount(state, group).orElse(null), results);
    }

    /** The group's count guidance against the distinct indicators (by name, stripped) attached in it; see the record. */
    public static Optional<IndicatorCountCheck> indicatorCount(ReportState state, IndicatorGroup group) {
        return group.countGuidance().map(guidance -> check(guidance, count(state, group.id())));
    }

    private static IndicatorCountCheck check(IndicatorCount guidance, int count) {
        return new IndicatorCountCheck(guidance.min(), guidance.max(), guidance.text(), count, guidance.admits(count));
    }

    static int count(ReportState state, String group) {
        Set<String> names = new HashSet<>();
        state.criteria.values().forEach(section -> section.results.values().stream()
                .filter(r -> group.equals(r.indicatorGroup()) && r.name() != null)
                .forEach(r -> names.add(r.name().strip())));
        return names.size();
    }
}
