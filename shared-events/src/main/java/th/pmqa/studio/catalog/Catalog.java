package th.pmqa.studio.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Optional;

/**
 * One version of the PMQA criteria (e.g. {@code pmqa-4.0/2567}) as data. A new fiscal year is a new data file,
 * not new code. {@code workshopSteps} are the Step-1 / Step-2 instructions of the seed's workshop forms;
 * {@code scoring} says where the weights of the score estimate come from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Catalog(String version, String title, List<ScoreBand> bands, List<AdrGuidance> adrGuidance,
                      List<ProfileQuestion> profileQuestions, List<ProfileItem> profileItems,
                      List<Category> categories, List<Criterion> criteria,
                      List<ResultDimension> resultDimensions, List<IndicatorGroup> indicatorGroups,
                      List<AdrDefinition> adrDefinitions, WorkshopSteps workshopSteps, Scoring scoring) {

    /** The original ten-component form, without the A-D-R definitions. */
    public Catalog(String version, String title, List<ScoreBand> bands, List<AdrGuidance> adrGuidance,
                   List<ProfileQuestion> profileQuestions, List<ProfileItem> profileItems,
                   List<Category> categories, List<Criterion> criteria,
                   List<ResultDimension> resultDimensions, List<IndicatorGroup> indicatorGroups) {
        this(version, title, bands, adrGuidance, profileQuestions, profileItems, categories, criteria,
                resultDimensions, indicatorGroups, List.of());
    }

    /** The eleven-component form, without workshop steps and scoring. */
    public Catalog(String version, String title, List<ScoreBand> bands, List<AdrGuidance> adrGuidance,
                   List<ProfileQuestion> profileQuestions, List<ProfileItem> profileItems,
                   List<Category> categories, List<Criterion> criteria,
                   List<ResultDimension> resultDimensions, List<IndicatorGroup> indicatorGroups,
                   List<AdrDefinition> adrDefinitions) {
        this(version, title, bands, adrGuidance, profileQuestions, profileItems, categories, criteria,
                resultDimensions, indicatorGroups, adrDefinitions, WorkshopSteps.NONE, null);
    }

    public Catalog {
        bands = List.copyOf(bands);
        adrGuidance = List.copyOf(adrGuidance);
        profileQuestions = List.copyOf(profileQuestions);
        profileItems = List.copyOf(profileItems);
        categories = List.copyOf(categories);
        criteria = List.copyOf(criteria);
        resultDimensions = List.copyOf(resultDimensions);
        indicatorGroups = List.copyOf(indicatorGroups);
        adrDefinitions = adrDefinitions == null ? List.of() : List.copyOf(adrDefinitions);
        workshopSteps = workshopSteps == null ? WorkshopSteps.NONE : workshopSteps;
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

    public Optional<AdrDefinition> adrDefinition(AdrPart part) {
        return adrDefinitions.stream().filter(d -> d.part() == part).findFirst();
    }

    public Optional<AdrGuidance> adrGuidance(LevelKind level) {
        return adrGuidance.stream().filter(g -> g.level() == level).findFirst();
    }

    public Optional<ProfileQuestion> profileQuestion(int number) {
        return profileQuestions.stream().filter(q -> q.number() == number).findFirst();
    }

    /** The OP items that answer one question, in the seed's order; none for (6) โครงสร้างองค์การ, answered as a whole. */
    public List<ProfileItem> profileItemsOf(int question) {
        return profileItems.stream().filter(i -> i.question() == question).toList();
    }

    public Optional<ResultDimension> resultDimension(String id) {
        return resultDimensions.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The indicator groups of one result dimension, in the seed's order. */
    public List<IndicatorGroup> indicatorGroupsOf(String dimension) {
        return indicatorGroups.stream().filter(g -> g.dimension().equals(dimension)).toList();
    }

    public List<Criterion> criteriaOf(int category) {
        return criteria.stream().filter(c -> c.category() == category).toList();
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
