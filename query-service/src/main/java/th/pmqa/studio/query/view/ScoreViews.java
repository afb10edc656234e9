package th.pmqa.studio.query.view;

import th.pmqa.studio.query.model.ReportState;
import th.pmqa.studio.catalog.Catalog;
import th.pmqa.studio.catalog.Category;
import th.pmqa.studio.catalog.Criterion;
import th.pmqa.studio.catalog.ScoreBand;
import th.pmqa.studio.catalog.Scoring;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The report's scores. They are estimates by this tool's rule (the seed gives no weights and no formula, so the
 * weights are the catalog's, marked {@code weightsSource: "tool"}, and equal by default): a sub-criterion scores its
 * rating; a category scores the weighted mean of its rated sub-criteria; the overall score is the weighted mean of all
 * rated sub-criteria (sub-criterion weight × category weight). Each score's band is the band its rounded value falls
 * in (Basic 300–399, Advance 400–469, Significance 470–500). Beside them the report lists what the seed asks for:
 * each sub-criterion's rated level.
 */
public final class ScoreViews {

    private ScoreViews() {
    }

    public static OverallScoreView overall(ReportState state, Catalog catalog) {
        ScoreView score = score(weightedMean(state, catalog.criteria(),
                c -> c.weight() * catalog.category(c.category()).map(Category::weight).orElse(1.0)), catalog);
        return new OverallScoreView(score.value(), score.band(), ReportViewBuilder.ratedCount(state),
                                    catalog.criteria().size());
    }

    /**
     * The overall score named for what it is: an estimate by this tool's rule with weights of the catalog's data
     * ({@code weightsSource} "tool": the seed gives no weights and no formula), with the rule in English and Thai.
     * The same value and band as {@code score}, which stays for the clients that read it.
     */
    public static EstimatedScoreView estimated(ReportState state, Catalog catalog) {
        OverallScoreView overall = overall(state, catalog);
        Scoring scoring = catalog.scoring();
        return new EstimatedScoreView(overall.value(), overall.band(), overall.rated(), overall.criteria(),
                                      scoring == null ? null : scoring.weightsSource(),
                                      scoring == null ? null : scoring.rule(),
                                      scoring == null ? null : scoring.ruleThai());
    }

    static ScoreView category(ReportState state, Catalog catalog, List<Criterion> ofCategory) {
        return score(weightedMean(state, ofCategory, Criterion::weight), catalog);
    }

    static ScoreView criterion(ReportState.Rating rating, Catalog catalog) {
        return score(rating == null ? null : (double) rating.score(), catalog);
    }

    /**
     * What the seed asks for beside any score: the level each sub-criterion was rated at (its Step-2), in catalog
     * order; {@code level} and {@code score} are null while it is not rated.
     */
    public static List<RatedLevelView> ratedLevels(ReportState state, Catalog catalog) {
        return catalog.criteria().stream().map(criterion -> {
            ReportState.CriterionSection section = state.criteria.get(criterion.id());
            ReportState.Rating rating = section == null ? null : section.rating;
            return new RatedLevelView(criterion.id(), criterion.title(),
                                      rating == null ? null : Level.of(rating.level()),
                                      rating == null ? null : catalog.band(rating.level()).nameThai(),
                                      rating == null ? null : rating.score());
        }).toList();
    }

    /** A value rounded to one decimal with the band of the value shown, so one displayed score never lands in two. */
    public static ScoreView score(Double value, Catalog catalog) {
        if (value == null) {
            return new ScoreView(null, null);
        }
        double rounded = Math.round(value * 10) / 10.0;
        return new ScoreView(rounded, catalog.bandOf((int) Math.round(rounded)).map(ScoreViews::band).orElse(null));
    }

    private static BandView band(ScoreBand band) {
        return new BandView(band.nameEnglish(), Level.of(band.level()), band.max(), band.min(), band.nameThai());
    }

    private static Double weightedMean(ReportState state, List<Criterion> criteria, ToDoubleFunction<Criterion> weight) {
        double sum = 0;
        double weights = 0;
        for (Criterion c : criteria) {
            ReportState.CriterionSection section = state.criteria.get(c.id());
            if (section != null && section.rating != null) {
                double w = weight.applyAsDouble(c);
                sum += w * section.rating.score();
                weights += w;
            }
        }
        return weights == 0 ? null : sum / weights;
    }
}
