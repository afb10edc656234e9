package th.pmqa.studio.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One version of the PMQA criteria (e.g. {@code pmqa-4.0/2567}) as data. A new fiscal year is a new data file,
 * not new code.
 */
public record Catalog(String version, String title, List<ScoreBand> bands, List<AdrGuidance> adrGuidance,
                      List<ProfileQuestion> profileQuestions, List<ProfileItem> profileItems,
                      List<Category> categories, List<Criterion> criteria,
                      List<ResultDimension> resultDimensions, List<IndicatorGroup> indicatorGroups) {

    public Catalog {
        bands = List.copyOf(bands);
        adrGuidance = List.copyOf(adrGuidance);
        profileQuestions = List.copyOf(profileQuestions);
        profileItems = List.copyOf(profileItems);
        categories = List.copyOf(categories);
        criteria = List.copyOf(criteria);
        resultDimensions = List.copyOf(resultDimensions);
        indicatorGroups = List.copyOf(indicatorGroups);
    }

    public Optional<Criterion> criterion(String id) {
        return criteria.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<ProfileItem> profileItem(int number) {
        return profileItems.stream().filter(i -> i.number() == number).findFirst();
    }

    public Optional<IndicatorGroup> indicatorGroup(String id) {
        return indicatorGroups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    public Optional<Category> category(int number) {
        return categories.stream().filter(c -> c.number() == number).findFirst();
    }

    public ScoreBand band(LevelKind level) {
        return bands.stream().filter(b -> b.level() == level).findFirst()
                .orElseThrow(() -> new IllegalStateException("catalog " + version + " has no band for " + level));
    }

    /** The band a score falls in, if any (e.g. 405 → Advance). */
    public Optional<ScoreBand> bandOf(int score) {
        return bands.stream().filter(b -> b.contains(score)).findFirst();
    }
}
